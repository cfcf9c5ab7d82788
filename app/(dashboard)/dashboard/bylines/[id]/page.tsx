import type { Metadata } from "next";
import { getByline, listBylines, listLinkableUsers } from "@/lib/bylines/admin";
import { SubpageHeader } from "@/components/ui/page-header";
import { BylineActions, BylineForm } from "../_components/byline-forms";
import { orNotFound, requirePagePermission } from "../../_lib/page-access";
import { translationValues } from "@/components/dashboard/translation-inputs";
import { countOf } from "@/lib/text/count";

export const metadata: Metadata = { title: "Edit byline" };

/** Admins: edit, retire or merge a byline. */
export default async function EditBylinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePagePermission(`/dashboard/bylines/${id}`, "byline:manage");
  const byline = await orNotFound(getByline(viewer, id));
  const [users, all] = await Promise.all([listLinkableUsers(viewer), listBylines(viewer)]);
  return (
    <div className="flex flex-col gap-6">
      <SubpageHeader back={{ href: "/dashboard/bylines", label: "← Bylines" }} title={byline.name}>
        {countOf(byline.stories, "story", "stories")}
      </SubpageHeader>
      <BylineForm
        users={users}
        initial={{
          id: byline.id,
          name: byline.name,
          slug: byline.slug,
          jobTitle: byline.jobTitle,
          bio: byline.bio,
          photoUrl: byline.photoUrl ?? "",
          userId: byline.userId ?? "",
          translations: translationValues(byline.translations),
        }}
      />
      <BylineActions id={byline.id} retired={byline.retired} others={all.filter((b) => b.id !== byline.id).map((b) => ({ id: b.id, name: b.name }))} />
    </div>
  );
}
