import type { Metadata } from "next";
import { StoryEditor } from "@/components/editor/story-editor";
import { listEditorOptions } from "@/lib/articles/desk";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { emptyBody } from "@/lib/editor/render";

export const metadata: Metadata = { title: "New story" };

/** A blank story; the first save creates it. Writers start with their own byline. */
export default async function NewStoryPage() {
  const viewer = await requireViewerForPage("/dashboard/stories/new");
  const options = await listEditorOptions();
  return (
    <>
      <h1 className="sr-only">New story</h1>
      <StoryEditor
        role={viewer.role}
        options={options}
        story={{
          title: "",
          dek: "",
          slug: "",
          excerpt: "",
          body: emptyBody(),
          language: "en",
          status: "draft",
          isBreaking: false,
          tags: [],
          bylineIds: viewer.bylineIds,
          everPublished: false,
          canEdit: true,
          canDelete: false,
        }}
      />
    </>
  );
}
