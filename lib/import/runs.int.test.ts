/**
 * Desk-started import runs and their uploaded files under `<DATA_DIR>/imports/`: deleted when
 * the run ends as done, kept while it is stopped (to be resumed), and deleted by the next
 * upload once a stopped or interrupted run is older than UNFINISHED_UPLOAD_DAYS. Dry runs, so
 * no reader page is expired.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { importRuns, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { engines, useTestDatabase } from "@/test/db";
import { AppError } from "@/lib/errors";
import { getRun, parseRunOptions, photoSourceOptions, resumeRun, startImport, stopRun, UNFINISHED_UPLOAD_DAYS, type RunView } from "./runs";
import { testExport } from "./test-export";

// Read once by lib/env, at the first upload of this file's tests.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-import-runs-"));
process.env.DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const OPTIONS = { siteTimeZone: "UTC", pages: "skip", dryRun: true } as const;
const DAY = 24 * 60 * 60 * 1000;

/** An export of `n` posts as an upload body. */
const upload = (n: number, site: string) => new Blob([testExport(Array.from({ length: n }, (_, i) => ({ id: i + 1, title: `Run story ${i + 1}` })), site)]).stream();

/** Polls a run until `done` says so (every 20 ms, at most 60 s). @returns the run then. */
async function waitFor(viewer: Viewer, id: string, done: (r: RunView) => boolean): Promise<RunView> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const run = await getRun(viewer, id);
    if (done(run)) return run;
    if (Date.now() > deadline) throw new Error(`run ${id} is still ${run.status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.each(engines())("desk import runs and their uploaded files on %s", (engine) => {
  const handle = useTestDatabase(engine);
  let viewer: Viewer;

  /** The admin who uploads (created once per engine). */
  async function admin(): Promise<Viewer> {
    if (!viewer) {
      const email = `importer-${engine}@example.org`;
      const [row] = await handle().db.insert(users).values({ email, name: "Importer", passwordHash: "unused", role: "admin" }).returning({ id: users.id });
      viewer = { id: row!.id, email, name: "Importer", role: "admin", bylineIds: [] };
    }
    return viewer;
  }

  /** Where a run's upload is stored, and its path as the run records it. */
  const fileOf = (id: string) => path.join(dataDir, "imports", `${id}.xml`);
  const recordedPath = async (id: string) => (await handle().db.select({ p: importRuns.filePath }).from(importRuns).where(eq(importRuns.id, id)))[0]?.p;

  it("deletes the uploaded file when the run is done", async () => {
    const v = await admin();
    const id = await startImport(v, upload(3, `https://done-${engine}.example`), "done.xml", OPTIONS);
    expect(fs.existsSync(fileOf(id))).toBe(true);
    const run = await waitFor(v, id, (r) => r.status !== "queued" && r.status !== "running");
    expect(run.status).toBe("done");
    expect(run.report?.created).toBe(3);
    // Options stored without photo choices (as before photos were imported) read as "none".
    expect(run.options.photos).toBe("none");
    expect(run.report?.photos.source).toBe("none");
    expect(fs.existsSync(fileOf(id))).toBe(false);
    expect(await recordedPath(id)).toBe("");
    await expect(resumeRun(v, id)).rejects.toThrow(/uploaded file of this import was deleted/);
  });

  it("keeps the uploaded file of a stopped run, which then resumes and finishes", async () => {
    const v = await admin();
    const id = await startImport(v, upload(400, `https://stopped-${engine}.example`), "stopped.xml", OPTIONS);
    await waitFor(v, id, (r) => r.status === "running");
    await stopRun(v, id);
    const stopped = await waitFor(v, id, (r) => r.status !== "running");
    expect(stopped.status).toBe("stopped");
    expect(stopped.report?.created).toBeLessThan(400);
    expect(fs.existsSync(fileOf(id))).toBe(true);
    expect(await recordedPath(id)).toBe(fileOf(id));
    await resumeRun(v, id);
    const done = await waitFor(v, id, (r) => r.status === "done");
    expect(done.report?.items).toBe(400);
    expect(fs.existsSync(fileOf(id))).toBe(false);
  }, 120_000);

  it(`the next upload deletes the files of stopped and interrupted runs older than ${UNFINISHED_UPLOAD_DAYS} days, and of ended runs, and keeps recent ones`, async () => {
    const v = await admin();
    const dir = path.join(dataDir, "imports");
    const now = Date.now();
    const runs: Record<string, { status: "stopped" | "running" | "done"; age: number }> = {
      oldStopped: { status: "stopped", age: (UNFINISHED_UPLOAD_DAYS + 1) * DAY },
      oldInterrupted: { status: "running", age: (UNFINISHED_UPLOAD_DAYS + 1) * DAY },
      recentStopped: { status: "stopped", age: (UNFINISHED_UPLOAD_DAYS - 1) * DAY },
      recentInterrupted: { status: "running", age: DAY },
      doneLeftBehind: { status: "done", age: DAY },
    };
    const files: Record<string, string> = {};
    for (const [name, { status, age }] of Object.entries(runs)) {
      const file = path.join(dir, `${name}-${engine}.xml`);
      fs.writeFileSync(file, testExport([]));
      files[name] = file;
      await handle().db.insert(importRuns).values({ fileName: `${name}.xml`, filePath: file, options: OPTIONS, status, startedBy: v.id, updatedAt: new Date(now - age) });
    }
    const id = await startImport(v, upload(1, `https://cleanup-${engine}.example`), "next.xml", OPTIONS);
    await waitFor(v, id, (r) => r.status === "done");
    const kept = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, fs.existsSync(file)]));
    expect(kept).toEqual({ oldStopped: false, oldInterrupted: false, recentStopped: true, recentInterrupted: true, doneLeftBehind: false });
  });
});

