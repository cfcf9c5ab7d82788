/**
 * What a story save means for the review loop, run inside the save's transaction
 * (lib/stories/desk.ts): a submission or resubmission adds to the story's review thread and
 * notifies its editors; a return does the same for its writer, with the editor's note; a
 * first publication notifies the byline owners; an update with a public correction notifies
 * the byline owners and the story's editors. Nobody is notified of their own act.
 *
 * No `server-only` marker: the review timer (scheduled publications) uses it too.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { reviewNotes } from "@/db/schema";
import type { SaveIntent } from "@/lib/stories/story-schema";
import { bylineOwnersOf, notifyUsers, storyEditorsFor, type MailContext } from "./notify";

/** The longest note a submission or return may carry, in characters. */
export const MAX_REVIEW_NOTE = 2000;

/** Everything a save's review step looks at. */
export interface ReviewStepFacts {
  intent: SaveIntent;
  /** Who acted (null id: nobody known, e.g. a schedule whose setter left). */
  actor: { id: string | null; name: string };
  /** The story after the save. */
  story: { id: string; title: string; slug: string; primaryTagId: string | null; createdBy: string | null };
  /** Who submitted it for review, as stored before the save (null when not in review). */
  submittedBy: string | null;
  /** The note typed for the editors (submit) or the writer (return); "" for none. */
  reviewNote: string;
  /** True when this save makes the story public for the first time (never live before). */
  firstPublication: boolean;
  /** The public note this save stores with its kind (an update's), or null. */
  publicNote: { kind: "update" | "correction" | "clarification"; text: string } | null;
  now: Date;
}

const storyLink = (id: string) => `/dashboard/stories/${id}`;

/**
 * Records and announces the review side of a save (see the module comment). Call after the
 * story row and its bylines are written, on the same transaction.
 * @returns how many people were notified.
 */
export async function recordReviewStep(tx: Db, f: ReviewStepFacts, ctx: MailContext): Promise<number> {
  const { story, actor, now } = f;
  const title = `“${story.title}”`;
  const link = storyLink(story.id);
  if (f.intent === "submit") {
    const [returned] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reviewNotes)
      .where(and(eq(reviewNotes.storyId, story.id), eq(reviewNotes.kind, "return")));
    const again = (returned?.n ?? 0) > 0;
    await tx.insert(reviewNotes).values({ storyId: story.id, authorId: actor.id, kind: "submit", note: f.reviewNote, createdAt: now });
    const verb = again ? "resubmitted" : "submitted";
    const r = await notifyUsers(
      tx,
      await storyEditorsFor(tx, story.primaryTagId),
      {
        kind: "review_submitted",
        storyId: story.id,
        actorId: actor.id,
        message: `${actor.name} ${verb} ${title} for review`,
        note: f.reviewNote || null,
        link,
        mail: {
          subject: `${again ? "Resubmitted" : "For review"}: ${title}`,
          paragraphs: [`${actor.name} ${verb} the story ${title} for review.`, ...(f.reviewNote ? ["Their note:"] : [])],
          actionLabel: "Open the story",
        },
      },
      ctx,
      now,
    );
    return r.notified;
  }
  if (f.intent === "return") {
    await tx.insert(reviewNotes).values({ storyId: story.id, authorId: actor.id, kind: "return", note: f.reviewNote, createdAt: now });
    const r = await notifyUsers(
      tx,
      [f.submittedBy, story.createdBy],
      {
        kind: "review_returned",
        storyId: story.id,
        actorId: actor.id,
        message: `${actor.name} returned ${title} to you`,
        note: f.reviewNote,
        link,
        mail: {
          subject: `Returned to you: ${title}`,
          paragraphs: [`${actor.name} returned the story ${title} to you as a draft. Make the changes, then submit it for review again. The note:`],
          actionLabel: "Open the story",
        },
      },
      ctx,
      now,
    );
    return r.notified;
  }
  let notified = 0;
  if (f.firstPublication) {
    const readers = new URL(`/news/${story.slug}`, ctx.origin).toString();
    const r = await notifyUsers(
      tx,
      await bylineOwnersOf(tx, story.id),
      {
        kind: "published",
        storyId: story.id,
        actorId: actor.id,
        message: `${actor.name} published ${title}`,
        link,
        mail: { subject: `Published: ${title}`, paragraphs: [`${actor.name} published your story ${title}.`, `Readers see it at ${readers}`], actionLabel: "Open the story" },
      },
      ctx,
      now,
    );
    notified += r.notified;
  }
  if (f.publicNote?.kind === "correction") {
    const r = await notifyUsers(
      tx,
      [...(await bylineOwnersOf(tx, story.id)), ...(await storyEditorsFor(tx, story.primaryTagId))],
      {
        kind: "correction",
        storyId: story.id,
        actorId: actor.id,
        message: `${actor.name} published a correction to ${title}`,
        note: f.publicNote.text,
        link,
        mail: { subject: `Correction: ${title}`, paragraphs: [`${actor.name} published a correction to the story ${title}. Readers see this note:`], actionLabel: "Open the story" },
      },
      ctx,
      now,
    );
    notified += r.notified;
  }
  return notified;
}
