/**
 * `/dashboard/front/preview?…`: the front page as readers would see it with a change not yet
 * saved (the query, read by parseFrontProposal in lib/front/arrange.ts: `pin=<position>&story=<id>`,
 * `unpin=<position>`, `rule=<rule>`, `blocks=<id>,…|auto`), rendered by the readers' own front
 * page (app/(site)/front/[edition]/front-page.tsx). For editors only (the `story:publish`
 * right); rendered per request, never cached or indexed (previewResponse). Signed-out
 * visitors are sent to sign in first; unreadable queries answer 400 with the reason.
 */
import { previewResponse } from "@/components/site/render";
import { getViewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { parseFrontProposal, type FrontProposal } from "@/lib/front/arrange";
import { can } from "@/lib/permissions/roles";
import { frontPage } from "@/app/(site)/front/[edition]/front-page";

export const dynamic = "force-dynamic";

const PRIVATE = { "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex, nofollow", "Content-Type": "text/plain; charset=utf-8" };

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const viewer = await getViewer();
  if (!viewer) {
    const login = `/login?next=${encodeURIComponent(url.pathname + url.search)}`;
    return new Response(null, { status: 303, headers: { Location: login, "Cache-Control": "no-store" } });
  }
  if (!can(viewer.role, "story:publish")) return new Response("Only editors arrange the front page.", { status: 403, headers: PRIVATE });
  let proposal: FrontProposal;
  try {
    proposal = parseFrontProposal(url.searchParams);
  } catch (e) {
    if (isAppError(e)) return new Response(e.message, { status: e.status, headers: PRIVATE });
    throw e;
  }
  return previewResponse((context) => frontPage(context, proposal));
}
