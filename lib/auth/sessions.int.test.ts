import { describe, expect, it } from "vitest";
import { loadViewer } from "@/lib/auth/load-viewer";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { endAllSessions, endSession, isSessionOpen, startSession } from "./sessions";

describe.each(engines())("server-side sessions on %s", (engine) => {
  useTestDatabase(engine);

  it("a session is open until it is ended; another user's id never matches it", async () => {
    const mina = await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" });
    const farid = await createUser({ email: "farid@example.org", name: "Farid", role: "writer", password: "correct horse battery" });
    const phone = await startSession(mina);
    const laptop = await startSession(mina);
    expect(await isSessionOpen(phone, mina)).toBe(true);
    expect(await isSessionOpen(phone, farid)).toBe(false);
    expect(await isSessionOpen("not-a-session", mina)).toBe(false);
    await endSession(phone);
    expect(await isSessionOpen(phone, mina)).toBe(false);
    expect(await isSessionOpen(laptop, mina)).toBe(true);
  });

  it("sign out everywhere ends every session and every cookie issued before it", async () => {
    const sahar = await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" });
    const before = (await loadViewer(sahar)) && 1;
    expect(before).toBe(1);
    const a = await startSession(sahar);
    const b = await startSession(sahar);
    expect(await endAllSessions(sahar)).toBe(2);
    expect([await isSessionOpen(a, sahar), await isSessionOpen(b, sahar)]).toEqual([false, false]);
    // A cookie carries the session version it was issued with (1): it no longer matches.
    expect(await loadViewer(sahar, 1)).toBeNull();
    expect(await loadViewer(sahar, 2)).not.toBeNull();
  });
});
