/**
 * Words shared by the review loop's mails. Pure (no database, no server-only imports): the
 * digest timer, started from instrumentation, uses it too.
 */
import type { NotificationKind } from "./kinds";

/** Why a person gets each kind of mail, for the mail's small print. */
const WHY: Record<NotificationKind, string> = {
  review_submitted: "You get this because you edit this section (or the newsroom's stories).",
  review_returned: "You get this because you wrote or submitted this story.",
  published: "You get this because your byline is on this story.",
  correction: "You get this because your byline is on this story, or you edit it.",
  webhook_failing: "You get this because you manage the newsroom's webhooks.",
};

/** The small print of every notification mail: why, and where to change it. */
export function mailFooter(kind: NotificationKind | "digest", origin: string): string {
  const why = kind === "digest" ? "You get this daily digest because you chose it on your profile." : WHY[kind];
  return `${why} Choose what comes by mail on your profile: ${new URL("/dashboard/profile", origin).toString()}`;
}
