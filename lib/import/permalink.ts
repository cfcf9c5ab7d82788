/**
 * The public addresses a WordPress site served for an imported item, so each can redirect to
 * the item's new address. Pure.
 *
 * Permalink structures use WordPress's structure tags
 * (https://wordpress.org/documentation/article/customize-permalinks/): %year% %monthnum%
 * %day% %hour% %minute% %second% %post_id% %postname% %category% %author%. Dates are the
 * site's wall-clock time, which is what `post_date` holds.
 */
import { instantToZonedLocal } from "@/lib/publishing/zoned-time";
import { normalizeLegacyPath, type LegacyKind } from "@/lib/redirects/legacy";
import type { WxrItem } from "./wxr";

/** The structure tags WordPress documents (see the module's doc). */
export const PERMALINK_TAGS = ["year", "monthnum", "day", "hour", "minute", "second", "post_id", "postname", "category", "author"] as const;
type PermalinkTag = (typeof PERMALINK_TAGS)[number];

/** A permalink structure, checked: literal text and tags in order. */
export type PermalinkStructure = (string | { tag: PermalinkTag })[];

/** A permalink structure that cannot be used, with a message that says why. */
export class PermalinkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PermalinkError";
  }
}

/**
 * Reads a permalink structure such as "/%year%/%monthnum%/%postname%/".
 * @throws PermalinkError for an unknown tag (named in the message), a stray "%", a
 *   structure that does not start with "/", or one with neither %postname% nor %post_id%
 *   (it would not tell posts apart).
 */
export function parsePermalinkStructure(structure: string): PermalinkStructure {
  const s = structure.trim();
  if (!s.startsWith("/")) throw new PermalinkError(`The permalink structure “${s}” must start with “/”, e.g. /%year%/%monthnum%/%day%/%postname%/.`);
  const parts: PermalinkStructure = [];
  const re = /%([^%/]*)%/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) parts.push(s.slice(last, m.index));
    const tag = m[1]!;
    if (!(PERMALINK_TAGS as readonly string[]).includes(tag)) {
      throw new PermalinkError(`Unknown permalink tag “%${tag}%” in “${s}”. Known tags: ${PERMALINK_TAGS.map((t) => `%${t}%`).join(" ")}.`);
    }
    parts.push({ tag: tag as PermalinkTag });
    last = re.lastIndex;
  }
  const rest = s.slice(last);
  if (rest) parts.push(rest);
  if (parts.some((p) => typeof p === "string" && p.includes("%"))) throw new PermalinkError(`The permalink structure “${s}” has a “%” that opens no tag.`);
  if (!parts.some((p) => typeof p !== "string" && (p.tag === "postname" || p.tag === "post_id"))) {
    throw new PermalinkError(`The permalink structure “${s}” needs %postname% or %post_id% to tell posts apart.`);
  }
  return parts;
}

/** What the addresses of one item depend on besides the item. */
export interface AddressContext {
  /** The export's own host ("news.example"), for items' `<link>`; "" when unknown. */
  host: string;
  structure: PermalinkStructure | null;
  siteTimeZone: string;
  /** A category's parent slug by its slug (for %category%, which is the whole path). */
  categoryParents: Map<string, string>;
}

/** One old address: a normalised path or a query key (lib/redirects/legacy.ts). */
export interface LegacyAddress {
  key: string;
  kind: LegacyKind;
}

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** The item's date on the site's clock: `post_date`, else `post_date_gmt` read in the site zone. */
function localDate(item: Pick<WxrItem, "postDate" | "postDateGmt">, timeZone: string): RegExpExecArray | null {
  const local = WP_DATE.exec(item.postDate.trim());
  if (local && local[1] !== "0000") return local;
  const gmt = WP_DATE.exec(item.postDateGmt.trim());
  if (!gmt || gmt[1] === "0000") return null;
  const at = new Date(`${gmt[1]}-${gmt[2]}-${gmt[3]}T${gmt[4]}:${gmt[5]}:${gmt[6]}Z`);
  return WP_DATE.exec(instantToZonedLocal(at, timeZone).replace("T", " ").slice(0, 19));
}

/** The %category% path of an item: its first category with its parents ("news/world"). */
function categoryPath(item: Pick<WxrItem, "terms">, parents: Map<string, string>): string {
  const first = item.terms.find((t) => t.taxonomy === "category")?.slug || "uncategorized";
  const path = [first];
  for (let p = parents.get(first); p && path.length < 20 && !path.includes(p); p = parents.get(p)) path.unshift(p);
  return path.join("/");
}

