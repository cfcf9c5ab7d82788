"use client";

/**
 * Upload a WordPress export and watch the import: the file goes up with a progress bar
 * (XMLHttpRequest, raw body), then the run's progress (items done / total) is polled every
 * second until it ends, and its report is shown. Stop and resume act on the run; only a stopped
 * or interrupted run can be resumed (a failed run's file is deleted: it must be uploaded again).
 * Photos stay links to the old site unless the admin picks fetching them from it or reading
 * them from a folder on the server (only inside IMPORT_UPLOADS_ROOT: `uploadsRoot`, null when
 * the server has no such folder, which disables that choice).
 */
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select } from "@/components/ui/controls";
import { WrapField } from "@/components/ui/field";
import { Alert } from "@/components/ui/notice";
import { ImportReportView } from "./import-report";
import type { RunOptions, RunView } from "@/lib/import/runs";
import { resumeImportAction, stopImportAction } from "../actions";
import { countOf } from "@/lib/text/count";

const ACTIVE = new Set(["queued", "running"]);

type PhotoChoice = NonNullable<RunOptions["photos"]>;

/** The import form, the current run's progress and its report; `uploadsRoot` and `uploadsRootHint` say whether photos may come from a folder. */
export function ImportPanel({ defaultTimeZone, initialRun, uploadsRoot, uploadsRootHint }: { defaultTimeZone: string; initialRun: RunView | null; uploadsRoot: string | null; uploadsRootHint: string }) {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [tz, setTz] = useState(defaultTimeZone);
  const [pages, setPages] = useState<"skip" | "section">("skip");
  const [dryRun, setDryRun] = useState(false);
  const [permalink, setPermalink] = useState("");
  const [photos, setPhotos] = useState<PhotoChoice>("none");
  const [photoHosts, setPhotoHosts] = useState("");
  const [uploadsDir, setUploadsDir] = useState("");
  const [upload, setUpload] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState("");
  const [run, setRun] = useState<RunView | null>(initialRun);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The poller schedules itself through a ref (a callback cannot name itself before it exists).
  const pollRef = useRef<(id: string) => Promise<void>>(async () => {});

  const poll = useCallback(
    async (id: string) => {
      try {
        const res = await fetch(`/api/import/${id}`, { cache: "no-store" });
        const body = (await res.json()) as RunView & { error?: string };
        if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
        setRun(body);
        if (ACTIVE.has(body.status)) timer.current = setTimeout(() => void pollRef.current(id), 1000);
        else router.refresh();
      } catch (e) {
        setError(`Could not read the import's progress: ${(e as Error).message}. Reload the page to see it.`);
      }
    },
    [router],
  );

  useEffect(() => {
    pollRef.current = poll;
  }, [poll]);

  useEffect(() => {
    if (initialRun && ACTIVE.has(initialRun.status)) timer.current = setTimeout(() => void poll(initialRun.id), 0);
    return () => clearTimeout(timer.current);
  }, [initialRun, poll]);

  const start = () => {
    if (!file) {
      setError("Choose the export file first (in WordPress: Tools → Export → All content).");
      return;
    }
    setError("");
    const xhr = new XMLHttpRequest();
    const q = new URLSearchParams({ name: file.name, siteTimeZone: tz, pages, dryRun: String(dryRun), permalinkStructure: permalink, photos });
    if (photos === "fetch") q.set("photoHosts", photoHosts);
    if (photos === "folder") q.set("uploadsDir", uploadsDir);
    xhr.open("POST", `/api/import?${q}`);
    xhr.setRequestHeader("Content-Type", "application/xml");
    xhr.upload.onprogress = (e) => setUpload({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onerror = () => {
      setUpload(null);
      setError("The connection failed during the upload. Check the network and try again.");
    };
    xhr.onload = () => {
      setUpload(null);
      let body: { id?: string; error?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* reported below */
      }
      if (xhr.status === 202 && body.id) void poll(body.id);
      else setError(body.error ?? `The upload failed (HTTP ${xhr.status}).`);
    };
    setUpload({ loaded: 0, total: file.size });
    xhr.send(file);
  };

  const busy = !!upload || (run !== null && ACTIVE.has(run.status));
  const pct = run && run.itemsTotal ? Math.round((100 * run.itemsDone) / run.itemsTotal) : 0;

  return (
    <div className="flex flex-col gap-6">
      <fieldset className="flex flex-col gap-3 rounded border border-neutral-200 p-4" disabled={busy}>
        <legend className="px-1 font-semibold">New import</legend>
        <WrapField label="WordPress export file (.xml)" className="text-sm">
          <input type="file" accept=".xml,application/xml,text/xml" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </WrapField>
        <WrapField label="The WordPress site’s time zone" hint="Used only for items without a GMT date (WordPress: Settings → General)." className="text-sm">
          <Input value={tz} onChange={(e) => setTz(e.target.value)} size="sm" className="max-w-xs" />
        </WrapField>
        <WrapField label="WordPress pages" className="text-sm">
          <Select value={pages} onChange={(e) => setPages(e.target.value as "skip" | "section")} size="sm" className="max-w-xs">
            <option value="skip">Skip them</option>
            <option value="section">Import as stories in a “Pages” section</option>
          </Select>
        </WrapField>
        <WrapField label="Permalink structure" hint="As in WordPress (Settings → Permalinks), e.g. /%year%/%monthnum%/%day%/%postname%/, so old post addresses redirect." className="text-sm">
          <Input value={permalink} onChange={(e) => setPermalink(e.target.value)} size="sm" className="max-w-md" placeholder="/%year%/%monthnum%/%day%/%postname%/" />
        </WrapField>
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="font-semibold">Photos</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="import-photos" checked={photos === "none"} onChange={() => setPhotos("none")} />
            Leave them on the old site (as links)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="import-photos" checked={photos === "fetch"} onChange={() => setPhotos("fetch")} />
            Fetch them from the old site
          </label>
          {photos === "fetch" ? (
            <div className="ps-6">
              <WrapField label="Other hosts photos may come from" hint="Host names separated by commas, e.g. a CDN: cdn.example.org. The export’s own site is always allowed." className="text-sm">
                <Input value={photoHosts} onChange={(e) => setPhotoHosts(e.target.value)} size="sm" className="max-w-md" placeholder="cdn.example.org, i0.wp.com" />
              </WrapField>
            </div>
          ) : null}
          <label className={`flex items-center gap-2${uploadsRoot ? "" : " text-neutral-500"}`}>
            <input type="radio" name="import-photos" checked={photos === "folder"} disabled={!uploadsRoot} aria-describedby={uploadsRoot ? undefined : "import-folder-hint"} onChange={() => setPhotos("folder")} />
            From a folder on this server (a copy of wp-content/uploads)
          </label>
          {uploadsRoot ? (
            photos === "folder" ? (
              <div className="ps-6">
                <WrapField label="Folder" hint={`Inside ${uploadsRoot}: a path relative to it, or the full path.`} className="text-sm">
                  <Input value={uploadsDir} onChange={(e) => setUploadsDir(e.target.value)} size="sm" className="max-w-md" placeholder="uploads" dir="ltr" />
                </WrapField>
              </div>
            ) : null
          ) : (
            <p id="import-folder-hint" className="ps-6 text-xs text-neutral-500">
              {/* The command stays on one line: broken at its hyphens, it would read wrong. */}
              {uploadsRootHint.slice(0, uploadsRootHint.indexOf("npm run"))}
              <code className="whitespace-nowrap">{uploadsRootHint.slice(uploadsRootHint.indexOf("npm run"))}</code>.
            </p>
          )}
        </fieldset>
        <Checkbox checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} label="Dry run: show the report without writing anything" />
        <Button onClick={start} className="self-start">
          Upload and import
        </Button>
      </fieldset>

      {upload ? (
        <div className="flex flex-col gap-1 text-sm">
          <span>Uploading… {Math.round((100 * upload.loaded) / Math.max(upload.total, 1))}%</span>
          <progress max={Math.max(upload.total, 1)} value={upload.loaded} aria-label="Upload progress" className="h-2 w-full" />
        </div>
      ) : null}
      <Alert>{error}</Alert>

      {run ? (
        <section aria-labelledby="run-heading" className="flex flex-col gap-3" data-testid="import-run">
          <h2 id="run-heading" className="font-semibold">
            {run.fileName} — <span data-testid="import-status">{run.status === "interrupted" ? "interrupted (the server restarted)" : run.status}</span>
          </h2>
          <div className="flex flex-col gap-1 text-sm">
            <span data-testid="import-progress">
              {run.itemsDone} / {countOf(run.itemsTotal, "item", "items")}
            </span>
            <progress max={Math.max(run.itemsTotal, 1)} value={run.itemsDone} aria-label={`Import progress ${pct}%`} className="h-2 w-full" />
          </div>
          <div className="flex gap-3">
            {ACTIVE.has(run.status) ? (
              <Button variant="secondary" size="sm" onClick={() => void stopImportAction(run.id)}>
                Stop after this item
              </Button>
            ) : null}
            {/* A failed run's uploaded file is deleted when it ends (lib/import/runs.ts), so only a
                stopped or interrupted run, whose file is kept, can be resumed. */}
            {run.status === "stopped" || run.status === "interrupted" ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={async () => {
                  const r = await resumeImportAction(run.id);
                  if (r.error) setError(r.error);
                  else void poll(run.id);
                }}
              >
                Resume
              </Button>
            ) : null}
          </div>
          {run.error ? <Alert>The import stopped with an error: {run.error}</Alert> : null}
          {run.status === "failed" ? (
            <p className="text-sm" data-testid="import-failed-hint">
              A failed import cannot be resumed: its uploaded file was deleted when it failed. Upload the export again to finish it; stories already imported are recognised and skipped.
            </p>
          ) : null}
          {run.report && !ACTIVE.has(run.status) ? <ImportReportView report={run.report} /> : null}
        </section>
      ) : null}
    </div>
  );
}
