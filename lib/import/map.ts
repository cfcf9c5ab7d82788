/**
 * WordPress items → stories: statuses, dates, titles, terms and authors. Pure.
 *
 * Dates (importers that lost or shifted them: https://github.com/emdash-cms/emdash/issues/322,
 * https://github.com/Automattic/wp-calypso/issues/61145): the publication instant is
 * `post_date_gmt` when it is a real date; else the item's RSS `pubDate` when valid; else `post_date` read in
 * the source site's time zone (an import option, never the server's). The
 * "0000-00-00 00:00:00" sentinel means "no date" and never aborts an import. "Last Updated On"
 * is `post_modified_gmt` (or `post_modified` in the site zone) when later than publication,
 * else the publication instant — never the time of the import.
 */
import { zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import type { WxrItem } from "./wxr";

export type ImportStatus = "published" | "scheduled" | "draft";

const WP_DATE = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/** A WordPress "YYYY-MM-DD HH:MM:SS" in UTC, or null for the sentinel, empty or malformed values. */
export function wpGmtDate(value: string): Date | null {
  const m = WP_DATE.exec(value.trim());
  if (!m || m[1] === "0000") return null;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A WordPress local "YYYY-MM-DD HH:MM:SS" read in `timeZone`, or null. */
export function wpLocalDate(value: string, timeZone: string): Date | null {
  const m = WP_DATE.exec(value.trim());
  if (!m || m[1] === "0000") return null;
  try {
    return zonedLocalToInstant(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`, timeZone);
  } catch {
    // A wall-clock time skipped by a DST change: take the instant one hour later, as WordPress would show it.
    try {
      return new Date(zonedLocalToInstant(`${m[1]}-${m[2]}-${m[3]}T${String(Number(m[4]) + 1).padStart(2, "0")}:${m[5]}:${m[6]}`, timeZone).getTime());
    } catch {
      return null;
    }
  }
}

/** An RSS pubDate (RFC 822), or null; WordPress writes year -0001 for "no date". */
export function rssDate(value: string): Date | null {
  const v = value.trim();
  if (!v || /-0001/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 ? null : d;
}

/** The publication and "Last Updated On" instants of an item. */
export function itemDates(item: Pick<WxrItem, "postDate" | "postDateGmt" | "pubDate" | "postModified" | "postModifiedGmt">, siteTimeZone: string): { published: Date | null; updated: Date | null } {
  const published = wpGmtDate(item.postDateGmt) ?? rssDate(item.pubDate) ?? wpLocalDate(item.postDate, siteTimeZone);
  if (!published) return { published: null, updated: null };
  const modified = wpGmtDate(item.postModifiedGmt) ?? wpLocalDate(item.postModified, siteTimeZone);
  return { published, updated: modified && modified > published ? modified : published };
}

export interface StatusDecision {
  status: ImportStatus;
  /** Why an item did not keep its WordPress status (listed in the report). */
  note?: string;
}

/**
 * Our status for an item: publish → published (scheduled when its date is still ahead),
 * future → scheduled, draft/pending/auto-draft → draft, private and password-protected → draft
 * (we have neither, and they must not become public).
 */
export function itemStatus(item: Pick<WxrItem, "status" | "password">, published: Date | null, now: Date): StatusDecision {
  if (item.password.trim()) return { status: "draft", note: "password-protected in WordPress: imported as a draft" };
  switch (item.status) {
    case "publish":
    case "future":
      if (!published) return { status: "draft", note: `${item.status} without a date: imported as a draft` };
      return { status: published > now ? "scheduled" : "published" };
    case "private":
      return { status: "draft", note: "private in WordPress: imported as a draft" };
    case "draft":
    case "pending":
    case "auto-draft":
      return { status: "draft" };
    default:
      return { status: "draft", note: `status “${item.status || "none"}”: imported as a draft` };
  }
}

/** The WordPress identity of an item in one export: its post id, else its GUID. */
export function itemKey(item: Pick<WxrItem, "postId" | "guid">): string {
  const id = item.postId.trim();
  return id ? `post:${id}` : `guid:${item.guid.trim()}`;
}

/** Percent-decoded WordPress slug ("%ce%b5…" → "επ…"), or "" when malformed. */
export function wpSlug(value: string): string {
  const v = value.trim();
  try {
    return decodeURIComponent(v);
  } catch {
    return "";
  }
}
