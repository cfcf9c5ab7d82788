import { readerStylesheet } from "@/components/site/render";
import { etagOf } from "@/lib/site/conditional-get";

/**
 * `/assets/site-<hash>.css`: the reader stylesheet, at an address that names its content, so
 * it may be cached for a year and never revalidated (`immutable`, RFC 8246). Another build's
 * name (a page rendered by the previous build during a rolling deploy) gets this build's
 * stylesheet, which differs little, marked to be revalidated, so no reader sees an unstyled
 * page; any other name is a 404.
 */
export const dynamic = "force-dynamic";

const STYLESHEET_NAME = /^site-[\w-]{16}\.css$/;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const { css, href } = readerStylesheet();
  if (!STYLESHEET_NAME.test(file)) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  const current = `/assets/${file}` === href;
  return new Response(css, {
    headers: {
      "Content-Type": "text/css; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
      ETag: etagOf(css),
    },
  });
}
