"use server";

import { deskCall } from "@/lib/actions";
import { createApiKeyFromDesk, revokeApiKey } from "@/lib/api/keys";

/** Creates a content API key (admins; audited). The key is in the answer, once. */
export const createApiKeyAction: (name: unknown) => Promise<{ ok: true; key: string; name: string } | { ok: false; error: string }> = deskCall(
  "createApiKeyAction",
  async (viewer, name: unknown) => {
    const created = await createApiKeyFromDesk(viewer, String(name ?? ""));
    return { ok: true as const, key: created.key, name: created.name };
  },
);

/** Revokes a content API key (admins; audited). */
export const revokeApiKeyAction: (id: unknown) => Promise<{ ok: true } | { ok: false; error: string }> = deskCall("revokeApiKeyAction", async (viewer, id: unknown) => {
  await revokeApiKey(viewer, String(id));
  return { ok: true as const };
});
