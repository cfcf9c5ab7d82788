import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/users/store";
import { engines, useTestDatabase } from "@/test/db";
import { getSiteSettings } from "./settings";
import { updateSiteSettings } from "./settings-admin";

const base = { siteName: "The Kabul Lantern", tagline: "Local news", aboutText: "About us.", timeZone: "Asia/Kabul", defaultLanguage: "en" };

describe.each(engines())("site settings on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let laila: Viewer;
  let mina: Viewer;

  async function fail(p: Promise<unknown>) {
    return p.then(
      () => null,
      (e: unknown) => e as AppError,
    );
  }

  it("only admins change settings", async () => {
    laila = (await loadViewer(await createUser({ email: "laila@example.org", name: "Laila", role: "admin", password: "correct horse battery" })))!;
    mina = (await loadViewer(await createUser({ email: "mina@example.org", name: "Mina", role: "editor", password: "correct horse battery" })))!;
    expect((await fail(updateSiteSettings(mina, base)))?.code).toBe("forbidden");
  });

  it("names each bad field", async () => {
    const e = await fail(updateSiteSettings(laila, { ...base, siteName: " ", timeZone: "Mars/Olympus", logoUrl: "javascript:alert(1)", defaultLanguage: "xx" }));
    expect(e?.code).toBe("bad_request");
    expect(Object.keys(e?.fields ?? {}).sort()).toEqual(["defaultLanguage", "logoUrl", "siteName", "timeZone"]);
  });

  it("takes every address by the one rule: www.… becomes https://www.…, words and bare host names are refused at the field", async () => {
    await updateSiteSettings(laila, { ...base, logoUrl: "www.example.org/logo.png" });
    expect((await getSiteSettings()).logoUrl).toBe("https://www.example.org/logo.png");
    const words = await fail(updateSiteSettings(laila, { ...base, logoUrl: "our logo" }));
    expect(words?.fields?.logoUrl).toBe("Use a full web address (https://…) or a path on this site starting with /.");
    const host = await fail(updateSiteSettings(laila, { ...base, logoUrl: "example.org/logo.png" }));
    expect(host?.fields?.logoUrl).toBe("Write the full address: https://example.org/logo.png");
    expect((await getSiteSettings()).logoUrl).toBe("https://www.example.org/logo.png");
  });

  it("publishes language editions with the site's name, tagline and About text per language, empty ones falling back", async () => {
    // As the settings form sends them: a repeated field for the editions, "<field>:<language>" for the texts.
    await updateSiteSettings(laila, { ...base, editionLanguages: ["fa", "ps", "en"], "siteName:fa": " فانوس کابل ", "aboutText:fa": "یک خبرگزاری مستقل.", "siteName:ps": "", "tagline:ps": "ځايي خبرونه" });
    const saved = await getSiteSettings();
    // The default language has the main edition, not a second one.
    expect(saved.editionLanguages).toEqual(["fa", "ps"]);
    expect(saved.translations).toEqual({ fa: { siteName: "فانوس کابل", aboutText: "یک خبرگزاری مستقل." }, ps: { tagline: "ځايي خبرونه" } });
    const e = await fail(updateSiteSettings(laila, { ...base, editionLanguages: "xx", "siteName:fa": "x".repeat(121) }));
    expect(e?.code).toBe("bad_request");
    expect(Object.keys(e?.fields ?? {}).sort()).toEqual(["editionLanguages", "siteName:fa"]);
    // A failed save changes nothing.
    expect((await getSiteSettings()).editionLanguages).toEqual(["fa", "ps"]);
  });

  it("stores the time zone in its canonical spelling", async () => {
    await updateSiteSettings(laila, { ...base, timeZone: "asia/kabul" });
    expect((await getSiteSettings()).timeZone).toBe("Asia/Kabul");
  });

  it("writes what changed to the audit log", async () => {
    await updateSiteSettings(laila, { ...base, siteName: "The Kabul Lantern Daily" });
    const rows = await handle().db.select().from(auditLog).where(eq(auditLog.action, "settings.update"));
    const last = rows.at(-1)!;
    expect(last.actorId).toBe(laila.id);
    expect((last.details as { changes: Record<string, { from: unknown; to: unknown }> }).changes.siteName).toEqual({ from: "The Kabul Lantern", to: "The Kabul Lantern Daily" });
  });
});
