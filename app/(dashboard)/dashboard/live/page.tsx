import type { Metadata } from "next";
import { formatDateTime } from "@/lib/dates/format";
import { listLiveBlogs } from "@/lib/live/desk";
import { getSiteSettings } from "@/lib/site/settings";
import { PageFrame } from "@/components/ui/page-header";
import { DataTable, HiddenHeading, Td, TitleCell } from "@/components/ui/table";
import { requirePagePermission } from "../_lib/page-access";
import Link from "next/link";

export const metadata: Metadata = { title: "Live blogs" };

/** The live blogs, those still live first (writers, editors, admins: any reporter may post to one). */
export default async function LiveBlogsPage() {
  const viewer = await requirePagePermission("/dashboard/live", "story:create");
  const [blogs, settings] = await Promise.all([listLiveBlogs(viewer), getSiteSettings()]);
  const when = (d: Date) => (
    <time dateTime={d.toISOString()} className="whitespace-nowrap">
      {formatDateTime(d, settings.timeZone, settings.locale)}
    </time>
  );
  return (
    <PageFrame title="Live blogs">
      <p className="text-sm text-neutral-600">
        {blogs.length === 0
          ? "No story is a live blog. An editor turns one on in the story's side panel (“Live blog”)."
          : `Times in ${settings.timeZone}. Open a live blog to post entries.`}
      </p>
      {blogs.length > 0 ? (
        <DataTable columns={["Live blog", "Coverage started", "Coverage", "Entries", "Newest entry", <HiddenHeading key="open">Open</HiddenHeading>]} caption="Live blogs">
          {blogs.map((b) => (
            <tr key={b.id} data-testid="live-blog-row">
              <TitleCell href={`/dashboard/live/${b.id}`} className="max-w-md">
                {b.title || "(no headline)"}
              </TitleCell>
              <Td className="text-neutral-600">{b.coverageStartedAt ? when(b.coverageStartedAt) : "—"}</Td>
              <Td>
                {b.coverageEndedAt ? (
                  <span className="text-neutral-600">Ended at {when(b.coverageEndedAt)}</span>
                ) : (
                  <span className="rounded bg-red-100 px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide text-red-800">Live</span>
                )}
              </Td>
              <Td>
                {b.publishedEntries} published
                {b.draftEntries > 0 ? <span className="text-amber-800"> · {b.draftEntries} draft{b.draftEntries === 1 ? "" : "s"}</span> : null}
              </Td>
              <Td className="text-neutral-600">{b.newestEntryAt ? when(b.newestEntryAt) : "—"}</Td>
              <Td>
                <Link href={`/dashboard/live/${b.id}`} className="font-semibold text-neutral-800 hover:underline">
                  Open the live desk
                </Link>
              </Td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </PageFrame>
  );
}
