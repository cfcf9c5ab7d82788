import type { Metadata } from "next";
import { StoryEditor } from "@/components/editor/story-editor";
import { listEditorOptions } from "@/lib/stories/desk";
import { intentsForRole } from "@/lib/stories/story-schema";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { emptyBody } from "@/lib/editor/render";
import { getSiteSettings } from "@/lib/site/settings";
import { editorActions } from "../_lib/editor-actions";

export const metadata: Metadata = { title: "New story" };

/** A blank story; the first save creates it. Writers start with their own byline. */
export default async function NewStoryPage() {
  const viewer = await requireViewerForPage("/dashboard/stories/new");
  const [options, settings] = await Promise.all([listEditorOptions(), getSiteSettings()]);
  return (
    <>
      <h1 className="sr-only">New story</h1>
      <StoryEditor
        intents={intentsForRole(viewer.role)}
        viewerEmail={viewer.email}
        actions={editorActions}
        options={options}
        timeZone={settings.timeZone}
        story={{
          title: "",
          dek: "",
          slug: "",
          excerpt: "",
          body: emptyBody(),
          language: settings.defaultLanguage,
          status: "draft",
          isBreaking: false,
          breakingUntil: null,
          embargoUntil: null,
          unpublishAt: null,
          unpublishSetByName: null,
          pending: null,
          tags: [],
          bylineIds: viewer.bylineIds,
          featuredPhoto: null,
          everPublished: false,
          publishedAt: null,
          canEdit: true,
          canDelete: false,
          trashedAt: null,
          canRestore: false,
        }}
      />
    </>
  );
}
