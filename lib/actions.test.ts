import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError, toResponse } from "./errors";

const viewer = { id: "u1", email: "a@example.org", role: "editor" };
const requireViewer = vi.fn(async () => viewer);
vi.mock("./auth/viewer", () => ({ requireViewer: () => requireViewer() }));

const { deskAction, deskCall, flattenForm, formFlag, formText, publicAction } = await import("./actions");

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

beforeEach(() => {
  requireViewer.mockImplementation(async () => viewer);
  vi.spyOn(console, "error").mockImplementation(() => {});
});

describe("flattenForm", () => {
  it("keeps one string per field, an array where a field repeats, and drops Next's own fields", () => {
    const f = form([["name", "A"], ["tag", "x"], ["tag", "y"], ["$ACTION_ID_abc", ""]]);
    expect(flattenForm(f)).toEqual({ name: "A", tag: ["x", "y"] });
  });
});

describe("deskAction", () => {
  const schema = z.object({ title: formText, live: formFlag() });

  it("reads the viewer, parses the form and returns the body's state", async () => {
    const fn = vi.fn(async (input: { title: string; live: boolean }, v: unknown) => ({ ok: true as const, message: `${input.title} ${input.live} ${v === viewer}` }));
    const action = deskAction(schema, fn, { name: "test" });
    expect(await action({}, form([["title", "T"], ["live", "on"]]))).toEqual({ ok: true, message: "T true true" });
  });

  it("maps a typed error to its message, code and fields, echoing values only when asked", async () => {
    const fail = async () => {
      throw new AppError("bad_request", "Give it a name.", { name: "Required." });
    };
    const f = form([["title", "T"], ["password", "secret"]]);
    expect(await deskAction(schema, fail, { name: "test" })({}, f)).toEqual({ ok: false, error: "Give it a name.", code: "bad_request", fields: { name: "Required." } });
    expect((await deskAction(schema, fail, { name: "test", keepValues: true })({}, f)).values).toEqual({ title: "T", password: "secret" });
  });

  it("turns a schema failure into bad_request with per-field messages", async () => {
    const strict = z.object({ title: z.string().min(3, "Too short.") });
    const result = await deskAction(strict, async () => ({ ok: true as const }), { name: "test" })({}, form([["title", "T"]]));
    expect(result).toMatchObject({ ok: false, error: "Too short.", code: "bad_request", fields: { title: "Too short." } });
  });

  it("answers a signed-out request with the session message, before running the body", async () => {
    requireViewer.mockImplementation(async () => {
      throw new AppError("unauthorized", "Your session has ended. Sign in again.");
    });
    const fn = vi.fn(async () => ({ ok: true as const }));
    expect(await deskAction(schema, fn, { name: "test" })({}, form([]))).toMatchObject({ ok: false, code: "unauthorized" });
    expect(fn).not.toHaveBeenCalled();
  });

  it("logs an unexpected error and returns a calm message with no stack trace", async () => {
    const result = await deskAction(schema, async () => { throw new Error("db exploded at line 3"); }, { name: "test" })({}, form([]));
    expect(result).toEqual({ ok: false, error: "Something went wrong on the server. Nothing was lost on this page; try again.", code: "internal" });
    expect(console.error).toHaveBeenCalled();
  });

  it("lets Next's redirect through", async () => {
    const action = publicAction(schema, async () => redirect("/dashboard"), { name: "test" });
    await expect(action({}, form([]))).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) });
  });
});

describe("deskCall", () => {
  it("passes the viewer and the call's arguments, and maps errors", async () => {
    const call = deskCall("test", async (v, id: string) => {
      if (id === "x") throw new AppError("not_found", "That story does not exist.");
      return { ok: true as const, same: v === viewer };
    });
    expect(await call("a")).toEqual({ ok: true, same: true });
    expect(await call("x")).toEqual({ ok: false, error: "That story does not exist.", code: "not_found", fields: undefined });
  });
});

describe("toResponse", () => {
  it("maps a typed error to its status with a JSON body", async () => {
    const res = toResponse(new AppError("forbidden", "Admins only."), "test");
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: "Admins only." });
  });

  it("answers anything else with 500 and the fallback message, no stack trace", async () => {
    const res = toResponse(new Error("secret internals"), "test", "The upload failed.");
    expect(res.status).toBe(500);
    expect(await res.text()).toBe(JSON.stringify({ error: "The upload failed." }));
  });
});
