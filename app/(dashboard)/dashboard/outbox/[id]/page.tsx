import type { Metadata } from "next";
import { formatDateTime } from "@/lib/dates/format";
import { getOutboxMessage, mailServerConfigured } from "@/lib/mail/admin";
import { mailKindLabel } from "@/lib/mail/status";
import { getSiteSettings } from "@/lib/site/settings";
import { SubpageHeader } from "@/components/ui/page-header";
import { orNotFound, requirePagePermission } from "../../_lib/page-access";
import { RetryButton } from "../_components/retry-button";
import { MailState } from "../_components/state-cell";

export const metadata: Metadata = { title: "Message" };

/**
 * One message: who it is for, its state, its plain-text part as text and its HTML part in a
 * sandboxed frame (`sandbox` with no permissions: no script, no forms, an opaque origin, so
 * the message's HTML can neither run nor reach the desk).
 */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePagePermission(`/dashboard/outbox/${id}`, "user:manage");
  const [m, settings] = await Promise.all([orNotFound(getOutboxMessage(viewer, id)), getSiteSettings()]);
  const when = (d: Date | null) => (d ? formatDateTime(d, settings.timeZone, settings.locale) : "—");
  return (
    <div className="flex flex-col gap-6">
      <SubpageHeader back={{ href: "/dashboard/outbox", label: "← Outbox" }} title={m.subject} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-semibold">To</dt>
        <dd className="break-all">{m.toAddress}</dd>
        <dt className="font-semibold">Kind</dt>
        <dd>{mailKindLabel(m.kind)}</dd>
        <dt className="font-semibold">Created</dt>
        <dd>{when(m.createdAt)}</dd>
        <dt className="font-semibold">State</dt>
        <dd>
          <MailState row={m} timeZone={settings.timeZone} locale={settings.locale} />
        </dd>
        {m.messageId ? (
          <>
            <dt className="font-semibold">Message-ID</dt>
            <dd className="break-all font-mono text-xs">{m.messageId}</dd>
          </>
        ) : null}
      </dl>
      {(m.status === "failed" || m.status === "held") && mailServerConfigured() ? <RetryButton id={m.id} subject={m.subject} /> : null}
      <section aria-labelledby="text-part" className="flex flex-col gap-2">
        <h2 id="text-part" className="text-lg font-semibold">
          Plain text
        </h2>
        <pre className="whitespace-pre-wrap break-words rounded border border-neutral-200 bg-white p-4 font-sans text-sm" dir="auto" data-testid="mail-text">
          {m.textBody}
        </pre>
      </section>
      <section aria-labelledby="html-part" className="flex flex-col gap-2">
        <h2 id="html-part" className="text-lg font-semibold">
          HTML
        </h2>
        <iframe title="The message's HTML part" sandbox="" srcDoc={m.htmlBody} className="h-[32rem] w-full rounded border border-neutral-200 bg-white" data-testid="mail-html" />
      </section>
    </div>
  );
}
