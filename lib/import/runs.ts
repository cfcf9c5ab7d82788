/**
 * Import runs started from the desk (/dashboard/import): the uploaded file is kept under
 * `<DATA_DIR>/imports/`, the run goes on in this server process after the upload request
 * has answered, and its progress (items done / total) and report live in `import_runs`, which
 * the page polls. A run can be stopped (after the current item) and resumed; a run whose
 * server stopped mid-way shows as interrupted and can be resumed too (the importer skips
 * what is already in).
 * The uploaded file is deleted as soon as its run ends as done or failed (an export holds the
 * whole site, drafts and private posts included, and can weigh gigabytes). A stopped or
 * interrupted run keeps it, to be resumed, for UNFINISHED_UPLOAD_DAYS: the next upload
 * deletes older ones.
 */
import { parsePermalinkStructure } from "./permalink";
import "server-only";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { and, desc, eq, inArray, lt, ne, or } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { auditLog, importRuns } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions/roles";
import { expireReaderPagesNow, rearmScheduler } from "@/lib/publishing/scheduler";
import { isValidTimeZone } from "@/lib/dates/format";
import { importMaxBytes } from "../../scripts/body-limits.mjs";
import { countWxrItems, importWxr, type ImportReport } from "./importer";

/** Largest export accepted from the desk, in bytes: the IMPORT_MAX_MB setting (the CLI has no limit). */
export const IMPORT_MAX_BYTES = importMaxBytes(process.env);

/** Days a stopped or interrupted run keeps its uploaded file for a resume. */
export const UNFINISHED_UPLOAD_DAYS = 7;

export interface RunOptions {
  siteTimeZone: string;
  pages: "section" | "skip";
  dryRun: boolean;
  /** The WordPress permalink structure ("" when not given; lib/import/permalink.ts). */
  permalinkStructure?: string;
}

export interface RunView {
  id: string;
  fileName: string;
  status: "queued" | "running" | "done" | "failed" | "stopped" | "interrupted";
  itemsDone: number;
  itemsTotal: number;
  options: RunOptions;
  report: ImportReport | null;
  error: string | null;
  createdAt: string;
}

const KEY = Symbol.for("newsroom.importRuns");
type Live = Map<string, AbortController>;
function live(): Live {
  const g = globalThis as { [KEY]?: Live };
  return (g[KEY] ??= new Map());
}

function requireImporter(viewer: Viewer): void {
  if (!can(viewer.role, "import:run")) throw new AppError("forbidden", "Only admins can import from WordPress.");
}

/** Parses and checks run options from form fields. @throws AppError bad_request */
export function parseRunOptions(raw: { siteTimeZone?: string | null; pages?: string | null; dryRun?: string | null; permalinkStructure?: string | null }): RunOptions {
  const tz = (raw.siteTimeZone ?? "").trim() || "UTC";
  if (!isValidTimeZone(tz)) throw new AppError("bad_request", `Unknown time zone “${tz}”: use an IANA name such as Asia/Kabul.`, { siteTimeZone: "Unknown" });
  const pages = raw.pages === "section" ? "section" : "skip";
  const permalinkStructure = (raw.permalinkStructure ?? "").trim().slice(0, 300);
  if (permalinkStructure) {
    try {
      parsePermalinkStructure(permalinkStructure);
    } catch (e) {
      throw new AppError("bad_request", (e as Error).message, { permalinkStructure: "Invalid" });
    }
  }
  return { siteTimeZone: tz, pages, dryRun: raw.dryRun === "true" || raw.dryRun === "on", permalinkStructure };
}

/**
 * Stores an uploaded export (streamed to disk, never held in memory) and starts its run.
 * @returns the run's id.
 * @throws AppError forbidden, bad_request (empty or not an export), too_large.
 */
