/**
 * The media library over HTTP, for the desk's upload widgets (which need upload progress,
 * so they use XMLHttpRequest rather than a server action):
 * - POST multipart/form-data with one `file` → 201 `{ item, duplicate }`, or `{ error }` with
 *   400/401/403/413;
 * - GET `?q=&page=` → `{ items, total, page }` for the photo pickers.
 * Signed-in desk users only; the same permission checks as the library screen (lib/media/library.ts).
 */
import { requireViewer } from "@/lib/auth/viewer";
import { toResponse } from "@/lib/errors";
import { siteUrl } from "@/lib/env";
import { refuseCrossSite } from "@/lib/site/same-origin";
import { listMedia, uploadMedia } from "@/lib/media/library";
import { MEDIA_MAX_BYTES } from "@/lib/media/process";
import { readPhotoUpload } from "@/lib/media/upload";

export const dynamic = "force-dynamic";

const errorResponse = (e: unknown) => toResponse(e, "media route", "The upload failed on the server. Try again; if it keeps failing, tell an admin.");

export async function POST(request: Request): Promise<Response> {
  const crossSite = refuseCrossSite(request, new URL(siteUrl()).origin);
  if (crossSite) return crossSite;
  try {
    const viewer = await requireViewer();
    // The server refused a declared size over the limit unread (scripts/body-limits.mjs);
    // a body of undeclared size is counted here while it is streamed to disk.
    const result = await uploadMedia(viewer, await readPhotoUpload(request, MEDIA_MAX_BYTES));
    return Response.json(result, { status: result.duplicate ? 200 : 201 });
  } catch (e) {
    return errorResponse(e);
  }
}

export async function GET(request: Request): Promise<Response> {
  try {
    const viewer = await requireViewer();
    const url = new URL(request.url);
    const page = Number(url.searchParams.get("page") ?? "1");
    return Response.json(await listMedia(viewer, { q: url.searchParams.get("q") ?? "", page: Number.isFinite(page) ? page : 1 }));
  } catch (e) {
    return errorResponse(e);
  }
}
