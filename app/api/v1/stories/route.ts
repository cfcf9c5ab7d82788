/**
 * GET /api/v1/stories?tag=&byline=&language=&updated_since=&cursor=&limit= — public stories,
 * newest first, a page at a time (lib/api/content.ts; HTTP rules in lib/api/http.ts).
 */
import { cachedApi } from "@/lib/api/content";
import { apiGet, apiPreflight, isFailure, nextPageUrl, parseQuery } from "@/lib/api/http";
import { StoryListQuery } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return apiGet(request, async (url) => {
    const query = parseQuery(StoryListQuery, url);
    if (isFailure(query)) return query;
    const { items, next } = await cachedApi.stories(query);
    return { json: { items, next, nextUrl: nextPageUrl(url, next) } };
  });
}

export const OPTIONS = apiPreflight;