export async function startImport(viewer: Viewer, body: ReadableStream<Uint8Array>, fileName: string, options: RunOptions): Promise<string> {
  requireImporter(viewer);
  const dir = path.resolve(env().DATA_DIR, "imports");
  await fs.promises.mkdir(dir, { recursive: true });
  const db = await getDb();
  await removeStaleUploads(db);
  const [run] = await db
    .insert(importRuns)
    .values({ fileName: fileName.slice(0, 200) || "export.xml", filePath: "", options, startedBy: viewer.id })
    .returning({ id: importRuns.id });
  const file = path.join(dir, `${run!.id}.xml`);
  let bytes = 0;
  try {
    await pipeline(
      Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>),
      async function* (source) {
        for await (const chunk of source) {
          bytes += (chunk as Buffer).byteLength;
          if (bytes > IMPORT_MAX_BYTES) throw new AppError("too_large", `The export is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB (the IMPORT_MAX_MB setting); use npm run import:wxr for it.`);
          yield chunk;
        }
      },
      fs.createWriteStream(file),
    );
    if (bytes === 0) throw new AppError("bad_request", "The file is empty.");
    const head = (await fs.promises.readFile(file, { encoding: "utf8", flag: "r" })).slice(0, 4096);
    if (!/<rss[\s>]/.test(head) || !/wordpress\.org\/export/.test(head)) {
      throw new AppError("bad_request", `“${fileName}” is not a WordPress export (WXR). In WordPress, use Tools → Export → All content.`);
    }
  } catch (e) {
    await fs.promises.rm(file, { force: true });
    await db.delete(importRuns).where(eq(importRuns.id, run!.id));
    throw e;
  }
  const total = await countWxrItems(fs.createReadStream(file));
  await db.update(importRuns).set({ filePath: file, itemsTotal: total, updatedAt: new Date() }).where(eq(importRuns.id, run!.id));
  await db.insert(auditLog).values({ actorId: viewer.id, action: "import.start", entityType: "import", entityId: run!.id, details: { fileName, options: { ...options } } });
  void runImport(run!.id, viewer.id);
  return run!.id;
}

/**
 * Deletes the uploaded file of a run and forgets its path (the run can no longer be resumed).
 * Never throws: a file that cannot be deleted is logged and left for the next cleanup.
 */
async function removeUpload(db: Db, id: string, file: string): Promise<void> {
  if (!file) return;
  try {
    await fs.promises.rm(file, { force: true });
    await db.update(importRuns).set({ filePath: "" }).where(eq(importRuns.id, id));
  } catch (e) {
    console.error(`[import] run ${id}: could not delete the uploaded file ${file}:`, e);
  }
}

/**
 * Deletes the uploaded files that no run will read again: those of runs that ended (done or
 * failed: kept by earlier versions) and of stopped or interrupted runs last active more than
 * UNFINISHED_UPLOAD_DAYS ago. A run going on in this process is never touched.
 */
async function removeStaleUploads(db: Db): Promise<void> {
  const before = new Date(Date.now() - UNFINISHED_UPLOAD_DAYS * 24 * 60 * 60 * 1000);
  const stale = await db
    .select({ id: importRuns.id, filePath: importRuns.filePath })
    .from(importRuns)
    .where(and(ne(importRuns.filePath, ""), or(inArray(importRuns.status, ["done", "failed"]), lt(importRuns.updatedAt, before))));
  for (const r of stale) if (!live().has(r.id)) await removeUpload(db, r.id, r.filePath);
}

/**
 * Runs (or resumes) an import in this process. Never throws: failures are stored on the run.
 * The uploaded file is deleted before a done or failed status is stored, so a finished run
 * never shows with its file still there.
 */
