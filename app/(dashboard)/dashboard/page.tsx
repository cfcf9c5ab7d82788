import type { Metadata } from "next";
import Link from "next/link";
import { listDeskStories } from "@/lib/stories/desk";
import { DESK_STATUSES } from "@/lib/stories/story-schema";
import { listEditorOptions } from "@/lib/stories/desk";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { can } from "@/lib/permissions/roles";
import { formatDateTime } from "@/lib/dates/format";
import { getSiteSettings } from "@/lib/site/settings";
import { Button, ButtonLink } from "@/components/ui/button";
import { FilterForm, FilterInput, FilterSelect } from "@/components/ui/filter-form";
import { PageFrame } from "@/components/ui/page-header";
import { PageNav } from "@/components/ui/page-nav";
import { DataTable, Td, TitleCell } from "@/components/ui/table";
import { countOf } from "@/lib/text/count";
import { getTrashedStory } from "@/lib/stories/trash";
import { TrashedUndo } from "./trash/_components/trash-buttons";
import { BULK_FORM, BulkBar, SelectAll } from "./_components/bulk-bar";
import { StatusMark } from "@/components/dashboard/status-mark";

export const metadata: Metadata = { title: "Stories" };

type Search = { status?: string; byline?: string; tag?: string; q?: string; page?: string; trashed?: string };


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
  const [list, options, settings, trashed] = await Promise.all([
    listDeskStories(viewer, { status, bylineId, tagId, q, page }),
    listEditorOptions(),
    getSiteSettings(),
    sp.trashed ? getTrashedStory(viewer, sp.trashed) : null,
  ]);
  // Editors act on several stories at once.
  const bulk = can(viewer.role, "story:publish");
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

  return (
    <PageFrame
      title={status === "scheduled" ? "Scheduled" : can(viewer.role, "story:see-all") ? "Stories" : "My stories"}
      actions={<ButtonLink href="/dashboard/stories/new">New story</ButtonLink>}
    >
      {trashed ? <TrashedUndo id={trashed.id} title={trashed.title} canRestore={trashed.canRestore} /> : null}
      <FilterForm label="Filter stories" role="search">
        <FilterInput id="q" label="Search headlines" value={q} />
        <FilterSelect id="status" label="Status" value={status} anyLabel="Any status" items={DESK_STATUSES} />
        <FilterSelect id="byline" label="Byline" value={bylineId} anyLabel="Any byline" items={options.bylines} />
        <FilterSelect id="tag" label="Tag" value={tagId} anyLabel="Any tag" items={options.tags} />
        <Button type="submit" variant="secondary" size="sm">
          Filter
        </Button>
        {status || bylineId || tagId || q ? (
          <Link href="/dashboard" className="py-1.5 text-sm text-neutral-600 underline">
            Clear
          </Link>
        ) : null}
      </FilterForm>

      {bulk && list.items.length > 0 ? <BulkBar /> : null}
      {list.items.length === 0 ? (
        <p className="rounded border border-dashed border-neutral-300 bg-white p-8 text-center text-neutral-600">
          No stories match. <Link href="/dashboard/stories/new" className="underline">Write one</Link>.
        </p>
      ) : (
        <DataTable
          columns={[
            ...(bulk ? [<SelectAll key="all" />] : []),
            "Headline",
            "Status",
            "Bylines",
            "Section",
            `Published (${settings.timeZone})`,
            "Last change",
          ]}
        >
          {list.items.map((s) => (
            <tr key={s.id} data-testid="desk-row">
              {bulk ? (
                <Td>
                  <input type="checkbox" name="ids" value={s.id} form={BULK_FORM} aria-label={`Select “${s.title}”`} />
                </Td>
              ) : null}
              <TitleCell
                href={`/dashboard/stories/${s.id}`}
                className="max-w-md"
                after={
                  s.status === "published" ? (
                    <a href={`/news/${s.slug}`} target="_blank" rel="noopener" className="block text-xs font-normal text-neutral-600 underline">
                      View on site
                    </a>
                  ) : null
                }
              >
                {s.title}
              </TitleCell>
              <Td>
                <StatusMark status={s.status} />
              </Td>
              <Td>{s.bylines.join(", ") || "—"}</Td>
              <Td>{s.section ?? "—"}</Td>
              <Td className="text-neutral-600">
                {s.publishedAt && s.status !== "draft" && s.status !== "in_review" ? (
                  <>
                    <time dateTime={s.publishedAt.toISOString()} className={s.status === "scheduled" ? "font-semibold text-sky-900" : undefined}>
                      {formatDateTime(s.publishedAt, settings.timeZone, settings.locale)}
                    </time>
                    {s.lastUpdatedAt && s.lastUpdatedAt.getTime() > s.publishedAt.getTime() ? (
                      <span className="block text-xs">
                        Updated <time dateTime={s.lastUpdatedAt.toISOString()}>{formatDateTime(s.lastUpdatedAt, settings.timeZone, settings.locale)}</time>
                      </span>
                    ) : null}
                    {s.unpublishAt ? (
                      <span className="block text-xs font-semibold text-amber-900" data-testid="list-unpublish-at">
                        Off the site <time dateTime={s.unpublishAt.toISOString()}>{formatDateTime(s.unpublishAt, settings.timeZone, settings.locale)}</time>
                        {s.unpublishSetByName ? ` (set by ${s.unpublishSetByName})` : ""}
                      </span>
                    ) : null}
                    {s.changesAt ? (
                      <span className="block text-xs font-semibold text-violet-900" data-testid="list-changes-at">
                        Changes go out <time dateTime={s.changesAt.toISOString()}>{formatDateTime(s.changesAt, settings.timeZone, settings.locale)}</time>
                        {s.changesSetByName ? ` (set by ${s.changesSetByName})` : ""}
                      </span>
                    ) : null}
                  </>
                ) : (
                  "—"
                )}
              </Td>
              <Td className="text-neutral-600">
                <time dateTime={s.updatedAt.toISOString()}>{formatDateTime(s.updatedAt, settings.timeZone, settings.locale)}</time>
                {s.updatedByName ? <span className="block text-xs">by {s.updatedByName}</span> : null}
              </Td>
            </tr>
          ))}
        </DataTable>
      )}

      {list.pages > 1 ? (
        <PageNav label="Pagination" page={list.page} pages={list.pages} hrefFor={hrefFor} prev="← Previous" next="Next →">
          Page {list.page} of {list.pages} · {countOf(list.total, "story", "stories")}
        </PageNav>
      ) : (
        <p className="text-sm text-neutral-600">{countOf(list.total, "story", "stories")}</p>
      )}
    </PageFrame>
  );
}
