/**
 * POST /api/import?name=<file name>&siteTimeZone=<IANA>&pages=section|skip&dryRun=true|false&permalinkStructure=<WordPress structure>
 *   &photos=none|fetch|folder&photoHosts=<host, host>&uploadsDir=<folder inside IMPORT_UPLOADS_ROOT>
 * with the WXR file as the raw request body (streamed to disk, never buffered): starts an
 * import run and answers 202 `{ id }`, or `{ error }` with 400/401/403/413. Admins only.
 */
import { requireViewer } from "@/lib/auth/viewer";
import { toResponse } from "@/lib/errors";
import { siteUrl } from "@/lib/env";
import { refuseCrossSite } from "@/lib/site/same-origin";
import { IMPORT_MAX_BYTES, parseRunOptions, requireImporter, startImport } from "@/lib/import/runs";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const crossSite = refuseCrossSite(request, new URL(siteUrl()).origin);
  if (crossSite) return crossSite;
  try {
    const viewer = await requireViewer();
    const url = new URL(request.url);
    // Before the options: checking a folder tells what lies on the server's disk.
    requireImporter(viewer);
    const q = url.searchParams;
    const options = parseRunOptions({
      siteTimeZone: q.get("siteTimeZone"),
      pages: q.get("pages"),
      dryRun: q.get("dryRun"),
      permalinkStructure: q.get("permalinkStructure"),
      photos: q.get("photos"),
      photoHosts: q.get("photoHosts"),
      uploadsDir: q.get("uploadsDir"),
    });
    if (Number(request.headers.get("content-length") ?? "0") > IMPORT_MAX_BYTES) {
      return Response.json({ error: `The export is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB (the IMPORT_MAX_MB setting); use npm run import:wxr for it.` }, { status: 413 });
    }
    if (!request.body) return Response.json({ error: "No file was sent." }, { status: 400 });
    const id = await startImport(viewer, request.body, url.searchParams.get("name") ?? "export.xml", options);
    return Response.json({ id }, { status: 202 });
  } catch (e) {
    return toResponse(e, "import upload", "The upload failed on the server. Try again; if it keeps failing, use npm run import:wxr.");
  }
}
