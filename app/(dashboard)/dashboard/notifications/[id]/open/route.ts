/**
 * `/dashboard/notifications/<id>/open`: marks the viewer's notification read and goes where it
 * leads (a story in the desk). Someone else's or an unknown notification goes back to the
 * list; signed-out visitors are sent to sign in first. The list links here with plain links
 * (never prefetched, so nothing is marked read before it is opened).
 */
import { getViewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { markNotificationRead } from "@/lib/review/centre";

export const dynamic = "force-dynamic";

const seeOther = (location: string) => new Response(null, { status: 303, headers: { Location: location, "Cache-Control": "no-store" } });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const viewer = await getViewer();
  if (!viewer) return seeOther(`/login?next=${encodeURIComponent(`/dashboard/notifications/${id}/open`)}`);
  try {
    return seeOther(await markNotificationRead(viewer, id));
  } catch (e) {
    if (isAppError(e)) return seeOther("/dashboard/notifications");
    throw e;
  }
}
