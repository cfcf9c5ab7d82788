import type { Metadata } from "next";
import Link from "next/link";
import { actionLabel, describeAudit } from "@/lib/audit/describe";
import { listAudit, listAuditActions } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/dates/format";
import { LocalTimeError, zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import { getSiteSettings } from "@/lib/site/settings";
import { listUsers } from "@/lib/users/admin";
import { Button } from "@/components/ui/button";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { PageFrame } from "@/components/ui/page-header";
import { PageNav } from "@/components/ui/page-nav";
import { DataTable, Td } from "@/components/ui/table";
import { countOf } from "@/lib/text/count";
import { requirePagePermission } from "../_lib/page-access";

export const metadata: Metadata = { title: "Audit log" };

type Search = { actor?: string; action?: string; from?: string; to?: string; page?: string };

/** A calendar date ("YYYY-MM-DD") in the newsroom zone as the instant its day starts. */
function dayStart(date: string | undefined, timeZone: string, plusDays = 0): Date | undefined {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  try {
    const start = zonedLocalToInstant(`${date}T00:00`, timeZone);
    return new Date(start.getTime() + plusDays * 86_400_000);
  } catch (e) {
    if (e instanceof LocalTimeError) return undefined;
    throw e;
  }
}

/** Admins: every sign-in, role change, publication, byline and settings change. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePagePermission("/dashboard/audit", "user:manage");
  const sp = await searchParams;
  const settings = await getSiteSettings();
  const page = /^[1-9][0-9]{0,4}$/.test(sp.page ?? "") ? Number(sp.page) : 1;
  const [log, actions, people] = await Promise.all([
    listAudit(viewer, {
      actorId: sp.actor,
      action: sp.action,
      from: dayStart(sp.from, settings.timeZone),
      to: dayStart(sp.to, settings.timeZone, 1),
      page,
    }),
    listAuditActions(viewer),
    listUsers(viewer),
  ]);
  const hrefFor = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...sp, page: p > 1 ? String(p) : "" }).filter(([, v]) => v) as [string, string][]);
    return `/dashboard/audit${q.size ? `?${q}` : ""}`;
  };
  return (
    <PageFrame title="Audit log">
      <FilterForm label="Filter the audit log">
        <FilterSelect id="actor" label="Who" value={sp.actor} anyLabel="Anyone" items={people} />
        <FilterSelect id="action" label="Action" value={sp.action} anyLabel="Any action" items={actions.map((a) => ({ value: a, label: actionLabel(a) }))} />
        <FilterInput id="from" label="From" value={sp.from} type="date" />
        <FilterInput id="to" label="To" value={sp.to} type="date" />
        <Button type="submit" variant="secondary" size="sm">
          Filter
        </Button>
        <span className="text-xs text-neutral-500">Dates in {settings.timeZone}</span>
      </FilterForm>
      <DataTable columns={["When", "What happened", "What changed"]}>
        {log.items.map((r) => {
          const d = describeAudit(r);
          return (
            <tr key={r.id} data-testid="audit-row">
              <Td className="whitespace-nowrap text-neutral-600">{formatDateTime(r.at, settings.timeZone, settings.locale)}</Td>
              <Td data-testid="audit-sentence">
                <strong>{d.actor}</strong> {d.verb}
                {d.target ? " " : null}
                {d.target ? (
                  d.target.href ? (
                    <Link href={d.target.href} className="underline" dir="auto">
                      {d.target.label}
                    </Link>
                  ) : (
                    <span dir="auto">{d.target.label}</span>
                  )
                ) : null}
                {d.extra ? <span dir="auto"> {d.extra}</span> : null}
              </Td>
              <Td className="text-xs">
                {d.changes.length > 0 ? (
                  <dl className="flex flex-col gap-1" data-testid="audit-changes">
                    {d.changes.map((c) => (
                      <div key={c.label}>
                        <dt className="inline font-semibold">{c.label}: </dt>
                        <dd className="inline" dir="auto">
                          <del className="text-red-800">{c.from}</del> → <ins className="text-green-800 no-underline">{c.to}</ins>
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
              </Td>
            </tr>
          );
        })}
      </DataTable>
      <PageNav label="Pagination" page={log.page} pages={log.pages} hrefFor={hrefFor} prev="← Newer" next="Older →">
        Page {log.page} of {log.pages} · {countOf(log.total, "entry", "entries")}
      </PageNav>
    </PageFrame>
  );
}
