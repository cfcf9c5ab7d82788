import { z } from "zod";
import { expireReaderCaches, expireStoryCaches } from "@/lib/site/reader-cache";
import { isRevalidateSecret, settleDueChanges } from "@/lib/publishing/scheduler";
import { applyDuePendingChanges } from "@/lib/stories/pending";

/**
 * Internal: expires cached reader pages. Called over loopback by this server's own scheduler
 * and desk actions (lib/publishing/scheduler.ts), with a per-process secret; anyone else gets
 * a 404. With a JSON body `{ footprint }` (lib/stories/footprint.ts) it expires what one
 * story change can alter; with no body (a scheduled instant, the sweep, a site change),
 * everything, after doing what a scheduled instant does: announcing to webhooks the stories
 * whose time has come and recording scheduled unpublishes (settleDueChanges), and applying the
 * pending changes whose instant has come (lib/stories/pending.ts), so the pages rendered next
 * show them.
 */
const segment = z.string().min(1).max(300).regex(/^[^/?#\u0000-\u001f]+$/);
const body = z.object({
  footprint: z.object({
    slugs: z.array(segment).max(1000),
    tagIds: z.array(z.uuid()).max(1000),
    tagSlugs: z.array(segment).max(1000),
    bylineIds: z.array(z.uuid()).max(1000),
    bylineSlugs: z.array(segment).max(1000),
  }),
});

export async function POST(request: Request): Promise<Response> {
  if (!isRevalidateSecret(request.headers.get("x-newsroom-revalidate"))) {
    return new Response("Not found", { status: 404 });
  }
  const text = await request.text();
  if (text) {
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      /* answered below */
    }
    const parsed = body.safeParse(json);
    if (!parsed.success) return Response.json({ ok: false, error: "bad footprint" }, { status: 400 });
    expireStoryCaches(parsed.data.footprint);
    return Response.json({ ok: true, scope: "story", at: new Date().toISOString() });
  }
  await settleDueChanges();
  const applied = await applyDuePendingChanges(new Date());
  expireReaderCaches();
  return Response.json({ ok: true, scope: "all", applied: applied.length, at: new Date().toISOString() });
}
