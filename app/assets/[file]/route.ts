import fs from "node:fs";
import { readerFont, readerStylesheet } from "@/components/site/render";
import { etagOf } from "@/lib/site/conditional-get";

/**
 * `/assets/site-<hash>.css`: the reader stylesheet, at an address that names its content, so
 * it may be cached for a year and never revalidated (`immutable`, RFC 8246). Another build's
 * name (a page rendered by the previous build during a rolling deploy) gets this build's
 * stylesheet, which differs little, marked to be revalidated, so no reader sees an unstyled
 * page; any other name is a 404.
 *
 * `/assets/vazirmatn-arabic-<hash>.woff2`: the Arabic-script web font, the same way (another
 * build's name gets this build's font, to be revalidated). Fonts are fetched in CORS mode
 * (CSS Fonts 4, https://www.w3.org/TR/css-fonts-4/#font-fetching-requirements), from our own
 * origin here, so no CORS header is needed.
 */
export const dynamic = "force-dynamic";

const STYLESHEET_NAME = /^site-[\w-]{16}\.css$/;
const FONT_NAME = /^vazirmatn-arabic-[\w-]{16}\.woff2$/;

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await params;
  if (FONT_NAME.test(file)) {
    const font = readerFont();
    const bytes = fs.readFileSync(font.file);
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": "font/woff2",
        "Cache-Control": file === font.name ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate",
        ETag: etagOf(bytes.toString("base64")),
      },
    });
  }
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
