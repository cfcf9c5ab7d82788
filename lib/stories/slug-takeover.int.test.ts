/**
 * A new story never takes an old slug that still redirects readers to another story: that
 * would silently break the other story's inbound links.
 */
import { describe, expect, it } from "vitest";
import { loadViewer } from "@/lib/auth/load-viewer";
import { bodyFromParagraphs } from "@/lib/editor/render";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { getDeskStory, saveStory } from "./desk";
import { getPublicStory } from "./queries";

const body = (text: string) => JSON.stringify(bodyFromParagraphs([text]));

describe.each(engines())("slugs and old-slug redirects on %s", (engine) => {
  useTestDatabase(engine);

  it("a new story with a redirected old slug's headline gets another slug, and the redirect keeps working", async () => {
    const mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    const first = await saveStory(mina, { title: "Bridge closed", body: body("x"), intent: "publish" });
    const s = await getDeskStory(mina, first.id);
    await saveStory(mina, { id: s.id, version: s.version, title: "Bridge closed for repairs", slug: "bridge-closed-for-repairs", body: body("x"), intent: "minor" });
    const later = new Date(Date.now() + 1000);
    expect(await getPublicStory("bridge-closed", later)).toEqual({ kind: "redirect", slug: "bridge-closed-for-repairs" });

    const second = await saveStory(mina, { title: "Bridge closed", body: body("Another bridge."), intent: "publish" });
    expect(second.slug).toBe("bridge-closed-2");
    const third = await saveStory(mina, { title: "Another", slug: "bridge-closed", body: body("y") });
    expect(third.slug).not.toBe("bridge-closed");
    expect(await getPublicStory("bridge-closed", later)).toEqual({ kind: "redirect", slug: "bridge-closed-for-repairs" });
  });
});
