"use server";

import { deskCall } from "@/lib/actions";
import { removeLegacyRedirect } from "@/lib/redirects/admin";

/** Removes one old WordPress address (admins; audited). */
export const removeLegacyRedirectAction: (path: unknown) => Promise<{ ok: true } | { ok: false; error: string }> = deskCall("removeLegacyRedirectAction", async (viewer, path: unknown) => {
  await removeLegacyRedirect(viewer, String(path));
  return { ok: true as const };
});
