/** GET /api/v1/bylines?cursor=&limit= — the bylines of public stories, by slug (lib/api/content.ts). */
import { cachedApi } from "@/lib/api/content";
import { apiPreflight, pagedListRoute } from "@/lib/api/http";

export const dynamic = "force-dynamic";

export const GET = pagedListRoute(cachedApi.bylines);

export const OPTIONS = apiPreflight;
