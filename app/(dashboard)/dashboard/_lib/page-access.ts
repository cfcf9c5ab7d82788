/**
 * Gates of desk pages (Server Components only): who may see a page, and a missing record as
 * the 404 page. The rules themselves live in lib/permissions and lib's reads; these turn their
 * answers into Next's responses. A screen the viewer's role may not open answers 403 with the
 * desk's "no access" page (./forbidden.tsx beside the dashboard); a record the viewer may not
 * see (another writer's story) answers 404, as a missing one does, so its existence stays private.
 */
import { forbidden, notFound } from "next/navigation";
import { requireViewerForPage, type Viewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions/roles";

/**
 * The signed-in viewer of the page at `path` when their role has `permission`. A signed-out
 * visitor is sent to sign in (and back to `path`); a viewer without the permission gets the
 * desk's "no access" page (403).
 */
export async function requirePagePermission(path: string, permission: Permission): Promise<Viewer> {
  const viewer = await requireViewerForPage(path);
  if (!can(viewer.role, permission)) forbidden();
  return viewer;
}

/**
 * The value `read` resolves to; the 404 page when it rejects with AppError not_found (missing,
 * or not visible to this viewer). Any other error propagates to the error page.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
}
