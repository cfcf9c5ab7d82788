import type { NextRequest } from "next/server";
import { readerResponse } from "@/components/site/render";
import { searchPage } from "./search-view";

/**
 * `/search`: the search form, rendered per request. A request with words (`?q=…`) never
 * reaches this route: the proxy sends it to the cached results route
 * (app/(site)/search/q/[q]/[page]); this one still answers one correctly if it comes.
 */
export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  const params = request.nextUrl.searchParams;
  return readerResponse((context) => searchPage(context, params.get("q") ?? undefined, params.get("page") ?? undefined));
}
