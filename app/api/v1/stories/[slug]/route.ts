/**
 * GET /api/v1/stories/{slug} — one public story; an old slug answers 308 to the current one,
 * a story removed after publication 410 (lib/api/content.ts; HTTP rules in lib/api/http.ts).
 */
import { cachedApi } from "@/lib/api/content";
import { apiGet, apiPreflight } from "@/lib/api/http";
import { siteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params;
  return apiGet(request, async () => {
    const found = await cachedApi.story(slug);
    if (found.kind === "story") return { json: found.story };
    if (found.kind === "redirect") return { redirect: `${siteUrl()}/api/v1/stories/${encodeURIComponent(found.slug)}` };
    if (found.kind === "gone") return { status: 410, error: "This story was removed." };
    return { status: 404, error: "No public story has this slug." };
  });
}

export const OPTIONS = apiPreflight;
