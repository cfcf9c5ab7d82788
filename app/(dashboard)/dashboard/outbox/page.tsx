import type { Metadata } from "next";
import Link from "next/link";
import { formatDateTime } from "@/lib/dates/format";
import { listOutbox, mailServerConfigured } from "@/lib/mail/admin";
import { mailKindLabel } from "@/lib/mail/status";
import { getSiteSettings } from "@/lib/site/settings";
import { countOf } from "@/lib/text/count";
import { PageFrame } from "@/components/ui/page-header";
import { PageNav } from "@/components/ui/page-nav";
import { DataTable, HiddenHeading, Td } from "@/components/ui/table";
import { requirePagePermission } from "../_lib/page-access";
import { RetryButton } from "./_components/retry-button";
import { MailState } from "./_components/state-cell";

export const metadata: Metadata = { title: "Outbox" };

/** Admins: every message the newsroom sent or will send, newest first, with its state. */
export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requirePagePermission("/dashboard/outbox", "user:manage");
  const sp = await searchParams;
  const page = /^[1-9][0-9]{0,4}$/.test(sp.page ?? "") ? Number(sp.page) : 1;
  const [outbox, settings] = await Promise.all([listOutbox(viewer, { page }), getSiteSettings()]);
  const configured = mailServerConfigured();
  const when = (d: Date | null) => (d ? formatDateTime(d, settings.timeZone, settings.locale) : "—");
  return (
    <PageFrame title="Outbox">
      {!configured ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900" data-testid="no-mail-server">
          No mail server is configured, so nothing is sent: messages are kept here and printed to the server log. Set <code>SMTP_URL</code> and restart the
          server, then retry the ones that should still go out.
        </p>
      ) : null}
      <DataTable columns={["Created", "To", "Subject", "Kind", "State", "Sent", <HiddenHeading key="retry">Retry</HiddenHeading>]} caption="Messages, newest first">
        {outbox.items.map((m) => (
          <tr key={m.id} data-testid="outbox-row">
            <Td className="whitespace-nowrap text-neutral-600">{when(m.createdAt)}</Td>
            <Td className="break-all">{m.toAddress}</Td>
            <Td className="font-semibold" dir="auto">
              <Link href={`/dashboard/outbox/${m.id}`} className="hover:underline">
                {m.subject}
              </Link>
            </Td>
            <Td>{mailKindLabel(m.kind)}</Td>
            <Td>
              <MailState row={m} timeZone={settings.timeZone} locale={settings.locale} />
            </Td>
            <Td className="whitespace-nowrap text-neutral-600">{when(m.sentAt)}</Td>
            <Td>{(m.status === "failed" || m.status === "held") && configured ? <RetryButton id={m.id} subject={m.subject} /> : null}</Td>
          </tr>
        ))}
        {outbox.items.length === 0 ? (
          <tr>
            <Td colSpan={7} className="text-neutral-600">
              No mail yet.
            </Td>
          </tr>
        ) : null}
      </DataTable>
      <PageNav label="Pagination" page={outbox.page} pages={outbox.pages} hrefFor={(p) => `/dashboard/outbox${p > 1 ? `?page=${p}` : ""}`} prev="← Newer" next="Older →">
        Page {outbox.page} of {outbox.pages} · {countOf(outbox.total, "message", "messages")} · times in {settings.timeZone}
      </PageNav>
    </PageFrame>
  );
}
