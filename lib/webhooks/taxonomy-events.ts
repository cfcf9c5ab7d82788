/**
 * Webhook events of tags and bylines (`tag.changed`, `byline.changed`), recorded in the
 * transaction of an admin's change (see ./events.ts). `data.change` says what happened:
 * "created", "updated" (name, slug, description…; `previousSlug` when the slug moved, the old
 * address redirecting), "retired" / "restored" (bylines), or "merged" (the tag or byline was
 * merged into `data.mergedInto` and deleted; its old address redirects there).
 * Tags made on the fly by a story's save are not announced: they appear with the story.
 */
import type { Db } from "@/db/client";
import { siteUrl } from "@/lib/env";
import { absoluteUrl } from "@/lib/seo/metadata";
import { emitWebhookEvent } from "./events";

/** A tag or byline as events name it. */
export interface TermRef {
  id: string;
  slug: string;
  name: string;
}

/** What happened to a tag or byline. */
export type TermChange = "created" | "updated" | "retired" | "restored" | "merged";

const termData = (path: "tag" | "author", t: TermRef) => ({ id: t.id, slug: t.slug, name: t.name, url: absoluteUrl(siteUrl(), `/${path}/${encodeURIComponent(t.slug)}`) });

/** Records `tag.changed` or `byline.changed` for one term. */
async function announceTerm(tx: Db, event: "tag.changed" | "byline.changed", change: TermChange, term: TermRef, details: { previousSlug?: string; mergedInto?: TermRef }): Promise<string | null> {
  const [key, path] = event === "tag.changed" ? (["tag", "tag"] as const) : (["byline", "author"] as const);
  return emitWebhookEvent(tx, {
    event,
    data: {
      change,
      [key]: termData(path, term),
      ...(details.previousSlug && details.previousSlug !== term.slug ? { previousSlug: details.previousSlug } : {}),
      ...(details.mergedInto ? { mergedInto: termData(path, details.mergedInto) } : {}),
    },
  });
}

/**
 * Records `tag.changed` on `tx` (the change's transaction).
 * @param details `previousSlug` when the slug moved; `mergedInto` for a merge (the survivor).
 * @returns the event's id. The caller nudges the worker after the commit.
 */
export function announceTagChange(tx: Db, change: TermChange, tag: TermRef, details: { previousSlug?: string; mergedInto?: TermRef } = {}): Promise<string | null> {
  return announceTerm(tx, "tag.changed", change, tag, details);
}

/**
 * Records `byline.changed` on `tx` (the change's transaction); as {@link announceTagChange}.
 * @returns the event's id. The caller nudges the worker after the commit.
 */
export function announceBylineChange(tx: Db, change: TermChange, byline: TermRef, details: { previousSlug?: string; mergedInto?: TermRef } = {}): Promise<string | null> {
  return announceTerm(tx, "byline.changed", change, byline, details);
}
