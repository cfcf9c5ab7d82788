import type { Metadata } from "next";
import type { JSONContent } from "@tiptap/core";
import { formatDateTime, formatTimeOfDay } from "@/lib/dates/format";
import { directionOf } from "@/lib/i18n/languages";
import { getLiveDeskStory } from "@/lib/live/desk";
import { listDeskEntries } from "@/lib/live/entries";
import { can } from "@/lib/permissions/roles";
import { listEditorOptions } from "@/lib/stories/desk";
import { getSiteSettings } from "@/lib/site/settings";
import { SubpageHeader } from "@/components/ui/page-header";
import { orNotFound, requirePagePermission } from "../../_lib/page-access";
import { LiveDesk } from "./_components/live-desk";
import type { EntryView, LiveDeskView } from "./_components/types";

export const metadata: Metadata = { title: "Live desk" };

/**
 * One live blog's desk: the entry composer, the entries newest first (refreshed every few
 * seconds) and, for editors, the live blog's settings. Writers, editors and admins.
 */
export default async function LiveDeskPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePagePermission(`/dashboard/live/${id}`, "story:create");
  const story = await orNotFound(getLiveDeskStory(viewer, id));
  const [entries, options, settings] = await Promise.all([orNotFound(listDeskEntries(viewer, id)), listEditorOptions(), getSiteSettings()]);
  const tz = settings.timeZone;
  const anyByline = can(viewer.role, "story:set-any-byline");
  const bylines = options.bylines.filter((b) => (anyByline ? !b.retired || viewer.bylineIds.includes(b.id) : viewer.bylineIds.includes(b.id))).map(({ id: bid, name }) => ({ id: bid, name }));
  const view: LiveDeskView = {
    id: story.id,
    title: story.title,
    language: story.language,
    dir: directionOf(story.language),
    timeZone: tz,
    coverageStartedLabel: story.coverageStartedAt ? formatDateTime(story.coverageStartedAt, tz, settings.locale) : null,
    coverageEndedLabel: story.coverageEndedAt ? formatDateTime(story.coverageEndedAt, tz, settings.locale) : null,
    writersMayPublishEntries: story.writersMayPublishEntries,
    viewerMayPublish: story.viewerMayPublish,
    viewerIsEditor: story.viewerIsEditor,
    bylines,
    defaultBylineId: viewer.bylineIds.find((b) => bylines.some((o) => o.id === b)) ?? "",
  };
  const list: EntryView[] = entries.map((e) => {
    const at = e.postedAt ?? e.createdAt;
    return {
      id: e.id,
      status: e.status,
      headline: e.headline,
      body: e.body as JSONContent,
      bodyHtml: e.bodyHtml,
      bylineId: e.bylineId,
      bylineName: e.bylineName,
      isKeyEvent: e.isKeyEvent,
      isPinned: e.isPinned,
      at: at.toISOString(),
      atLabel: formatTimeOfDay(at, tz, settings.locale),
      atTitle: formatDateTime(at, tz, settings.locale),
      editedLabel: e.editedAt ? formatTimeOfDay(e.editedAt, tz, settings.locale) : null,
      editedAt: e.editedAt?.toISOString() ?? null,
      version: e.version,
      canEdit: e.canEdit,
      canPublish: e.canPublish,
      canDelete: e.canDelete,
    };
  });
  return (
    <div className="flex flex-col gap-6">
      <SubpageHeader back={{ href: "/dashboard/live", label: "← Live blogs" }} title={story.title || "(no headline)"}>
        {story.coverageEndedAt ? `Coverage ended at ${view.coverageEndedLabel}.` : `Live since ${view.coverageStartedLabel ?? "—"}.`} Times in {tz}.
      </SubpageHeader>
      <LiveDesk story={view} entries={list} />
    </div>
  );
}
