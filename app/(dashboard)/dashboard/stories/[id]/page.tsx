import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryEditor } from "@/components/editor/story-editor";
import { getDeskStory, listEditorOptions } from "@/lib/stories/desk";
import { getPendingChanges, pendingEditorFields } from "@/lib/stories/pending";
import { loadPhotos } from "@/lib/media/refs";
import { can } from "@/lib/permissions/roles";
import type { JSONContent } from "@tiptap/core";
import { getRestoreOffer } from "@/lib/stories/revisions";
import { intentsForRole } from "@/lib/stories/story-schema";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { getSiteSettings } from "@/lib/site/settings";
import { editorActions } from "../_lib/editor-actions";
import { getOpenReturnNote } from "@/lib/review/queue";
import { formatDateTime } from "@/lib/dates/format";
import { listTranslations, translationSync } from "@/lib/stories/translations";
import { LiveBlogSwitch } from "../../live/_components/live-blog-switch";

export const metadata: Metadata = { title: "Edit story" };

/** One story in the editor. Missing and not-yours look the same: 404. */
export default async function EditStoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ restore?: string }> }) {
  const { id } = await params;
  const { restore } = await searchParams;
  const viewer = await requireViewerForPage(`/dashboard/stories/${id}`);
  let story;
  try {
    story = await getDeskStory(viewer, id);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
  // "Restore…" from the history of a live story: the old text opens here, unsaved.
  const offer = restore && story.status === "published" && story.canEdit ? await getRestoreOffer(viewer, id, restore).catch((e: unknown) => {
          // An unknown or foreign revision id opens the story as saved; anything else is a fault.
          if (isAppError(e)) return null;
          throw e;
        }) : null;
  const [options, settings, returned, versions, sync] = await Promise.all([
    listEditorOptions(),
    getSiteSettings(),
    getOpenReturnNote(viewer, id),
    listTranslations(viewer, id),
    translationSync(viewer, id),
  ]);
  // A story in no group yet is listed alone, as the version it is.
  const translationVersions = versions.length > 0 ? versions : [{ id: story.id, language: story.language, title: story.title, status: story.status }];
  // A live story with pending changes opens on them: that is the text being worked on.
  const pending = story.status === "published" && story.canEdit && can(viewer.role, "story:publish") ? await getPendingChanges(viewer, id) : null;
  const p = pending ? pendingEditorFields(pending) : {};
  const pendingPhoto = p.featuredMediaId ? ((await loadPhotos([p.featuredMediaId])).get(p.featuredMediaId) ?? null) : p.featuredMediaId === "" ? null : story.featuredPhoto;
  return (
    <>
      <h1 className="sr-only">Edit story</h1>
      <StoryEditor
        key={story.id}
        intents={intentsForRole(viewer.role)}
        viewerEmail={viewer.email}
        actions={editorActions}
        options={options}
        timeZone={settings.timeZone}
        translations={{
          versions: translationVersions.map((v) => ({ id: v.id, language: v.language, title: v.title, status: v.status })),
          canTranslate: can(viewer.role, "story:create") && !story.trashedAt,
          behind: sync?.behind ? { sourceId: sync.source.id, sourceLanguage: sync.source.language, sourceChangedAt: sync.sourceChangedAt.toISOString() } : null,
        }}
        sidePanel={
          can(viewer.role, "story:publish") && !story.trashedAt ? (
            <LiveBlogSwitch
              storyId={story.id}
              initial={story.isLiveBlog}
              coverageNote={
                story.isLiveBlog && story.coverageStartedAt
                  ? story.coverageEndedAt
                    ? `Coverage ended at ${formatDateTime(story.coverageEndedAt, settings.timeZone, settings.locale)}.`
                    : `Live since ${formatDateTime(story.coverageStartedAt, settings.timeZone, settings.locale)}.`
                  : null
              }
            />
          ) : undefined
        }
        restoreOffer={
          offer
            ? { version: offer.version, title: offer.title, dek: offer.dek, body: offer.body, notes: offer.notes.map((n) => ({ ...n, at: n.at.toISOString() })) }
            : undefined
        }
        story={{
          id: story.id,
          version: story.version,
          title: p.title ?? story.title,
          dek: p.dek ?? story.dek,
          slug: p.slug || story.slug,
          excerpt: p.excerpt ?? story.excerpt,
          body: (p.body as JSONContent | undefined) ?? story.body,
          language: p.language ?? story.language,
          status: story.status,
          isBreaking: p.isBreaking ?? story.isBreaking,
          breakingUntil: story.breakingUntil?.toISOString() ?? null,
          embargoUntil: story.embargoUntil?.toISOString() ?? null,
          unpublishAt: story.unpublishAt?.toISOString() ?? null,
          unpublishSetByName: story.unpublishSetByName,
          tags: p.tags ?? story.tags,
          bylineIds: p.bylineIds ?? story.bylineIds,
          featuredPhoto: pending ? pendingPhoto : story.featuredPhoto,
          everPublished: story.publishedAt !== null && story.publishedAt <= new Date(),
          publishedAt: story.publishedAt?.toISOString() ?? null,
          canEdit: story.canEdit,
          canDelete: story.canDelete,
          trashedAt: story.trashedAt?.toISOString() ?? null,
          canRestore: story.canRestore,
          returnNote: returned ? { note: returned.note, authorName: returned.authorName, at: returned.createdAt.toISOString() } : null,
          pending: pending
            ? {
                updatedAt: pending.updatedAt.toISOString(),
                updatedByName: pending.updatedByName,
                applyAt: pending.applyAt?.toISOString() ?? null,
                applyKind: pending.applyKind,
                scheduledByName: pending.scheduledByName,
                failure: pending.failure,
              }
            : null,
        }}
      />
    </>
  );
}
