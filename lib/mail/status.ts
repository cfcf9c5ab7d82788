/**
 * How the Outbox screen words a message's state and kind. Pure; times are written in the
 * newsroom's time zone (settings), never the server's.
 */
import { formatDateTime } from "@/lib/dates/format";
import type { MailKind } from "./outbox";

/** The outbox fields the wording looks at. */
export interface OutboxState {
  status: "pending" | "sent" | "failed" | "held";
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
}

/**
 * One line for a message's state: "Sent", "Waiting — next try at …" (with the last error when
 * a try failed), "Failed after n tries — <error>", "Not sent: no mail server".
 * @param timeZone IANA zone of the times written; `locale` their language.
 * @returns `label` (the state in a word or two) and `detail` (the rest, or "").
 */
export function describeOutboxState(row: OutboxState, timeZone: string, locale = "en-US"): { label: string; detail: string } {
  const tries = (n: number) => (n === 1 ? "1 try" : `${n} tries`);
  switch (row.status) {
    case "sent":
      return { label: "Sent", detail: row.sentAt ? formatDateTime(row.sentAt, timeZone, locale) : "" };
    case "held":
      return { label: "Not sent: no mail server", detail: "SMTP_URL was not set when it was due. Retry once a mail server is configured." };
    case "failed":
      return { label: `Failed after ${tries(row.attempts)}`, detail: row.lastError ?? "" };
    case "pending":
      return {
        label: `Waiting — next try at ${formatDateTime(row.nextAttemptAt, timeZone, locale)}`,
        detail: row.attempts > 0 && row.lastError ? `${tries(row.attempts)} so far; last error: ${row.lastError}` : "",
      };
  }
}

const KIND_LABEL: Record<MailKind, string> = {
  invite: "Invitation",
  reset: "Password reset",
  password_changed: "Password changed",
  review_submitted: "Submitted for review",
  review_returned: "Returned from review",
  published: "Published",
  correction: "Correction",
  webhook_failing: "Webhook failing",
  digest: "Digest",
};

/** The words for a mail's kind (the `kind` column); an unknown kind is shown as stored. */
export function mailKindLabel(kind: string): string {
  return (KIND_LABEL as Record<string, string>)[kind] ?? kind;
}
