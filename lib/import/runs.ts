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
import type { PhotoSourceOptions } from "./photo-source";

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
  /**
   * Where photos come from: "none" (they stay links to the old site), "fetch" (downloaded from
   * the old site, and from `photoHosts`) or "folder" (`uploadsDir`, a copy of wp-content/uploads
   * inside IMPORT_UPLOADS_ROOT). Runs stored before photos were imported have none of these
   * fields: they count as "none".
   */
  photos?: "none" | "fetch" | "folder";
  /** Hosts photos may be fetched from besides the export's own (a CDN, say), for "fetch". */
  photoHosts?: string[];
  /** The real path of the uploads folder, for "folder". */
  uploadsDir?: string;
}

/** The folder under which the desk may read a copy of wp-content/uploads: IMPORT_UPLOADS_ROOT, or null when unset. */
export function importUploadsRoot(): string | null {
  return process.env.IMPORT_UPLOADS_ROOT?.trim() || null;
}

/** Hint shown (and answered) when a folder import is asked for but IMPORT_UPLOADS_ROOT is unset. */
export const UPLOADS_ROOT_UNSET = "Set IMPORT_UPLOADS_ROOT on the server to import from a folder, or use npm run import:wxr -- --uploads-dir";

/**
 * A host name as DNS writes it (RFC 1123 §2.1: labels of letters, digits and hyphens, not
 * starting or ending with a hyphen, at most 63 characters each and 253 in all), or an IPv4
 * address; an optional `:port` is accepted and ignored by the host check.
 */
