/**
 * `/dashboard/stories/<id>/preview`: the story's current saved state as readers would see it,
 * for anyone on the desk who may open the story (app/(site)/news/[slug]/story-page.tsx, under
 * the preview bar); with `?pending=1`, its pending changes (editors). Rendered per request and
 * never cached; signed-out visitors are sent to sign in first.
 */
import { notFoundPage, previewResponse } from "@/components/site/render";
import { getViewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { previewForViewer, previewOfUnsaved } from "@/lib/stories/preview";
import { getPendingChanges } from "@/lib/stories/pending";
import { previewStoryPage } from "@/app/(site)/news/[slug]/story-page";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) {
    const login = `/login?next=${encodeURIComponent(`/dashboard/stories/${id}/preview`)}`;
    return new Response(null, { status: 303, headers: { Location: login, "Cache-Control": "no-store" } });
  }
  return previewResponse(async (context) => {
    try {
      // `?pending=1`: the story's pending changes, as readers will see them once published.
      if (new URL(request.url).searchParams.get("pending") === "1") {
        const pending = await getPendingChanges(viewer, id);
        if (!pending) return notFoundPage;
        const preview = await previewOfUnsaved(viewer, { ...pending.input, id }, context.now);
        return await previewStoryPage(context, { ...preview, pendingChanges: { applyAt: pending.applyAt } });
      }
      return await previewStoryPage(context, await previewForViewer(viewer, id, context.now));
    } catch (e) {
      if (isAppError(e) && (e.code === "not_found" || e.code === "forbidden")) return notFoundPage;
      throw e;
    }
  });
}
