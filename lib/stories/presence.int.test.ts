import { describe, expect, it } from "vitest";
import { loadViewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { saveStory } from "./desk";
import { heartbeat, PRESENCE_TTL_MS } from "./presence";

describe.each(engines())("presence on %s", (engine) => {
  useTestDatabase(engine);

  it("lists the others who have a story open, until their heartbeat is stale", async () => {
    const mk = async (name: string, role: "editor" | "writer") =>
      (await loadViewer(await createUser({ email: `${name}@example.org`, name, role, password: "correct horse battery" })))!;
    const mina = await mk("Mina", "editor");
    const farid = await mk("Farid", "editor");
    const sahar = await mk("Sahar", "writer");
    const { id } = await saveStory(mina, { title: "Shared", body: JSON.stringify(bodyFromParagraphs(["x"])) });
    const t0 = new Date();
    expect(await heartbeat(mina, id, t0)).toEqual([]);
    expect(await heartbeat(farid, id, new Date(t0.getTime() + 1000))).toEqual([{ name: "Mina" }]);
    expect(await heartbeat(mina, id, new Date(t0.getTime() + 2000))).toEqual([{ name: "Farid" }]);
    expect(await heartbeat(mina, id, new Date(t0.getTime() + 2000 + PRESENCE_TTL_MS))).toEqual([]);
    // A writer cannot probe someone else's story.
    await expect(heartbeat(sahar, id)).rejects.toMatchObject({ code: "not_found" });
  });
});
