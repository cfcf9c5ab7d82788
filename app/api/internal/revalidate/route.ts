import { expireReaderCaches } from "@/lib/site/reader-cache";
import { isRevalidateSecret } from "@/lib/publishing/scheduler";

/**
 * Internal: expires every cached reader page. Called over loopback by this server's own
 * scheduler at a scheduled instant (lib/publishing/scheduler.ts), with a per-process secret.
 * Anyone else gets a 404.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isRevalidateSecret(request.headers.get("x-newsroom-revalidate"))) {
    return new Response("Not found", { status: 404 });
  }
  expireReaderCaches();
  return Response.json({ ok: true, at: new Date().toISOString() });
}
