/**
 * The body of a live blog's updates endpoint (`/news/<slug>/live.json`), polled by the
 * reader's updates script every ~15 s with `If-None-Match`. It carries, rendered with the
 * page's own components so an entry looks the same however it arrived:
 * - `entries`: the newest entries (the first page's), each `{ id, postedAt, version, html }`,
 *   newest first; `version` changes when the entry is edited;
 * - `complete`: true when these are all the live blog's entries (then an entry on the page
 *   and not here was deleted; otherwise only those newer than the oldest listed can be judged);
 * - `keyEventsHtml`, `pinnedHtml`: the key events list and the pinned entry as they are now;
 * - `live` (the coverage runs), `endedAt`, `lastUpdatedAt` (ISO 8601 instants, UTC).
 * Server-only.
 */
import "server-only";
import type { ReactNode } from "react";
import { getDb } from "@/db";
import { getLivePage, type LivePage, type PublicEntry } from "@/lib/live/public";
import { getSiteSettings } from "@/lib/site/settings";
import { getPublicStory } from "@/lib/stories/queries";
import { KeyEvents, LiveEntry, PinnedBox, type LiveZone } from "./live-blog";

/** One entry of the endpoint. */
export interface LiveJsonEntry {
  id: string;
  postedAt: string;
  version: string;
  html: string;
}

/** The endpoint's body. */
export interface LiveJson {
  live: boolean;
  endedAt: string | null;
  lastUpdatedAt: string;
  total: number;
  complete: boolean;
  entries: LiveJsonEntry[];
  keyEventsHtml: string;
  pinnedHtml: string;
}

async function markup(element: ReactNode): Promise<string> {
  const { renderToStaticMarkup } = await import("react-dom/server");
  return renderToStaticMarkup(element);
}

/** An entry's version as the page's `data-entry-version` writes it. */
const versionOf = (e: PublicEntry) => `${e.postedAt.getTime()}-${e.editedAt?.getTime() ?? 0}`;

/**
 * Renders the endpoint's body for a live blog's first page.
 * @param live the coverage's start and end; @param lastUpdatedAt the story's "Last Updated On".
 */
export async function liveUpdatesJson(page: LivePage, live: { startedAt: Date; endedAt: Date | null }, lastUpdatedAt: Date, zone: LiveZone): Promise<LiveJson> {
  const entries = await Promise.all(
    page.entries.map(async (e) => ({ id: e.id, postedAt: e.postedAt.toISOString(), version: versionOf(e), html: await markup(<LiveEntry entry={e} zone={zone} />) })),
  );
  return {
    live: live.endedAt === null,
    endedAt: live.endedAt?.toISOString() ?? null,
    lastUpdatedAt: lastUpdatedAt.toISOString(),
    total: page.total,
    complete: page.older === null,
    entries,
    keyEventsHtml: await markup(<KeyEvents page={page} zone={zone} />),
    pinnedHtml: await markup(<PinnedBox page={page} zone={zone} />),
  };
}

/** What the endpoint answers: the body, a redirect from an old slug, or nothing (not a public live blog). */
export type LiveJsonLookup = { kind: "json"; body: string; lastModified: string } | { kind: "redirect"; location: string } | { kind: "missing" };

/**
 * The endpoint's answer for a slug at `now` (uncached; the route caches it with the reader data,
 * expired on every change to the story or its entries).
 */
export async function loadLiveJson(slug: string, now: Date): Promise<LiveJsonLookup> {
  const found = await getPublicStory(slug, now);
  if (found.kind === "redirect") return { kind: "redirect", location: `/news/${encodeURIComponent(found.slug)}/live.json` };
  if (found.kind !== "story" || !found.story.live) return { kind: "missing" };
  const story = found.story;
  const [settings, page] = await Promise.all([getSiteSettings(), getLivePage(await getDb(), story.id, now)]);
  const body = await liveUpdatesJson(page, story.live!, story.lastUpdatedAt, { timeZone: settings.timeZone, siteLocale: settings.locale, language: story.language });
  return { kind: "json", body: JSON.stringify(body), lastModified: story.lastUpdatedAt.toISOString() };
}
