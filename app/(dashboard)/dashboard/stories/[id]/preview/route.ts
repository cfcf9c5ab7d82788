/**
 * `/dashboard/stories/<id>/preview`: the story's current saved state as readers would see it,
 * for anyone on the desk who may open the story (app/(site)/news/[slug]/story-page.tsx, under
 * the preview bar). Rendered per request and never cached; signed-out visitors are sent to
 * sign in first.
 */
import { notFoundPage, previewResponse } from "@/components/site/render";
import { getViewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { previewForViewer } from "@/lib/stories/preview";
import { previewStoryPage } from "@/app/(site)/news/[slug]/story-page";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) {
    const login = `/login?next=${encodeURIComponent(`/dashboard/stories/${id}/preview`)}`;
    return new Response(null, { status: 303, headers: { Location: login, "Cache-Control": "no-store" } });
  }
  return previewResponse(async (context) => {
    try {
      return await previewStoryPage(context, await previewForViewer(viewer, id, context.now));
    } catch (e) {
      if (isAppError(e) && e.code === "not_found") return notFoundPage;
      throw e;
    }
  });
}
