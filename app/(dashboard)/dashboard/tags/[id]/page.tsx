import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { listTags } from "@/lib/tags/admin";
import { SubpageHeader } from "@/components/ui/page-header";
import { MergeTagForm, TagForm } from "../_components/tag-forms";
import { requirePagePermission } from "../../_lib/page-access";
import { translationValues } from "@/components/dashboard/translation-inputs";
import { countOf } from "@/lib/text/count";
import { can } from "@/lib/permissions/roles";
import { getSectionEditors } from "@/lib/review/section-editors";
import { SectionEditorsForm } from "../_components/section-editors-form";

export const metadata: Metadata = { title: "Edit tag" };

/** Edit or merge one tag. */
export default async function EditTagPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePagePermission(`/dashboard/tags/${id}`, "tag:manage");
  const all = await listTags(viewer);
  const tag = all.find((t) => t.id === id);
  if (!tag) notFound();
  // Admins choose who reviews the section's stories.
  const editors = can(viewer.role, "user:manage") ? await getSectionEditors(viewer, tag.id) : null;
  return (
    <div className="flex flex-col gap-6">
      <SubpageHeader back={{ href: "/dashboard/tags", label: "← Tags and sections" }} title={tag.name}>
        {countOf(tag.stories, "story", "stories")}
      </SubpageHeader>
      <TagForm initial={{ id: tag.id, name: tag.name, slug: tag.slug, description: tag.description, isSection: tag.isSection, sectionOrder: tag.sectionOrder, translations: translationValues(tag.translations) }} />
      {editors ? <SectionEditorsForm id={tag.id} name={tag.name} assigned={editors.assigned} choices={editors.choices} /> : null}
      <MergeTagForm id={tag.id} others={all.filter((t) => t.id !== tag.id).map((t) => ({ id: t.id, name: t.name }))} />
    </div>
  );
}
