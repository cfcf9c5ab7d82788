import { loadLiveJson } from "@/components/site/live-updates-json";
import { decodeSegment } from "@/lib/site/reader";
import { documentNotFound, documentResponse } from "@/lib/site/conditional-get";
import { cachedReaderData } from "@/lib/site/reader-cache";

/**
 * `/news/<slug>/live.json`: a live blog's updates for the reader's updates script
 * (components/site/live-updates-json.tsx), with a strong ETag, so a poll that finds nothing
 * new is a 304 with no body. The data is cached with the reader data and expired on every
 * change to the story or its entries, so an edited or deleted entry is changed or gone on the
 * next request; shared caches keep it as briefly as a reader page.
 */
export const dynamic = "force-dynamic";

const cachedLiveJson = cachedReaderData("live-json", (slug: string) => loadLiveJson(slug, new Date()));

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const slug = decodeSegment((await params).slug);
  if (!slug) return documentNotFound();
  const found = await cachedLiveJson(slug);
  if (found.kind === "missing") return documentNotFound();
  if (found.kind === "redirect") return new Response(null, { status: 308, headers: { Location: found.location } });
  return documentResponse(request, { body: found.body, lastModified: found.lastModified }, "application/json; charset=utf-8");
}