const HOST_NAME = /^(?=.{1,253}(?::\d{1,5})?$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?(?::\d{1,5})?$/i;

/** Splits and checks "Other hosts photos may come from". @throws AppError bad_request naming the first bad entry */
function parsePhotoHosts(raw: string): string[] {
  const hosts = raw
    .split(/[,\s]+/)
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  if (hosts.length > 20) throw new AppError("bad_request", "Name at most 20 other hosts for photos.", { photoHosts: "Too many" });
  for (const h of hosts) {
    if (!HOST_NAME.test(h)) {
      const hint = /^[a-z]+:\/\//i.test(h) ? ` Write the host name alone, e.g. ${h.replace(/^[a-z]+:\/\//i, "").split("/")[0]}.` : " Write host names such as cdn.example.org, separated by commas.";
      throw new AppError("bad_request", `“${h.slice(0, 100)}” is not a host name.${hint}`, { photoHosts: "Invalid" });
    }
  }
  return [...new Set(hosts)];
}

/** Whether `target` is `folder` or lies under it (both absolute, resolved). */
function isInside(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return !relative.startsWith("..") && !path.isAbsolute(relative);
}

/**
 * Checks the uploads folder of a folder import: it must exist, be a directory and lie inside
 * IMPORT_UPLOADS_ROOT once both real paths are resolved (so neither `..` nor a symlink can
 * point the server at another folder).
 * @returns the folder's real path
 * @throws AppError bad_request with a sentence for the desk
 */
function checkUploadsDir(raw: string): string {
  const root = importUploadsRoot();
  if (!root) throw new AppError("bad_request", `${UPLOADS_ROOT_UNSET}.`, { uploadsDir: "Unavailable" });
  if (!raw) throw new AppError("bad_request", "Name the folder that holds the copy of wp-content/uploads.", { uploadsDir: "Required" });
  let realRoot: string;
  // The paths are the operator's and the admin's, known only at run time: the bundler must not
  // try to trace them (it would pull the whole project into the server output).
  try {
    realRoot = fs.realpathSync(/*turbopackIgnore: true*/ root);
  } catch {
    throw new AppError("bad_request", "The server's IMPORT_UPLOADS_ROOT folder does not exist: ask whoever runs the server to fix the setting.", { uploadsDir: "Unavailable" });
  }
  const wanted = path.resolve(/*turbopackIgnore: true*/ realRoot, raw);
  // Outside by its very name ("../etc", "/var"): refused before the disk is looked at.
  if (!isInside(realRoot, wanted) && !isInside(path.resolve(/*turbopackIgnore: true*/ root), wanted)) {
    throw new AppError("bad_request", `“${raw}” is outside ${realRoot}, the folder the server imports photos from (IMPORT_UPLOADS_ROOT).`, { uploadsDir: "Outside" });
  }
  let real: string;
  try {
    real = fs.realpathSync(/*turbopackIgnore: true*/ wanted);
  } catch {
    throw new AppError("bad_request", `There is no folder “${raw}” on the server.`, { uploadsDir: "Missing" });
  }
  // Outside once symlinks are followed.
  if (!isInside(realRoot, real)) {
    throw new AppError("bad_request", `“${raw}” is outside ${realRoot}, the folder the server imports photos from (IMPORT_UPLOADS_ROOT).`, { uploadsDir: "Outside" });
  }
  if (!fs.statSync(/*turbopackIgnore: true*/ real).isDirectory()) throw new AppError("bad_request", `“${raw}” is a file, not a folder.`, { uploadsDir: "Not a folder" });
  return real;
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

/** Refuses anyone who may not run imports. @throws AppError forbidden */
export function requireImporter(viewer: Viewer): void {
  if (!can(viewer.role, "import:run")) throw new AppError("forbidden", "Only admins can import from WordPress.");
}

/**
 * Parses and checks run options from form fields. `photos` is "none" (the default), "fetch"
 * (with `photoHosts`, comma-separated host names) or "folder" (with `uploadsDir`, absolute or
 * relative to IMPORT_UPLOADS_ROOT).
 * @throws AppError bad_request: unknown time zone, bad permalink structure, a bad host name,
 *   or a folder that is missing, not a folder, outside IMPORT_UPLOADS_ROOT, or asked for while
 *   that setting is unset
 */
export function parseRunOptions(raw: {
  siteTimeZone?: string | null;
  pages?: string | null;
  dryRun?: string | null;
  permalinkStructure?: string | null;
  photos?: string | null;
  photoHosts?: string | null;
  uploadsDir?: string | null;
}): RunOptions {
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
  const base = { siteTimeZone: tz, pages, dryRun: raw.dryRun === "true" || raw.dryRun === "on", permalinkStructure } as const;
  const photos = (raw.photos ?? "").trim() || "none";
  if (photos === "fetch") return { ...base, photos, photoHosts: parsePhotoHosts((raw.photoHosts ?? "").slice(0, 2000)) };
  if (photos === "folder") return { ...base, photos, uploadsDir: checkUploadsDir((raw.uploadsDir ?? "").trim()) };
  if (photos !== "none") throw new AppError("bad_request", `Photos must be "none", "fetch" or "folder", not “${photos.slice(0, 20)}”.`, { photos: "Invalid" });
  return { ...base, photos };
}

/**
 * The importer's photo source for a run's options, or undefined when its photos stay links.
 * Fetching from private and loopback addresses is allowed only with IMPORT_ALLOW_PRIVATE_MEDIA=1
 * (tests, intranets). A folder is checked again (it may have moved since the run was started).
 * @throws AppError bad_request when the folder no longer passes checkUploadsDir
 */
export function photoSourceOptions(options: RunOptions): (PhotoSourceOptions & { allowPrivateAddresses?: boolean }) | undefined {
  const allowPrivateAddresses = process.env.IMPORT_ALLOW_PRIVATE_MEDIA === "1";
  if (options.photos === "fetch") return { fetch: true, allowedHosts: options.photoHosts ?? [], allowPrivateAddresses };
  if (options.photos === "folder" && options.uploadsDir) return { uploadsDir: checkUploadsDir(options.uploadsDir), allowPrivateAddresses };
  return undefined;
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
    // A function source: with photos, the importer reads the file twice (attachments first).
    const report = await importWxr(() => fs.createReadStream(run.filePath, { highWaterMark: 64 * 1024 }), {
      siteTimeZone: options.siteTimeZone,
      pages: options.pages,
      dryRun: options.dryRun,
      permalinkStructure: options.permalinkStructure,
      photos: photoSourceOptions(options),
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
    options: { photos: "none", ...(r.options as RunOptions) },
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
