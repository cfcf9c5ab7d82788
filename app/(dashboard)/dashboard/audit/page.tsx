import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listAudit, listAuditActions } from "@/lib/audit/queries";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/dates/format";
import { can } from "@/lib/permissions/roles";
import { LocalTimeError, zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import { getSiteSettings } from "@/lib/site/settings";
import { listUsers } from "@/lib/users/admin";

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
  const viewer = await requireViewerForPage("/dashboard/audit");
  if (!can(viewer.role, "user:manage")) notFound();
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
  const selectClass = "rounded border border-neutral-300 bg-white px-2 py-1.5 text-sm";
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-serif text-3xl font-bold">Audit log</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-neutral-200 bg-white p-3" aria-label="Filter the audit log">
        <div className="flex flex-col gap-1">
          <label htmlFor="actor" className="text-xs font-semibold uppercase tracking-wide text-neutral-600">Who</label>
          <select id="actor" name="actor" defaultValue={sp.actor ?? ""} className={selectClass}>
            <option value="">Anyone</option>
            {people.map((u) => (
              <option key={u.id} value={u.id}>{u.name}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="action" className="text-xs font-semibold uppercase tracking-wide text-neutral-600">Action</label>
          <select id="action" name="action" defaultValue={sp.action ?? ""} className={selectClass}>
            <option value="">Any action</option>
            {actions.map((a) => (
              <option key={a} value={a}>{a}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="from" className="text-xs font-semibold uppercase tracking-wide text-neutral-600">From</label>
          <input id="from" name="from" type="date" defaultValue={sp.from ?? ""} className={selectClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="to" className="text-xs font-semibold uppercase tracking-wide text-neutral-600">To</label>
          <input id="to" name="to" type="date" defaultValue={sp.to ?? ""} className={selectClass} />
        </div>
        <button type="submit" className="rounded border border-neutral-400 px-3 py-1.5 text-sm font-semibold">Filter</button>
        <span className="text-xs text-neutral-500">Dates in {settings.timeZone}</span>
      </form>
      <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-600">
            <tr>
              <th scope="col" className="px-3 py-2">When</th>
              <th scope="col" className="px-3 py-2">Who</th>
              <th scope="col" className="px-3 py-2">Action</th>
              <th scope="col" className="px-3 py-2">Target</th>
              <th scope="col" className="px-3 py-2">Details</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {log.items.map((r) => (
              <tr key={r.id} data-testid="audit-row">
                <td className="whitespace-nowrap px-3 py-2 text-neutral-600">{formatDateTime(r.at, settings.timeZone, settings.locale)}</td>
                <td className="px-3 py-2">{r.actorName ?? "—"}</td>
                <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
                <td className="px-3 py-2 text-xs">
                  {r.entityType === "article" ? (
                    <Link href={`/dashboard/stories/${r.entityId}`} className="underline">story</Link>
                  ) : (
                    <span>
                      {r.entityType} {r.entityType === "user" && r.entityId.includes("@") ? r.entityId : ""}
                    </span>
                  )}
                </td>
                <td className="max-w-md truncate px-3 py-2 font-mono text-xs text-neutral-600" title={r.details ? JSON.stringify(r.details) : ""}>
                  {r.details ? JSON.stringify(r.details) : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
        {log.page > 1 ? <Link href={hrefFor(log.page - 1)}>← Newer</Link> : <span />}
        <span className="text-neutral-600">Page {log.page} of {log.pages} · {log.total} entries</span>
        {log.page < log.pages ? <Link href={hrefFor(log.page + 1)}>Older →</Link> : <span />}
      </nav>
    </div>
  );
}
