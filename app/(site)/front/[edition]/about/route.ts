import { readerResponse } from "@/components/site/render";
import { aboutPage } from "../../../about/about-page";

/** An edition's About page, `/<code>/about` (rewritten here by next.config.ts). Rendered per request. */
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ edition: string }> }): Promise<Response> {
  return readerResponse(aboutPage, (await params).edition);
}
