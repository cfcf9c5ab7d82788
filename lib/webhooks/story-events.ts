/**
 * Webhook events of stories: `story.published`, `story.updated`, `story.unpublished` and
 * `story.deleted`, decided by the one visibility rule (lib/stories/visibility.ts) and recorded
 * in the transaction of the change (the transactional outbox; see ./events.ts).
 *
 * Each story carries `announced_public`: what receivers were last told. A change compares it
 * with what readers can see after the change and records the event of the difference, updating
 * the flag in the same transaction, so each transition is announced exactly once:
 * - a save, trash or restore calls {@link announceStoryChange} inside its own transaction;
 * - changes that happen by themselves at an instant (a scheduled story's publication, a
 *   scheduled unpublish) are found by {@link announceDueStories}, which the scheduler runs at
 *   each scheduled instant and on its sweep, on every instance (rows claimed with
 *   `FOR UPDATE SKIP LOCKED`, so two instances never announce one transition twice).
 *
 * Imports do not announce (a move of an archive is not news): the importer marks the public
 * stories it writes as announced.
 *
 * No `server-only` marker: the scheduler (started from instrumentation) calls it.
 */
import { and, eq, gt, isNotNull, isNull, lte, not, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { stories, type RevisionKind, type StoryRow } from "@/db/schema";
import { siteUrl } from "@/lib/env";
import { absoluteUrl } from "@/lib/seo/metadata";
import { isBreakingAt, isPubliclyVisible } from "@/lib/stories/visibility";
import { emitWebhookEvent, type StoryUpdateKind, type WebhookEventName } from "./events";

/** Stories announced per pass of {@link announceDueStories} (it loops until none is left). */
const ANNOUNCE_BATCH = 100;

/** What a change did to a story, as far as receivers are concerned. */
export interface StoryChange {
  /**
   * The kind of a save of a story readers already see and still see, when the save changed
   * what they see; null or absent when it did not (no `story.updated` then).
   */
  updateKind?: StoryUpdateKind | null;
  /** The public note of an update, correction or clarification. */
  note?: string | null;
  /** The story went to the trash: `story.deleted` if readers ever saw it. */
  trashed?: boolean;
}

/**
 * The `story.updated` kind of a save, from its revision kind (lib/publishing/rules.ts): an
 * update, correction or clarification is itself; any other save readers see (a minor edit, a
 * restored revision) is "minor". Null for saves readers do not see.
 */
export function updateKindOf(revisionKind: RevisionKind, affectsReaders: boolean): StoryUpdateKind | null {
  if (!affectsReaders) return null;
  if (revisionKind === "update" || revisionKind === "correction" || revisionKind === "clarification") return revisionKind;
  return "minor";
}

type StoryForEvent = Pick<
  StoryRow,
  "id" | "slug" | "title" | "dek" | "language" | "status" | "publishedAt" | "lastUpdatedAt" | "unpublishAt" | "trashedAt" | "isBreaking" | "breakingUntil" | "announcedPublic"
>;

const eventColumns = {
  id: stories.id,
  slug: stories.slug,
  title: stories.title,
  dek: stories.dek,
  language: stories.language,
  status: stories.status,
  publishedAt: stories.publishedAt,
  lastUpdatedAt: stories.lastUpdatedAt,
  unpublishAt: stories.unpublishAt,
  trashedAt: stories.trashedAt,
  isBreaking: stories.isBreaking,
  breakingUntil: stories.breakingUntil,
  announcedPublic: stories.announcedPublic,
};

/**
 * The `data.story` of a story event: enough to act on (ids, addresses, headline, dates);
 * receivers that want the whole story read it from `apiUrl` (the content API, with a key).
 * Dates are ISO 8601 instants in UTC.
 */
function storySummary(s: StoryForEvent, now: Date, full: boolean) {
  const origin = siteUrl();
  const base = { id: s.id, slug: s.slug, url: absoluteUrl(origin, `/news/${encodeURIComponent(s.slug)}`), headline: s.title };
  if (!full) return base;
  return {
    ...base,
    apiUrl: absoluteUrl(origin, `/api/v1/stories/${encodeURIComponent(s.slug)}`),
    dek: s.dek,
    language: s.language,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    lastUpdatedAt: s.lastUpdatedAt?.toISOString() ?? null,
    breaking: isBreakingAt(s, now),
  };
}

/** Whether readers see the story at `now` (the visibility rule; a trashed story never). */
const publicNow = (s: StoryForEvent, now: Date) => s.trashedAt === null && isPubliclyVisible(s, now);

/**
 * Records the event of one story's change, if any, on `tx` (the change's transaction, after
 * the story row was written) and updates `announced_public` with it:
 * - not announced, public now → `story.published`;
 * - announced, not public now → `story.deleted` when trashed, else `story.unpublished`;
 * - announced and public, with `change.updateKind` → `story.updated` with that kind;
 * - not announced, trashed, and readers saw it once (unpublished earlier) → `story.deleted`.
 * The caller calls `nudgeWebhookWorker()` after the commit when this returns an event name.
 * @param now the instant of the change (the one the save used).
 * @returns the event recorded, or null (no event; also when the story does not exist).
 */
export async function announceStoryChange(tx: Db, storyId: string, now: Date, change: StoryChange = {}): Promise<WebhookEventName | null> {
  const [s] = await tx.select(eventColumns).from(stories).where(eq(stories.id, storyId)).for("update");
  if (!s) return null;
  return announce(tx, s, now, change);
}

async function announce(tx: Db, s: StoryForEvent, now: Date, change: StoryChange): Promise<WebhookEventName | null> {
  const visible = publicNow(s, now);
  let event: WebhookEventName | null = null;
  if (!s.announcedPublic && visible) {
    event = "story.published";
    await emitWebhookEvent(tx, { event, data: { story: storySummary(s, now, true) } });
  } else if (s.announcedPublic && !visible) {
    event = s.trashedAt ? "story.deleted" : "story.unpublished";
    await emitWebhookEvent(tx, { event, data: { story: storySummary(s, now, false) } });
  } else if (s.announcedPublic && visible && change.updateKind) {
    event = "story.updated";
    const note = change.note?.trim() ? { note: change.note.trim() } : {};
    await emitWebhookEvent(tx, { event, data: { kind: change.updateKind, ...note, story: storySummary(s, now, true) } });
  } else if (!s.announcedPublic && change.trashed && s.publishedAt !== null && s.publishedAt <= now && s.status === "unpublished") {
    event = "story.deleted";
    await emitWebhookEvent(tx, { event, data: { story: storySummary(s, now, false) } });
  }
  if (visible !== s.announcedPublic) await tx.update(stories).set({ announcedPublic: visible }).where(eq(stories.id, s.id));
  return event;
}

/** What happened to a live blog entry, as `story.updated`'s `data.entry.change` says. */
export type LiveEntryChange = "posted" | "edited" | "deleted";

/**
 * Records `story.updated` for a change to one entry of a live blog that receivers know as
 * public (announced and visible at `now`): kind "update" for an entry posted (published),
 * "minor" for one edited or deleted, with `data.entry` `{ id, url, headline, change }`, so
 * a receiver that copied the entry can change or remove it. Nothing for a live blog readers
 * cannot see. Call on `tx`, the entry change's transaction; nudge the worker after the commit.
 * @returns whether an event was recorded.
 */
export async function announceLiveEntry(tx: Db, storyId: string, entry: { id: string; headline: string }, change: LiveEntryChange, now: Date): Promise<boolean> {
  const [s] = await tx.select(eventColumns).from(stories).where(eq(stories.id, storyId));
  if (!s || !s.announcedPublic || !publicNow(s, now)) return false;
  const story = storySummary(s, now, true);
  await emitWebhookEvent(tx, {
    event: "story.updated",
    data: { kind: change === "posted" ? "update" : "minor", entry: { id: entry.id, url: `${story.url}#entry-${entry.id}`, headline: entry.headline, change }, story },
  });
  return true;
}

/**
 * Announces the transitions that happened by themselves by `now`: published stories whose
 * instant has come and that were not announced, and announced stories whose scheduled
 * unpublish has come. Safe on several instances at once (each row is claimed with
 * `FOR UPDATE SKIP LOCKED` and re-checked under the lock).
 * @param db the database (not a transaction: each batch is its own).
 * @returns how many events were recorded (the caller nudges the worker when > 0).
 */
export async function announceDueStories(db: Db, now: Date): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select(eventColumns)
        .from(stories)
        .where(
          or(
            // Every row either branch matches changes (gets its event and flag): the loop ends.
            and(eq(stories.status, "published"), not(stories.announcedPublic), lte(stories.publishedAt, now), or(isNull(stories.unpublishAt), gt(stories.unpublishAt, now)), isNull(stories.trashedAt)),
            and(eq(stories.announcedPublic, true), isNotNull(stories.unpublishAt), lte(stories.unpublishAt, now)),
          ),
        )
        .orderBy(stories.id)
        .limit(ANNOUNCE_BATCH)
        .for("update", { skipLocked: true });
      let events = 0;
      for (const s of due) if (await announce(tx, s, now, {})) events += 1;
      return { claimed: due.length, events };
    });
    total += n.events;
    if (n.claimed < ANNOUNCE_BATCH) return total;
  }
}
