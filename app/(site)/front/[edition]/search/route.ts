import type { NextRequest } from "next/server";
import { readerResponse } from "@/components/site/render";
import { searchPage } from "../../../search/search-view";

/**
 * An edition's search, `/<code>/search?q=…` (rewritten here by next.config.ts): every
 * language is searched, the edition's stories first. Rendered per request.
 */
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest, { params }: { params: Promise<{ edition: string }> }): Promise<Response> {
  const query = request.nextUrl.searchParams;
  return readerResponse((context) => searchPage(context, query.get("q") ?? undefined, query.get("page") ?? undefined), (await params).edition);
}
