"use client";

/**
 * The preview of a change to the front page not yet saved: the readers' front page with that
 * change, from the desk's preview route (/dashboard/front/preview, never cached or indexed),
 * shown at a phone's width (390 px) and a desktop's (1280 px), each scaled to fit, in
 * sandboxed frames (no script runs in them). "Save" makes the change; "Cancel" drops it.
 */
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** A change to preview: its preview query, what it is in words, and how to save it. */
export interface PreviewRequest {
  /** The preview route's query, e.g. `pin=0&story=<id>`. */
  query: string;
  /** What is previewed, e.g. "“Budget passes” as the lead story". */
  what: string;
  save: () => void;
}

const FRAME_HEIGHT = 1000;
const FAILED = "The preview could not be made. Try again.";

/** One width of the page, scaled down to the width of its box. */
function ScaledFrame({ html, width, title, testId }: { html: string; width: number; title: string; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [boxWidth, setBoxWidth] = useState(0);
  useEffect(() => {
    if (!box.current) return;
    const observer = new ResizeObserver(([entry]) => setBoxWidth(entry!.contentRect.width));
    observer.observe(box.current);
    return () => observer.disconnect();
  }, []);
  const scale = boxWidth > 0 ? Math.min(1, boxWidth / width) : 1;
  return (
    <div ref={box} className="relative w-full overflow-hidden rounded border border-neutral-200 bg-white" style={{ height: FRAME_HEIGHT * scale }}>
      <iframe
        title={title}
        srcDoc={html}
        sandbox=""
        width={width}
        height={FRAME_HEIGHT}
        // Out of the flow, so the frame's own width never widens the desk's column.
        style={{ position: "absolute", top: 0, left: 0, transform: `scale(${scale})`, transformOrigin: "top left", border: 0 }}
        data-testid={testId}
      />
    </div>
  );
}

export function FrontPreview({ request, onClose }: { request: PreviewRequest; onClose: () => void }) {
  const [page, setPage] = useState<{ query: string; html?: string; error?: string } | null>(null);
  const region = useRef<HTMLElement>(null);
  const href = `/dashboard/front/preview?${request.query}`;

  useEffect(() => {
    let live = true;
    fetch(href, { cache: "no-store" })
      .then(async (r) => {
        const text = await r.text();
        if (!live) return;
        // The route answers a refusal (400, 403) in words; anything else unexpected is not shown.
        setPage(r.ok ? { query: request.query, html: text } : { query: request.query, error: r.status === 400 || r.status === 403 ? text : FAILED });
      })
      .catch(() => live && setPage({ query: request.query, error: FAILED }));
    return () => {
      live = false;
    };
  }, [href, request.query]);

  useEffect(() => {
    region.current?.scrollIntoView({ block: "start" });
    region.current?.focus();
  }, [request.query]);

  const current = page?.query === request.query ? page : null;
  return (
    <section ref={region} tabIndex={-1} aria-labelledby="front-preview-heading" className="flex flex-col gap-3 rounded border-2 border-amber-500 bg-amber-50 p-3" data-testid="front-preview">
      <div className="flex flex-col gap-1">
        <h2 id="front-preview-heading" className="font-bold">
          Preview: {request.what}
        </h2>
        <p className="text-sm text-neutral-700">Not saved yet: readers still see the front page as it is. Save to put this change live, or cancel it.</p>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={request.save}>
          Save
        </Button>
        <Button size="sm" variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <a href={href} target="_blank" rel="noopener" className="text-sm underline">
          Open the preview in a new tab
        </a>
      </div>
      {current?.error ? (
        <p role="alert" className="text-sm text-red-700" data-testid="front-preview-error">
          {current.error}
        </p>
      ) : current?.html ? (
        <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
          <figure className="flex w-full flex-col gap-1 lg:w-[300px] lg:shrink-0">
            <figcaption className="text-xs font-semibold">Phone (390 px)</figcaption>
            <ScaledFrame html={current.html} width={390} title="Preview of the front page on a phone" testId="front-preview-phone" />
          </figure>
          <figure className="flex min-w-0 flex-1 flex-col gap-1">
            <figcaption className="text-xs font-semibold">Desktop (1280 px)</figcaption>
            <ScaledFrame html={current.html} width={1280} title="Preview of the front page on a desktop" testId="front-preview-desktop" />
          </figure>
        </div>
      ) : (
        <p className="text-sm text-neutral-600">Rendering the preview…</p>
      )}
    </section>
  );
}
