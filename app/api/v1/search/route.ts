/** GET /api/v1/search?q=&limit= — public stories matching words, best first (the reader search's ranking). */
import { searchApiStories } from "@/lib/api/content";
import { apiGet, apiPreflight, isFailure, parseQuery } from "@/lib/api/http";
import { SearchQuery } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return apiGet(request, async (url, now) => {
    const query = parseQuery(SearchQuery, url);
    if (isFailure(query)) return query;
    return { json: await searchApiStories(query.q, query.limit, now) };
  });
}

export const OPTIONS = apiPreflight;