describe("photo options of a desk import", () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-uploads-root-"));
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), "newsroom-uploads-outside-"));
  fs.mkdirSync(path.join(root, "site", "2017"), { recursive: true });
  fs.writeFileSync(path.join(root, "notes.txt"), "not a folder");
  fs.symlinkSync(outside, path.join(root, "escape"));
  afterAll(() => {
    delete process.env.IMPORT_UPLOADS_ROOT;
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });
  const base = { siteTimeZone: "UTC" };
  /** The message parseRunOptions refuses `raw` with. */
  const refusal = (raw: Parameters<typeof parseRunOptions>[0]) => {
    try {
      parseRunOptions(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      return (e as Error).message;
    }
    throw new Error("accepted");
  };

  it("leaves photos as links by default, and checks the hosts of a fetch", () => {
    expect(parseRunOptions(base).photos).toBe("none");
    expect(photoSourceOptions(parseRunOptions(base))).toBeUndefined();
    expect(parseRunOptions({ ...base, photos: "fetch", photoHosts: " CDN.example.org, i0.wp.com,cdn.example.org " })).toMatchObject({ photos: "fetch", photoHosts: ["cdn.example.org", "i0.wp.com"] });
    expect(photoSourceOptions(parseRunOptions({ ...base, photos: "fetch", photoHosts: "cdn.example.org" }))).toMatchObject({ fetch: true, allowedHosts: ["cdn.example.org"] });
    expect(refusal({ ...base, photos: "fetch", photoHosts: "https://cdn.example.org/photos" })).toBe("“https://cdn.example.org/photos” is not a host name. Write the host name alone, e.g. cdn.example.org.");
    expect(refusal({ ...base, photos: "fetch", photoHosts: "cdn_example!" })).toMatch(/^“cdn_example!” is not a host name\./);
    expect(refusal({ ...base, photos: "everything" })).toMatch(/^Photos must be/);
  });

  it("takes a folder only inside IMPORT_UPLOADS_ROOT, by real path", () => {
    delete process.env.IMPORT_UPLOADS_ROOT;
    expect(refusal({ ...base, photos: "folder", uploadsDir: root })).toBe("Set IMPORT_UPLOADS_ROOT on the server to import from a folder, or use npm run import:wxr -- --uploads-dir.");
    process.env.IMPORT_UPLOADS_ROOT = root;
    const real = fs.realpathSync(path.join(root, "site"));
    expect(parseRunOptions({ ...base, photos: "folder", uploadsDir: "site" })).toMatchObject({ photos: "folder", uploadsDir: real });
    expect(parseRunOptions({ ...base, photos: "folder", uploadsDir: path.join(root, "site", "2017", "..") }).uploadsDir).toBe(real);
    expect(photoSourceOptions(parseRunOptions({ ...base, photos: "folder", uploadsDir: "site" }))).toMatchObject({ uploadsDir: real });
    expect(refusal({ ...base, photos: "folder", uploadsDir: "" })).toMatch(/^Name the folder/);
    expect(refusal({ ...base, photos: "folder", uploadsDir: "gone" })).toBe("There is no folder “gone” on the server.");
    expect(refusal({ ...base, photos: "folder", uploadsDir: "notes.txt" })).toBe("“notes.txt” is a file, not a folder.");
    expect(refusal({ ...base, photos: "folder", uploadsDir: "../" })).toMatch(/^“\.\.\/” is outside .*IMPORT_UPLOADS_ROOT/);
    expect(refusal({ ...base, photos: "folder", uploadsDir: outside })).toMatch(/is outside/);
    // Outside by its name alone: refused before the disk is asked whether it exists.
    expect(refusal({ ...base, photos: "folder", uploadsDir: "../no-such-folder" })).toMatch(/^“\.\.\/no-such-folder” is outside/);
    // A symlink inside the root that points out of it is outside too.
    expect(refusal({ ...base, photos: "folder", uploadsDir: "escape" })).toMatch(/^“escape” is outside/);
  });
});
