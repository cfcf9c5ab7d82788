"use client";

/**
 * Upload photos by drag and drop, paste, or a file picker, with a progress bar per file.
 * Sends each file to POST /api/media with XMLHttpRequest (fetch has no upload progress) and
 * reports each stored item; the server's message is shown for a refused file.
 */
import { useCallback, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { MediaItem } from "@/lib/media/library";

const ACCEPT = "image/jpeg,image/png,image/webp,image/avif,image/gif";

interface Job {
  key: number;
  name: string;
  loaded: number;
  total: number;
  state: "uploading" | "done" | "error";
  message: string;
}

type Uploaded = { item: MediaItem; duplicate: boolean };

/** Uploads one file; resolves with the server's JSON, rejects with a message. */
function send(file: File, onProgress: (loaded: number, total: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/media");
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new Error("The connection failed during the upload. Check the network and try again."));
    xhr.onload = () => {
      let body: { error?: string } & Partial<Uploaded> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* handled below */
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.item) resolve(body as Uploaded);
      else reject(new Error(body.error ?? `The upload failed (HTTP ${xhr.status}).`));
    };
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
}

/**
 * A file's bar: bytes sent while uploading (no value, so indeterminate, while the server
 * processes the photo), full once stored, and a red bar, not a full one, when it failed.
 * The bytes of a refused file were all sent, so its progress alone would read as success.
 */
function UploadBar({ job }: { job: Job }) {
  if (job.state === "error") return <span className="block h-1.5 w-full rounded bg-red-600" data-testid="upload-failed" aria-hidden="true" />;
  if (job.state === "uploading" && job.loaded >= job.total) return <progress aria-label={`Processing ${job.name}`} className="h-1.5 w-full" />;
  return <progress max={Math.max(job.total, 1)} value={job.state === "done" ? job.total : job.loaded} aria-label={`Upload of ${job.name}`} className="h-1.5 w-full" />;
}

export function PhotoUpload({ onUploaded, multiple = true, compact = false }: { onUploaded: (u: Uploaded) => void; multiple?: boolean; compact?: boolean }) {
  const [jobs, setJobs] = useState<Job[]>([]);
  const [over, setOver] = useState(false);
  const counter = useRef(0);
  const input = useRef<HTMLInputElement>(null);

  const upload = useCallback(
    (files: File[]) => {
      for (const file of multiple ? files : files.slice(0, 1)) {
        const key = ++counter.current;
        setJobs((j) => [...j, { key, name: file.name || "pasted image", loaded: 0, total: file.size, state: "uploading", message: "" }]);
        const update = (patch: Partial<Job>) => setJobs((j) => j.map((x) => (x.key === key ? { ...x, ...patch } : x)));
        send(file, (loaded, total) => update({ loaded, total }))
          .then((u) => {
            update({ state: "done", loaded: file.size, message: u.duplicate ? "Already in the library" : "Uploaded" });
            onUploaded(u);
          })
          .catch((e: Error) => update({ state: "error", message: e.message }));
      }
    },
    [multiple, onUploaded],
  );

  return (
    <div className="flex flex-col gap-2">
      <div
        role="group"
        aria-label="Upload photos"
        tabIndex={0}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          upload(Array.from(e.dataTransfer.files));
        }}
        onPaste={(e) => {
          const files = Array.from(e.clipboardData.files);
          if (files.length) {
            e.preventDefault();
            upload(files);
          }
        }}
        className={`flex flex-col items-center justify-center gap-2 rounded border-2 border-dashed px-4 text-center text-sm ${compact ? "py-3" : "py-8"} ${
          over ? "border-brand bg-red-50" : "border-neutral-300 bg-neutral-50"
        }`}
      >
        <p>Drop photos here, paste one, or</p>
        <Button onClick={() => input.current?.click()} size="sm">
          Choose files…
        </Button>
        <input
          ref={input}
          type="file"
          accept={ACCEPT}
          multiple={multiple}
          aria-label="Photo files"
          className="sr-only"
          onChange={(e) => {
            upload(Array.from(e.target.files ?? []));
            e.target.value = "";
          }}
        />
        <p className="text-xs text-neutral-500">JPEG, PNG, WebP, AVIF or GIF, up to 20 MB. Location data is removed.</p>
      </div>
      {jobs.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm" aria-label="Uploads">
          {jobs.map((j) => (
            <li key={j.key} className="flex flex-col gap-0.5" data-testid="upload-job">
              <span className="flex justify-between gap-2">
                <span className="truncate">{j.name}</span>
                <span className={j.state === "error" ? "text-red-700" : "text-neutral-600"} role={j.state === "error" ? "alert" : undefined}>
                  {j.state === "uploading" ? (j.loaded >= j.total ? "Processing…" : `${Math.round((100 * j.loaded) / Math.max(j.total, 1))}%`) : j.state === "error" ? `Not uploaded: ${j.message}` : j.message}
                </span>
              </span>
              <UploadBar job={j} />
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
