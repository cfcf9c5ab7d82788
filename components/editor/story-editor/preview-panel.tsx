"use client";

/**
 * The editor's preview tools, for a saved story: "Preview" opens the reader page of the last
 * saved version in a new tab; "Preview links" are addresses to share with someone who has no
 * desk account (a partner, a source checking a quote), each with a label and an expiry,
 * listed with their use, and revocable at once. A new link's address is shown once: only a
 * hash of its secret is kept. The list is fetched when the section is first opened.
 */
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/notice";
import { formatDateAtTime } from "@/lib/dates/format";
import type { EditorActions, PreviewLinkRow } from "./types";

const DAY_CHOICES = [1, 3, 7, 14, 30, 90] as const;

/**
 * "Preview", with a note when the editor holds unsaved changes the preview will not show; for
 * a live story with pending changes, the preview of those changes.
 */
export function PreviewLink({ id, dirty, pendingChanges = false }: { id: string; dirty: boolean; pendingChanges?: boolean }) {
  return (
    <span className="inline-flex items-center gap-2">
      <a href={`/dashboard/stories/${id}/preview${pendingChanges ? "?pending=1" : ""}`} target="_blank" rel="noopener" className="text-neutral-700 underline" data-testid="preview-link">
        Preview
      </a>
      {dirty ? <span className="text-xs text-neutral-500">(shows the last saved version)</span> : null}
    </span>
  );
}

/** Shareable preview links of the story `id`. */
export function PreviewLinksPanel({ id, timeZone, actions }: { id: string; timeZone: string; actions: EditorActions["previewLinks"] }) {
  const [links, setLinks] = useState<PreviewLinkRow[] | null>(null);
  const [label, setLabel] = useState("");
  const [days, setDays] = useState("7");
  const [created, setCreated] = useState<string | null>(null);
  const [state, setState] = useState<{ error?: string; message?: string }>({});
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    let live = true;
    void actions.list(id).then((r) => {
      if (!live) return;
      if (r.ok) setLinks(r.links);
      else setState({ error: r.error });
    });
    return () => {
      live = false;
    };
  }, [id, actions, open]);

  const create = () =>
    startTransition(async () => {
      const r = await actions.create(id, { label, days });
      if (!r.ok) return setState({ error: r.error });
      setLinks(r.links);
      setCreated(new URL(r.path, window.location.origin).href);
      setLabel("");
      setState({ message: "Preview link created. Copy it now: it is shown only once." });
    });
  const revoke = (linkId: string) =>
    startTransition(async () => {
      const r = await actions.revoke(id, linkId);
      if (!r.ok) return setState({ error: r.error });
      setLinks(r.links);
      setState({ message: "Preview link revoked: it no longer opens the story." });
    });
  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created);
      setState({ message: "Copied." });
    } catch {
      setState({ error: "Copying was refused by the browser: select the address and copy it." });
    }
  };
  const when = (iso: string) => formatDateAtTime(new Date(iso), timeZone);

  return (
    <details className="group" data-testid="preview-links" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-semibold">Preview links</summary>
      <div className="mt-3 flex flex-col gap-3">
        <p className="text-xs text-neutral-500">Anyone with a link sees the last saved version, without signing in, until it expires or you revoke it.</p>
        <Field id="preview-link-label" label="For whom (optional)" variant="form">
          <Input id="preview-link-label" size="sm" value={label} maxLength={120} placeholder="for Pajhwok" onChange={(e) => setLabel(e.target.value)} />
        </Field>
        <Field id="preview-link-days" label="Works for" variant="form">
          <Select id="preview-link-days" size="sm" value={days} onChange={(e) => setDays(e.target.value)}>
            {DAY_CHOICES.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? "1 day" : `${d} days`}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <Button size="sm" variant="secondary" onClick={create} disabled={pending}>
            Create preview link
          </Button>
        </div>
        {created ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="preview-link-url" className="text-xs font-semibold">
              Preview link
            </label>
            <div className="flex gap-2">
              <Input id="preview-link-url" size="sm" readOnly value={created} onFocus={(e) => e.currentTarget.select()} className="min-w-0 flex-1 font-mono" dir="ltr" />
              <Button size="sm" variant="secondary" onClick={copy}>
                Copy
              </Button>
            </div>
          </div>
        ) : null}
        <FormStatus error={state.error} message={state.message} testId="preview-links-status" />
        {links && links.length > 0 ? (
          <ul className="flex flex-col gap-2 text-xs" aria-label="Preview links of this story">
            {links.map((l) => (
              <li key={l.id} className={`rounded border p-2 ${l.active ? "border-neutral-300" : "border-neutral-200 text-neutral-500"}`} data-testid="preview-link-row">
                <p className="font-semibold" dir="auto">
                  {l.label || "(no label)"}
                </p>
                <p>
                  {l.revokedAt ? `Revoked ${when(l.revokedAt)}` : l.active ? `Works until ${when(l.expiresAt)}` : `Expired ${when(l.expiresAt)}`}
                  {" · "}
                  {l.useCount === 0 ? "not opened yet" : `opened ${l.useCount} ${l.useCount === 1 ? "time" : "times"}, last ${when(l.lastUsedAt!)}`}
                </p>
                <p>
                  Made by {l.createdByName ?? "a former user"}, {when(l.createdAt)}
                </p>
                {l.active ? (
                  <Button size="xs" variant="danger" className="mt-1" onClick={() => revoke(l.id)} disabled={pending} aria-label={`Revoke preview link ${l.label || "(no label)"}`}>
                    Revoke
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </details>
  );
}
