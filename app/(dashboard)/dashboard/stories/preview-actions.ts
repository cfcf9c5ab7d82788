"use server";

import { deskCall } from "@/lib/actions";
import { renderReaderPage } from "@/components/site/render";
import { createPreviewLink, listPreviewLinks, previewOfUnsaved, revokePreviewLink, type PreviewLinkView } from "@/lib/stories/preview";
import { previewStoryPage } from "@/app/(site)/news/[slug]/story-page";
import type { PreviewLinkRow } from "@/components/editor/story-editor/types";

/** A link for the editor (instants as ISO strings). */
function toRow(l: PreviewLinkView): PreviewLinkRow {
  return {
    id: l.id,
    label: l.label,
    createdByName: l.createdByName,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    revokedAt: l.revokedAt?.toISOString() ?? null,
    useCount: l.useCount,
    lastUsedAt: l.lastUsedAt?.toISOString() ?? null,
    active: l.active,
  };
}

/** A story's preview links, newest first. */
export const listPreviewLinksAction = deskCall("listPreviewLinksAction", async (viewer, storyId: string) => ({
  ok: true as const,
  links: (await listPreviewLinks(viewer, String(storyId))).map(toRow),
}));

/** Creates a preview link (`{ label, days }`); answers its address (shown once) and the list. */
export const createPreviewLinkAction = deskCall("createPreviewLinkAction", async (viewer, storyId: string, values: { label?: string; days?: string }) => {
  const { path } = await createPreviewLink(viewer, String(storyId), values);
  return { ok: true as const, path, links: (await listPreviewLinks(viewer, String(storyId))).map(toRow) };
});

/** Stops a preview link; answers the list. */
export const revokePreviewLinkAction = deskCall("revokePreviewLinkAction", async (viewer, storyId: string, linkId: string) => {
  await revokePreviewLink(viewer, String(linkId));
  return { ok: true as const, links: (await listPreviewLinks(viewer, String(storyId))).map(toRow) };
});

/**
 * The live preview of the editor's unsaved fields (the same input a save sends): the reader
 * page's HTML, rendered now and written nowhere.
 */
export const livePreviewAction = deskCall("livePreviewAction", async (viewer, input: unknown) => {
  const page = await renderReaderPage(async (context) => previewStoryPage(context, await previewOfUnsaved(viewer, input, context.now)));
  return { ok: true as const, html: page.status === 308 ? "" : page.html };
});
