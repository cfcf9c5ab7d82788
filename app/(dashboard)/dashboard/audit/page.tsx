import type { Metadata } from "next";
import Link from "next/link";
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
        <FilterSelect id="action" label="Action" value={sp.action} anyLabel="Any action" items={actions.map((a) => ({ value: a, label: a }))} />
        <FilterInput id="from" label="From" value={sp.from} type="date" />
        <FilterInput id="to" label="To" value={sp.to} type="date" />
        <Button type="submit" variant="secondary" size="sm">
          Filter
        </Button>
        <span className="text-xs text-neutral-500">Dates in {settings.timeZone}</span>
      </FilterForm>
      <DataTable columns={["When", "Who", "Action", "Target", "Details"]}>
        {log.items.map((r) => (
          <tr key={r.id} data-testid="audit-row">
            <Td className="whitespace-nowrap text-neutral-600">{formatDateTime(r.at, settings.timeZone, settings.locale)}</Td>
            <Td>{r.actorName ?? "—"}</Td>
            <Td className="font-mono text-xs">{r.action}</Td>
            <Td className="text-xs">
              {r.entityType === "story" ? (
                <Link href={`/dashboard/stories/${r.entityId}`} className="underline">
                  story
                </Link>
              ) : (
                <span>
                  {r.entityType} {r.entityType === "user" && r.entityId.includes("@") ? r.entityId : ""}
                </span>
              )}
            </Td>
            <Td className="max-w-md truncate font-mono text-xs text-neutral-600" title={r.details ? JSON.stringify(r.details) : ""}>
              {r.details ? JSON.stringify(r.details) : ""}
            </Td>
          </tr>
        ))}
      </DataTable>
      <PageNav label="Pagination" page={log.page} pages={log.pages} hrefFor={hrefFor} prev="← Newer" next="Older →">
        Page {log.page} of {log.pages} · {log.total} entries
      </PageNav>
    </PageFrame>
  );
}
