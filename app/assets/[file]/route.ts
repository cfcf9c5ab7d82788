import { readerStylesheet } from "@/components/site/render";
import { etagOf } from "@/lib/site/conditional-get";

/**
 * `/assets/site-<hash>.css`: the reader stylesheet, at an address that names its content, so
 * it may be cached for a year and never revalidated (`immutable`, RFC 8246). Any other name,
 * an old build's included, is a 404.
 */
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  const { css, href } = readerStylesheet();
  if (`/assets/${file}` !== href) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(css, {
    headers: { "Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable", ETag: etagOf(css) },
  });
}