/** The author "nicename" WordPress puts in addresses: the login, sanitised. */
export function authorNicename(login: string): string {
  return login
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_\-.@\u0080-\uffff]+/g, "-")
    .replace(/[.@]/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * An item's permalink under `structure`, as a path; null when a tag has no value (no date,
 * no slug).
 */
export function expandPermalink(structure: PermalinkStructure, item: Pick<WxrItem, "postDate" | "postDateGmt" | "postId" | "postName" | "terms" | "creator">, ctx: Pick<AddressContext, "siteTimeZone" | "categoryParents">): string | null {
  const date = localDate(item, ctx.siteTimeZone);
  let out = "";
  for (const part of structure) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    let value = "";
    switch (part.tag) {
      case "year":
      case "monthnum":
      case "day":
      case "hour":
      case "minute":
      case "second":
        value = date ? date[["year", "monthnum", "day", "hour", "minute", "second"].indexOf(part.tag) + 1]! : "";
        break;
      case "post_id":
        value = item.postId.trim();
        break;
      case "postname":
        value = item.postName.trim();
        break;
      case "category":
        value = categoryPath(item, ctx.categoryParents);
        break;
      case "author":
        value = authorNicename(item.creator);
        break;
    }
    if (!value) return null;
    out += value;
  }
  return out;
}

/** The path of `link` when it is on `host`, else null (another host, a query address, the home page). */
function ownLinkPath(link: string, host: string): string | null {
  if (!host || !link.trim()) return null;
  try {
    const u = new URL(link.trim());
    if (u.host.toLowerCase() !== host.toLowerCase() || u.search || u.pathname === "/") return null;
    return u.pathname;
  } catch {
    return null;
  }
}

const feedOf = (path: string) => `${path}/feed`;

/**
 * Every public address WordPress served for a published item that leads to the story: its
 * permalink (under the structure given, and its own `<link>` when on the export's host),
 * each with its `/feed/`, and `?p=<id>` (`?page_id=<id>` for pages). Normalised keys,
 * without duplicates. Items that were not public (drafts, private, password-protected,
 * scheduled) had none.
 */
export function itemAddresses(item: Pick<WxrItem, "postType" | "status" | "password" | "postDate" | "postDateGmt" | "postId" | "postName" | "terms" | "creator" | "link">, ctx: AddressContext): LegacyAddress[] {
  if (item.status !== "publish" || item.password.trim()) return [];
  const out: LegacyAddress[] = [];
  const add = (raw: string | null, kind: LegacyKind) => {
    const key = raw === null ? null : raw.includes(":") && !raw.startsWith("/") ? raw : normalizeLegacyPath(raw);
    if (key && key !== "/" && !out.some((a) => a.key === key)) out.push({ key, kind });
  };
  const isPage = item.postType === "page";
  const permalink = isPage ? (item.postName.trim() ? `/${item.postName.trim()}/` : null) : ctx.structure ? expandPermalink(ctx.structure, item, ctx) : null;
  const permalinkKey = permalink ? normalizeLegacyPath(permalink) : null;
  if (permalinkKey) {
    add(permalinkKey, "permalink");
    add(feedOf(permalinkKey), "permalink-feed");
  }
  const link = ownLinkPath(item.link, ctx.host);
  const linkKey = link ? normalizeLegacyPath(link) : null;
  if (linkKey) {
    add(linkKey, "link");
    add(feedOf(linkKey), "link-feed");
  }
  const id = item.postId.trim();
  if (/^[1-9][0-9]{0,18}$/.test(id)) add(isPage ? `page_id:${id}` : `p:${id}`, isPage ? "page-id" : "post-id");
  return out;
}

/** The old archive addresses of a term (`/category/<slug>/`, `/tag/<slug>/`) and their feeds. */
export function termAddresses(taxonomy: "category" | "post_tag", wpSlugPath: string): LegacyAddress[] {
  const base = normalizeLegacyPath(`/${taxonomy === "category" ? "category" : "tag"}/${wpSlugPath}`);
  if (!base) return [];
  const kind = taxonomy === "category" ? "category" : "tag";
  return [
    { key: base, kind },
    { key: feedOf(base), kind: `${kind}-feed` },
  ];
}

/** The old author archive address (`/author/<nicename>/`) and its feed. */
export function authorAddresses(login: string): LegacyAddress[] {
  const nice = authorNicename(login);
  const base = nice ? normalizeLegacyPath(`/author/${nice}`) : null;
  if (!base) return [];
  return [
    { key: base, kind: "author" },
    { key: feedOf(base), kind: "author-feed" },
  ];
}
