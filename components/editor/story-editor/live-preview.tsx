"use client";

/**
 * The live preview beside the editor: the reader page of what is typed, not yet saved, at a
 * phone's width (390 px) or a desktop's (1280 px), scaled to fit. Every second it checks
 * whether the fields or the body changed and, when they did, asks the server for the page
 * again (one request at a time), so it trails the typing by a second or two. Nothing is saved
 * and no revision is written. The page is shown in a sandboxed frame (no script may run in it).
 */
import { useEffect, useRef, useState } from "react";
import type { EditorActions } from "./types";
import type { StoryForm } from "./use-story-form";

const WIDTHS = { phone: 390, desktop: 1280 } as const;
const FRAME_HEIGHT = 900;
const CHECK_EVERY_MS = 1000;

export function LivePreview({ form, action }: { form: StoryForm; action: EditorActions["livePreview"] }) {
  const [open, setOpen] = useState(false);
  const [width, setWidth] = useState<keyof typeof WIDTHS>("phone");
  const [html, setHtml] = useState("");
  const [error, setError] = useState("");
  const [boxWidth, setBoxWidth] = useState(0);
  const formRef = useRef(form);
  // The interval reads the latest form (its fields change on every keystroke).
  useEffect(() => {
    formRef.current = form;
  });
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    let sent = "";
    let inFlight = false;
    let live = true;
    const tick = async () => {
      if (inFlight) return;
      const f = formRef.current;
      const input = f.toInput("save", JSON.stringify(f.bodyRef.current), "");
      const key = JSON.stringify(input);
      if (key === sent) return;
      inFlight = true;
      sent = key;
      try {
        const r = await action(input);
        if (!live) return;
        if (r.ok) {
          setHtml(r.html);
          setError("");
        } else setError(r.error);
      } catch {
        if (live) setError("The preview could not be updated; it will try again.");
        sent = "";
      } finally {
        inFlight = false;
      }
    };
    void tick();
    const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [open, action]);

  useEffect(() => {
    if (!open || !box.current) return;
    const observer = new ResizeObserver(([entry]) => setBoxWidth(entry!.contentRect.width));
    observer.observe(box.current);
    return () => observer.disconnect();
  }, [open]);

  const frameWidth = WIDTHS[width];
  const scale = boxWidth > 0 ? Math.min(1, boxWidth / frameWidth) : 1;
  return (
    <section aria-label="Live preview" className="flex flex-col gap-2 rounded border border-neutral-300 p-3" data-testid="live-preview">
      <div className="flex flex-wrap items-center gap-3">
        <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className="rounded border border-neutral-400 px-3 py-1 text-sm font-semibold">
          {open ? "Hide live preview" : "Live preview"}
        </button>
        {open ? (
          <div role="radiogroup" aria-label="Preview width" className="flex gap-2 text-sm">
            {(Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]).map((w) => (
              <label key={w} className="flex items-center gap-1">
                <input type="radio" name="live-preview-width" checked={width === w} onChange={() => setWidth(w)} />
                {w === "phone" ? "Phone (390 px)" : "Desktop (1280 px)"}
              </label>
            ))}
          </div>
        ) : null}
        {open ? <span className="text-xs text-neutral-500">Not saved: follows what you type.</span> : null}
      </div>
      {open ? (
        <>
          {error ? (
            <p role="alert" className="text-sm text-red-700" data-testid="live-preview-error">
              {error}
            </p>
          ) : null}
          <div ref={box} className="relative w-full overflow-hidden rounded border border-neutral-200 bg-white" style={{ height: FRAME_HEIGHT * scale }}>
            {html ? (
              <iframe
                title="Live preview of the story"
                srcDoc={html}
                sandbox=""
                width={frameWidth}
                height={FRAME_HEIGHT}
                // Out of the flow, so the frame's own width never widens the editor's column.
                style={{ position: "absolute", top: 0, left: 0, transform: `scale(${scale})`, transformOrigin: "top left", border: 0 }}
                data-testid="live-preview-frame"
              />
            ) : (
              <p className="p-3 text-sm text-neutral-500">Rendering…</p>
            )}
          </div>
        </>
      ) : null}
    </section>
  );
}
