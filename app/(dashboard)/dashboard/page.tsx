import type { Metadata } from "next";
import Link from "next/link";
import { listDeskStories } from "@/lib/articles/desk";
import { DESK_STATUSES, type DeskStatus } from "@/lib/articles/story-schema";
import { listEditorOptions } from "@/lib/articles/desk";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { can } from "@/lib/permissions/roles";
import { formatDateTime } from "@/lib/dates/format";
import { getSiteSettings } from "@/lib/site/settings";

export const metadata: Metadata = { title: "Stories" };

type Search = { status?: string; byline?: string; tag?: string; q?: string; page?: string };

const STATUS_STYLE: Record<DeskStatus, string> = {
  draft: "bg-neutral-200 text-neutral-800",
  in_review: "bg-amber-100 text-amber-900",
  scheduled: "bg-sky-100 text-sky-900",
  published: "bg-green-100 text-green-900",
  unpublished: "bg-red-100 text-red-900",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The desk's story list: filters, search by headline, pagination. Writers see their own. */
export default async function DeskPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requireViewerForPage("/dashboard");
  const sp = await searchParams;
  const status = DESK_STATUSES.find((s) => s.value === sp.status)?.value;
  const bylineId = sp.byline && UUID.test(sp.byline) ? sp.byline : undefined;
  const tagId = sp.tag && UUID.test(sp.tag) ? sp.tag : undefined;
  const q = (sp.q ?? "").slice(0, 200);
  const page = /^[1-9][0-9]{0,4}$/.test(sp.page ?? "") ? Number(sp.page) : 1;
  const [list, options, settings] = await Promise.all([
    listDeskStories(viewer, { status, bylineId, tagId, q, page }),
    listEditorOptions(),
    getSiteSettings(),
  ]);
  const hrefFor = (p: number) => {
    const params = new URLSearchParams();
    if (status) params.set("status", status);
    if (bylineId) params.set("byline", bylineId);
    if (tagId) params.set("tag", tagId);
    if (q) params.set("q", q);
    if (p > 1) params.set("page", String(p));
    const s = params.toString();
    return s ? `/dashboard?${s}` : "/dashboard";
  };
  const selectClass = "rounded border border-neutral-300 bg-white px-2 py-1.5 text-sm";

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">
          {status === "scheduled" ? "Scheduled" : can(viewer.role, "story:see-all") ? "Stories" : "My stories"}
        </h1>
        <Link href="/dashboard/stories/new" className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white hover:bg-neutral-700">
          New story
        </Link>
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded border border-neutral-200 bg-white p-3" role="search" aria-label="Filter stories">
        <div className="flex flex-col gap-1">
          <label htmlFor="q" className="text-xs font-semibold uppercase tracking-wide text-neutral-600">
            Search headlines
          </label>
          <input id="q" name="q" defaultValue={q} className={selectClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="text-xs font-semibold uppercase tracking-wide text-neutral-600">
            Status
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className={selectClass}>
            <option value="">Any status</option>
            {DESK_STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="byline" className="text-xs font-semibold uppercase tracking-wide text-neutral-600">
            Byline
          </label>
          <select id="byline" name="byline" defaultValue={bylineId ?? ""} className={selectClass}>
            <option value="">Any byline</option>
            {options.bylines.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="tag" className="text-xs font-semibold uppercase tracking-wide text-neutral-600">
            Tag
          </label>
          <select id="tag" name="tag" defaultValue={tagId ?? ""} className={selectClass}>
            <option value="">Any tag</option>
            {options.tags.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-neutral-400 px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100">
          Filter
        </button>
        {status || bylineId || tagId || q ? (
          <Link href="/dashboard" className="py-1.5 text-sm text-neutral-600 underline">
            Clear
          </Link>
        ) : null}
      </form>

      {list.items.length === 0 ? (
        <p className="rounded border border-dashed border-neutral-300 bg-white p-8 text-center text-neutral-600">
          No stories match. <Link href="/dashboard/stories/new" className="underline">Write one</Link>.
        </p>
      ) : (
        <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-600">
              <tr>
                <th scope="col" className="px-3 py-2">Headline</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Bylines</th>
                <th scope="col" className="px-3 py-2">Section</th>
                <th scope="col" className="px-3 py-2">{status === "scheduled" ? `Publishes (${settings.timeZone})` : "Last change"}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {list.items.map((s) => (
                <tr key={s.id} data-testid="desk-row">
                  <td className="max-w-md px-3 py-2 font-semibold" dir="auto">
                    <Link href={`/dashboard/stories/${s.id}`} className="hover:underline">
                      {s.title}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[s.status]}`}>
                      {DESK_STATUSES.find((d) => d.value === s.status)?.label}
                    </span>
                  </td>
                  <td className="px-3 py-2">{s.bylines.join(", ") || "—"}</td>
                  <td className="px-3 py-2">{s.section ?? "—"}</td>
                  <td className="px-3 py-2 text-neutral-600">
                    {status === "scheduled" && s.publishedAt ? (
                      <time dateTime={s.publishedAt.toISOString()} className="font-semibold text-sky-900">
                        {formatDateTime(s.publishedAt, settings.timeZone, settings.locale)}
                      </time>
                    ) : (
                      <>
                        <time dateTime={s.updatedAt.toISOString()}>{formatDateTime(s.updatedAt, settings.timeZone, settings.locale)}</time>
                        {s.updatedByName ? <span className="block text-xs">by {s.updatedByName}</span> : null}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.pages > 1 ? (
        <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
          {list.page > 1 ? <Link href={hrefFor(list.page - 1)}>← Previous</Link> : <span />}
          <span className="text-neutral-600">
            Page {list.page} of {list.pages} · {list.total} stories
          </span>
          {list.page < list.pages ? <Link href={hrefFor(list.page + 1)}>Next →</Link> : <span />}
        </nav>
      ) : (
        <p className="text-sm text-neutral-600">{list.total} {list.total === 1 ? "story" : "stories"}</p>
      )}
    </div>
  );
}
