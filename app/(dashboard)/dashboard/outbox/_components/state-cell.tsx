import { describeOutboxState, type OutboxState } from "@/lib/mail/status";

const TONE: Record<OutboxState["status"], string> = {
  sent: "text-green-800",
  pending: "text-neutral-700",
  failed: "text-red-800",
  held: "text-amber-800",
};

/** A message's state in words (lib/mail/status.ts), the detail under it in small print. */
export function MailState({ row, timeZone, locale }: { row: OutboxState; timeZone: string; locale: string }) {
  const { label, detail } = describeOutboxState(row, timeZone, locale);
  return (
    <span className="flex flex-col" data-testid="mail-state">
      <span className={`font-semibold ${TONE[row.status]}`}>{label}</span>
      {detail ? <span className="break-words text-xs text-neutral-600">{detail}</span> : null}
    </span>
  );
}
