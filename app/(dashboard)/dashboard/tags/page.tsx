import type { Metadata } from "next";
import { listTags } from "@/lib/tags/admin";
import { PageFrame } from "@/components/ui/page-header";
import { TranslatedNames } from "@/components/dashboard/translated-names";
import { DataTable, Td, TitleCell } from "@/components/ui/table";
import { TagForm } from "./_components/tag-forms";
import { requirePagePermission } from "../_lib/page-access";

export const metadata: Metadata = { title: "Tags and sections" };

/** Editors and admins: tags, and which of them are sections (the site navigation). */
export default async function TagsPage() {
  const viewer = await requirePagePermission("/dashboard/tags", "tag:manage");
  const rows = await listTags(viewer);
  return (
    <PageFrame title="Tags and sections">
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <DataTable columns={["Tag", "Section", "Stories", "Page"]}>
          {rows.map((t) => (
            <tr key={t.id} data-testid="tag-row">
              <TitleCell href={`/dashboard/tags/${t.id}`} after={<TranslatedNames translations={t.translations} testId="tag-translations" />}>
                {t.name}
              </TitleCell>
              <Td>{t.isSection ? `Yes (${t.sectionOrder})` : "—"}</Td>
              <Td>{t.stories}</Td>
              <Td className="font-mono text-xs text-neutral-600">/tag/{t.slug}</Td>
            </tr>
          ))}
        </DataTable>
        <section aria-labelledby="new-tag" className="rounded border border-neutral-200 bg-white p-4">
          <h2 id="new-tag" className="mb-3 font-semibold">
            New tag
          </h2>
          <TagForm initial={{ name: "", slug: "", description: "", isSection: false, sectionOrder: 0 }} />
        </section>
      </div>
    </PageFrame>
  );
}
