import type { Metadata } from "next";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { can } from "@/lib/permissions/roles";
import { formatDateTime } from "@/lib/dates/format";
import { getSiteSettings } from "@/lib/site/settings";
import { listTrash } from "@/lib/stories/trash";
import { TRASH_DAYS } from "@/lib/stories/story-schema";
import { countOf } from "@/lib/text/count";
import { PageFrame } from "@/components/ui/page-header";
import { DataTable, Td, TitleCell } from "@/components/ui/table";
import { TrashButtons } from "./_components/trash-buttons";

export const metadata: Metadata = { title: "Trash" };

/** Stories moved to the trash: restorable for TRASH_DAYS days, then deleted for good. */
export default async function TrashPage() {
  const viewer = await requireViewerForPage("/dashboard/trash");
  const [items, settings] = await Promise.all([listTrash(viewer), getSiteSettings()]);
  const at = (d: Date) => <time dateTime={d.toISOString()}>{formatDateTime(d, settings.timeZone, settings.locale)}</time>;
  return (
    <PageFrame title="Trash">
      <p className="text-sm text-neutral-600">
        Stories stay here for {TRASH_DAYS} days, then they are deleted for good. A story that had been published answers “410 Gone” to readers and
        search engines while it is here; restored, it comes back unpublished.
      </p>
      {items.length === 0 ? (
        <p className="rounded border border-dashed border-neutral-300 bg-white p-8 text-center text-neutral-600">The trash is empty.</p>
      ) : (
        <DataTable columns={["Headline", "Trashed", "Deleted for good", <span key="a" className="sr-only">Actions</span>]}>
          {items.map((s) => (
            <tr key={s.id} data-testid="trash-row">
              <TitleCell href={`/dashboard/stories/${s.id}`} className="max-w-md" after={s.wasPublished ? <span className="block text-xs font-normal text-neutral-600">Was published</span> : null}>
                {s.title}
              </TitleCell>
              <Td className="text-neutral-600">
                {at(s.trashedAt)}
                {s.trashedByName ? <span className="block text-xs">by {s.trashedByName}</span> : null}
              </Td>
              <Td className="text-neutral-600">{at(s.purgeAt)}</Td>
              <Td>
                <TrashButtons id={s.id} title={s.title} canRestore={s.canRestore} canPurge={can(viewer.role, "story:delete-any")} />
              </Td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="text-sm text-neutral-600">{countOf(items.length, "story", "stories")} in the trash</p>
    </PageFrame>
  );
}
