/**
 * Stored photos: `/media/<content hash>.<ext>`. The name is the content's hash, so a URL
 * never changes meaning and browsers and CDNs may keep it for a year. Resized AVIF/WebP
 * copies are made from these by Next's image optimiser (`/_next/image`).
 */
import { isMediaKey } from "@/lib/media/storage";
import { mediaStorage } from "@/lib/media/store";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await ctx.params;
  const found = isMediaKey(file) ? await mediaStorage().get(file) : null;
  if (!found) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(new Uint8Array(found.data), {
    headers: {
      "Content-Type": found.contentType,
      "Content-Length": String(found.data.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      ETag: `"${file.split(".")[0]}"`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
