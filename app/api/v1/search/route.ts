/** GET /api/v1/search?q=&limit= — public stories matching words, best first (the reader search's ranking). */
import { cachedApi } from "@/lib/api/content";
import { apiGet, apiPreflight, isFailure, parseQuery } from "@/lib/api/http";
import { SearchQuery } from "@/lib/api/schemas";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return apiGet(request, async (url) => {
    const query = parseQuery(SearchQuery, url);
    if (isFailure(query)) return query;
    return { json: await cachedApi.search(query.q, query.limit) };
  });
}

export const OPTIONS = apiPreflight;
