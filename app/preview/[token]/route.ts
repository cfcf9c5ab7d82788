/**
 * `/preview/<link>`: a shareable preview link (lib/stories/preview.ts) — the story's current
 * saved state, without signing in, until the link expires or is revoked; then "Page not
 * found", the same as for a link that never existed. Rendered per request, never cached.
 */
import { notFoundPage, previewResponse } from "@/components/site/render";
import { openPreviewLink } from "@/lib/stories/preview";
import { previewStoryPage } from "@/app/(site)/news/[slug]/story-page";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }): Promise<Response> {
  const { token } = await params;
  return previewResponse(async (context) => {
    const preview = await openPreviewLink(token, context.now);
    return preview ? previewStoryPage(context, preview) : notFoundPage;
  });
}
