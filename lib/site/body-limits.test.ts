import { describe, expect, it } from "vitest";
import { bodyLimitFor, importMaxBytes, MEDIA_MAX_BYTES, refuseBody } from "../../scripts/body-limits.mjs";

const MB = 1024 * 1024;
const importMax = 1024 * MB;
const post = (pathname: string, headers: Record<string, string>) => refuseBody({ method: "POST", pathname, headers, importMax });

describe("request body limits by path", () => {
  it("keeps sign-in bodies to a few KB and refuses a larger one unread (413)", () => {
    expect(post("/api/auth/callback/credentials", { "content-length": "600" })).toBeNull();
    const refusal = post("/api/auth/callback/credentials", { "content-length": String(200 * MB) });
    expect(refusal?.status).toBe(413);
    expect(refusal?.message).toMatch(/Too large \(200\.0 MB\)\. A sign-in request may send at most 8 KB\./);
    // The editor's in-page sign-in too.
    expect(post("/login/session", { "content-length": String(9 * 1024) })?.message).toMatch(/A sign-in request may send at most 8 KB/);
  });

  it("refuses a body of undeclared size (chunked) where it would be read whole (411), and lets the two upload routes count it", () => {
    expect(post("/api/auth/callback/credentials", { "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(post("/dashboard/stories/1", { "transfer-encoding": "chunked" })?.status).toBe(411);
    expect(post("/api/media", { "transfer-encoding": "chunked" })).toBeNull();
    expect(post("/api/import", { "transfer-encoding": "chunked" })).toBeNull();
    expect(post("/api/auth/signout", { "content-length": "not a number" })?.status).toBe(411);
  });

  it("allows a 20 MB photo with its multipart envelope, and no more", () => {
    expect(post("/api/media", { "content-length": String(MEDIA_MAX_BYTES + 1000) })).toBeNull();
    expect(post("/api/media", { "content-length": String(MEDIA_MAX_BYTES + 1 * MB) })?.message).toContain("Photos may be at most 20 MB.");
  });

  it("takes the export limit from IMPORT_MAX_MB and refuses a bad setting by name", () => {
    expect(importMaxBytes({})).toBe(1024 * MB);
    expect(importMaxBytes({ IMPORT_MAX_MB: "50" })).toBe(50 * MB);
    expect(() => importMaxBytes({ IMPORT_MAX_MB: "1.5" })).toThrow(/IMPORT_MAX_MB/);
    expect(() => importMaxBytes({ IMPORT_MAX_MB: "0" })).toThrow(/IMPORT_MAX_MB/);
    expect(refuseBody({ method: "POST", pathname: "/api/import", headers: { "content-length": String(51 * MB) }, importMax: 50 * MB })?.message).toContain("at most 50 MB (the IMPORT_MAX_MB setting)");
  });

  it("lets a signed-in browser's desk forms carry a 2 MB story body, and limits everyone else, sign-in pages included, to 64 KB", () => {
    expect(bodyLimitFor("/dashboard/stories/abc", importMax, true).limit).toBeGreaterThan(3 * MB);
    const session = { cookie: "theme=dark; authjs.session-token=abc.def" };
    expect(post("/dashboard/stories/abc", { ...session, "content-length": String(3 * MB) })).toBeNull();
    expect(post("/dashboard/stories/abc", { "content-length": String(3 * MB) })?.status).toBe(413);
    expect(post("/login", { "content-length": String(3 * MB) })?.status).toBe(413);
    expect(post("/signup/abc", { "content-length": String(65 * 1024) })?.status).toBe(413);
    expect(post("/_next/data", { "content-length": String(65 * 1024) })?.status).toBe(413);
    // The scheduler's loopback call names every page a change touches.
    expect(post("/api/internal/revalidate", { "content-length": String(500 * 1024) })).toBeNull();
    // Reads have no body to limit.
    expect(refuseBody({ method: "GET", pathname: "/api/auth/session", headers: { "content-length": String(100 * MB) }, importMax })).toBeNull();
  });
});
