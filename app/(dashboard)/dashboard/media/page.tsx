import Link from "next/link";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { listMedia, listUploaders, MEDIA_PAGE_SIZE } from "@/lib/media/library";
import { optimisedUrl } from "@/lib/media/responsive";
import { zonedLocalToInstant } from "@/lib/publishing/zoned-time";
import { getSiteSettings } from "@/lib/site/settings";
import { Button } from "@/components/ui/button";
import { Input, Options, Select } from "@/components/ui/controls";
import { WrapField } from "@/components/ui/field";
import { FilterForm } from "@/components/ui/filter-form";
import { FormStatus } from "@/components/ui/notice";
import { PageTitle } from "@/components/ui/page-header";
import { PageNav } from "@/components/ui/page-nav";
import { LibraryUpload } from "./_components/library-upload";
import { countOf } from "@/lib/text/count";

/**
 * The media library: upload, search by alt text, caption, credit or file name, filter by
 * uploader and upload date (newsroom time zone), newest first, paginated.
 */
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** The first instant of a "YYYY-MM-DD" day (plus `plusDays`) in the newsroom's zone, or undefined. */
function dayStart(day: string, timeZone: string, plusDays = 0): Date | undefined {
  const d = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(d.getTime())) return undefined;
  d.setUTCDate(d.getUTCDate() + plusDays);
  try {
    return zonedLocalToInstant(`${d.toISOString().slice(0, 10)}T00:00:00`, timeZone);
  } catch {
    return undefined;
  }
}

export default async function MediaLibraryPage({ searchParams }: Props) {
  const viewer = await requireViewerForPage("/dashboard/media");
  const params = await searchParams;
  const { timeZone } = await getSiteSettings();
  const q = one(params.q);
  const uploader = one(params.uploader);
  const from = one(params.from);
  const to = one(params.to);
  const page = Math.max(1, Number(one(params.page)) || 1);
  const [{ items, total }, uploaders] = await Promise.all([
    listMedia(viewer, { q, uploaderId: uploader || undefined, from: dayStart(from, timeZone), to: dayStart(to, timeZone, 1), page }),
    listUploaders(viewer),
  ]);
  const pages = Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE));
  const href = (n: number) => `/dashboard/media?${new URLSearchParams({ q, uploader, from, to, page: String(n) })}`;
  return (
    <section className="flex flex-col gap-6">
      <PageTitle>Media library</PageTitle>
      {one(params.deleted) ? <FormStatus message="The photo was deleted." /> : null}
      <LibraryUpload />
      <FilterForm role="search" className="text-sm">
        <WrapField label="Search">
          <Input name="q" defaultValue={q} type="search" placeholder="Alt text, caption, credit, file name" size="sm" />
        </WrapField>
        <WrapField label="Uploaded by">
          <Select name="uploader" defaultValue={uploader} size="sm">
            <option value="">Anyone</option>
            <Options items={uploaders} />
          </Select>
        </WrapField>
        <WrapField label={`From (${timeZone})`}>
          <Input name="from" type="date" defaultValue={from} size="sm" />
        </WrapField>
        <WrapField label="To">
          <Input name="to" type="date" defaultValue={to} size="sm" />
        </WrapField>
        <Button type="submit" size="sm">
          Filter
        </Button>
      </FilterForm>
      <p className="text-sm text-neutral-600" data-testid="media-count">
        {countOf(total, "photo", "photos")}
      </p>
      <ul className="grid grid-cols-2 gap-4 sm:grid-cols-4 lg:grid-cols-6" aria-label="Photos" data-testid="media-grid">
        {items.map((m) => (
          <li key={m.id} className="flex flex-col gap-1 text-sm">
            <Link href={`/dashboard/media/${m.id}`} className="block rounded border border-neutral-200 p-1 hover:border-neutral-900">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={optimisedUrl(m.url, 240)} alt={m.altText || `${m.originalName} (no alt text yet)`} width={m.width} height={m.height} loading="lazy" className="aspect-[4/3] w-full object-cover" />
              <span className="mt-1 block truncate">{m.caption || m.originalName}</span>
            </Link>
            {!m.altText ? <span className="text-xs font-semibold text-amber-700">Needs alt text</span> : null}
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <PageNav label="Pages" page={page} pages={pages} hrefFor={href} prev="← Newer" next="Older →">
          Page {page} of {pages}
        </PageNav>
      ) : null}
    </section>
  );
}
