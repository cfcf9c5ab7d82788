/** GET /api/v1/tags?cursor=&limit= — sections and the tags of public stories, by slug (lib/api/content.ts). */
import { cachedApi } from "@/lib/api/content";
import { apiPreflight, pagedListRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = pagedListRoute(cachedApi.tags);

export const OPTIONS = apiPreflight;