async function runImport(id: string, actorId: string | null): Promise<void> {
  const db = await getDb();
  const [run] = await db.select().from(importRuns).where(eq(importRuns.id, id));
  if (!run || live().has(id)) return;
  const controller = new AbortController();
  live().set(id, controller);
  const options = run.options as RunOptions;
  let last = 0;
  try {
    await db.update(importRuns).set({ status: "running", itemsDone: 0, error: null, updatedAt: new Date() }).where(eq(importRuns.id, id));
    const report = await importWxr(fs.createReadStream(run.filePath, { highWaterMark: 64 * 1024 }), {
      ...options,
      actorId,
      signal: controller.signal,
      onProgress: async (done) => {
        if (Date.now() - last < 300) return;
        last = Date.now();
        await db.update(importRuns).set({ itemsDone: done, updatedAt: new Date() }).where(eq(importRuns.id, id));
      },
    });
    if (!report.stopped) await removeUpload(db, id, run.filePath);
    await db
      .update(importRuns)
      .set({ status: report.stopped ? "stopped" : "done", itemsDone: report.items, report, updatedAt: new Date() })
      .where(eq(importRuns.id, id));
  } catch (e) {
    console.error(`[import] run ${id} failed:`, e);
    await removeUpload(db, id, run.filePath);
    await db.update(importRuns).set({ status: "failed", error: (e as Error).message, updatedAt: new Date() }).where(eq(importRuns.id, id));
  } finally {
    live().delete(id);
    // Items are committed one by one, so a run that failed or stopped midway may have
    // published or changed stories too: expire reader pages after every real run.
    if (!options.dryRun) {
      await rearmScheduler().catch(() => {});
      if (!(await expireReaderPagesNow())) console.error(`[import] run ${id}: reader pages could not be expired; they refresh within seconds`);
    }
  }
}

function toView(r: typeof importRuns.$inferSelect): RunView {
  const interrupted = r.status === "running" && !live().has(r.id);
  return {
    id: r.id,
    fileName: r.fileName,
    status: interrupted ? "interrupted" : r.status,
    itemsDone: r.itemsDone,
    itemsTotal: r.itemsTotal,
    options: r.options as RunOptions,
    report: (r.report as ImportReport | null) ?? null,
    error: r.error,
    createdAt: r.createdAt.toISOString(),
  };
}

/** One run. @throws AppError forbidden, not_found */
export async function getRun(viewer: Viewer, id: string): Promise<RunView> {
  requireImporter(viewer);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("not_found", "No such import.");
  const db = await getDb();
  const [r] = await db.select().from(importRuns).where(eq(importRuns.id, id));
  if (!r) throw new AppError("not_found", "No such import.");
  return toView(r);
}

/** The latest runs, newest first. */
export async function listRuns(viewer: Viewer, limit = 20): Promise<RunView[]> {
  requireImporter(viewer);
  const db = await getDb();
  return (await db.select().from(importRuns).orderBy(desc(importRuns.createdAt)).limit(limit)).map(toView);
}

/** Asks a running import to stop after its current item. */
export async function stopRun(viewer: Viewer, id: string): Promise<void> {
  await getRun(viewer, id);
  live().get(id)?.abort();
}

/**
 * Resumes a stopped or interrupted run (already imported items are recognised).
 * @throws AppError forbidden, not_found; conflict while it runs, or once its uploaded file is
 *   deleted (the run ended, or was left stopped for more than UNFINISHED_UPLOAD_DAYS).
 */
export async function resumeRun(viewer: Viewer, id: string): Promise<void> {
  const run = await getRun(viewer, id);
  if (run.status === "running" || run.status === "queued") throw new AppError("conflict", "This import is still running.");
  const db = await getDb();
  const [row] = await db.select({ filePath: importRuns.filePath }).from(importRuns).where(eq(importRuns.id, id));
  if (!row?.filePath || !fs.existsSync(row.filePath)) {
    throw new AppError(
      "conflict",
      `The uploaded file of this import was deleted (it ended, or was left stopped for more than ${UNFINISHED_UPLOAD_DAYS} days). Upload the export again: stories already imported are recognised and skipped.`,
    );
  }
  void runImport(id, viewer.id);
}
