/**
 * The signed-in user ("viewer") of a dashboard request, loaded from the database on every
 * request: a deactivated account, a changed role or a changed password takes effect on the
 * next request, whatever the cookie says (a plain JWT cannot be revoked:
 * https://github.com/nextauthjs/next-auth/issues/662).
 */
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { loadViewer, type Viewer } from "./load-viewer";
import { auth } from "./nextauth";
import { isSessionOpen } from "./sessions";

export type { Viewer } from "./load-viewer";
import { safeReturnPath } from "./paths";

/** The viewer of this request, or null when signed out (read once per request). */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  // A cookie from before server-side sessions, or of a session that was ended, signs no one in.
  if (!session.sessionId || !(await isSessionOpen(session.sessionId, id))) return null;
  return loadViewer(id, session.sessionVersion ?? 0);
});

/** For server actions and route handlers. @throws AppError(unauthorized) when signed out. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) throw new AppError("unauthorized", "Your session has ended. Sign in again.");
  return viewer;
}

/** For dashboard pages: the viewer, or a redirect to /login (with a relative return path). */
export async function requireViewerForPage(returnTo = "/dashboard"): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/login?next=${encodeURIComponent(safeReturnPath(returnTo))}`);
  return viewer;
}
