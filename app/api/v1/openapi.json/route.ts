/**
 * GET /api/v1/openapi.json — the content API's OpenAPI 3.1 document (lib/api/openapi.ts).
 * Public, like any API's documentation: it describes the API, not the newsroom's content.
 */
import { openApiDocument } from "@/lib/api/openapi";
import { siteUrl } from "@/lib/env";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(siteUrl()), { headers: { "Access-Control-Allow-Origin": "*", "Cache-Control": "public, max-age=300" } });
}
