"use client";

/**
 * A live blog's desk: the composer at the top, the entries newest first (each editable in
 * place, publishable when a draft, deletable), and the editors' settings. The page refreshes
 * its data every 15 seconds so reporters see each other's entries; the refresh keeps this
 * component's state, so a composer being typed in (new or an edit) is left as it is.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/controls";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { Alert, FormStatus } from "@/components/ui/notice";
import { deleteEntryAction, publishEntryAction, updateLiveBlogAction } from "../../actions";
import { EntryComposer } from "./entry-composer";
import type { EntryView, LiveDeskView } from "./types";

/** How often the entries are read again. */
const REFRESH_MS = 15_000;

export function LiveDesk({ story, entries }: { story: LiveDeskView; entries: EntryView[] }) {
  const router = useRouter();
  const [editingId, setEditingId] = useState<string | null>(null);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") router.refresh();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [router]);
  const ended = story.coverageEndedLabel !== null;
  return (
    // On a phone: composer, settings, entries; from lg the settings sit in a column of their own.
    <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-labelledby="composer-heading" className="min-w-0 rounded border border-neutral-200 bg-white p-4">
          <h2 id="composer-heading" className="mb-3 font-semibold">
            New entry
          </h2>
          <EntryComposer
            story={story}
            mode={{ kind: "new" }}
            disabledReason={ended ? `This live coverage ended at ${story.coverageEndedLabel}: no entries can be posted.${story.viewerIsEditor ? " Resume the coverage in the settings to post again." : " An editor can resume it."}` : null}
            onDone={() => router.refresh()}
          />
        </section>
        {story.viewerIsEditor ? <SettingsPanel story={story} /> : <WriterNote story={story} />}
        <section aria-labelledby="entries-heading" className="flex min-w-0 flex-col gap-3">
          <h2 id="entries-heading" className="font-semibold">
            Entries <span className="font-normal text-neutral-600">({entries.length}, newest first)</span>
          </h2>
          {entries.length === 0 ? <p className="text-sm text-neutral-600">No entries yet.</p> : null}
          <ol className="flex flex-col gap-3">
            {entries.map((e) => (
              <li key={e.id}>
                {editingId === e.id ? (
                  <div className="rounded border border-neutral-900 bg-white p-4">
                    <EntryComposer
                      story={story}
                      mode={{ kind: "edit", entry: e }}
                      onDone={() => {
                        setEditingId(null);
                        router.refresh();
                      }}
                      onCancel={() => setEditingId(null)}
                    />
                  </div>
                ) : (
                  <EntryCard entry={e} timeZone={story.timeZone} onEdit={() => setEditingId(e.id)} />
                )}
              </li>
            ))}
          </ol>
        </section>
    </div>
  );
}

/** One entry as the desk shows it, with what the viewer may do to it. */
function EntryCard({ entry: e, timeZone, onEdit }: { entry: EntryView; timeZone: string; onEdit: () => void }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  return (
    <article className={`rounded border bg-white p-4 ${e.status === "draft" ? "border-amber-300" : "border-neutral-200"}`} data-testid="live-entry" data-status={e.status}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-bold uppercase tracking-wide ${e.status === "draft" ? "bg-amber-100 text-amber-900" : "bg-green-100 text-green-900"}`}
          data-testid="entry-status"
        >
          {e.status === "draft" ? "Draft" : "Published"}
        </span>
        <time dateTime={e.at} title={e.atTitle} className="font-semibold tabular-nums">
          {e.atLabel}
        </time>
        <span className="text-xs text-neutral-500">{timeZone}</span>
        {e.bylineName ? <span className="text-neutral-700">{e.bylineName}</span> : <span className="text-neutral-500">No byline</span>}
        {e.isKeyEvent ? <span className="rounded bg-blue-100 px-1.5 py-0.5 text-xs font-semibold text-blue-900">Key event</span> : null}
        {e.isPinned ? <span className="rounded bg-neutral-800 px-1.5 py-0.5 text-xs font-semibold text-white">Pinned</span> : null}
        {e.editedLabel && e.editedAt ? (
          <span className="text-xs text-neutral-600" data-testid="entry-edited">
            edited <time dateTime={e.editedAt}>{e.editedLabel}</time>
          </span>
        ) : null}
      </div>
      {e.headline ? (
        <h3 className="mt-2 font-serif text-lg font-bold" dir="auto">
          {e.headline}
        </h3>
      ) : null}
      {/* The body's HTML is rendered on the server from the editor's JSON, as a story body's is. */}
      <div className="story-body prose mt-2 max-w-none" dir="auto" data-testid="entry-body" dangerouslySetInnerHTML={{ __html: e.bodyHtml }} />
      {e.canEdit || e.canPublish || e.canDelete ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {e.canEdit ? (
            <Button size="xs" variant="secondary" onClick={onEdit} aria-label={`Edit the entry of ${e.atLabel}`}>
              Edit
            </Button>
          ) : null}
          {e.canPublish ? (
            <Button
              size="xs"
              disabled={pending}
              aria-label={`Publish the entry of ${e.atLabel}`}
              onClick={() => {
                setError("");
                start(async () => {
                  const r = await publishEntryAction(e.id);
                  if (r.ok) router.refresh();
                  else setError(r.error);
                });
              }}
            >
              {pending ? "Publishing…" : "Publish"}
            </Button>
          ) : null}
          {e.canDelete ? (
            <ConfirmActionButton
              label="Delete"
              ariaLabel={`Delete the entry of ${e.atLabel}`}
              title="Delete this entry?"
              confirmLabel="Delete"
              action={() => deleteEntryAction(e.id)}
            >
              {e.status === "published" ? "Readers will no longer see it. " : ""}The entry and its earlier versions are deleted for good.
            </ConfirmActionButton>
          ) : null}
          <Alert as="span">{error}</Alert>
        </div>
      ) : null}
    </article>
  );
}

/** The editors' settings of the live blog. */
function SettingsPanel({ story }: { story: LiveDeskView }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  const [message, setMessage] = useState("");
  // The writers' switch answers a click at once and follows the server's value when a refresh
  // brings a change made elsewhere.
  const [writersMay, setWritersMay] = useState(story.writersMayPublishEntries);
  const [serverWritersMay, setServerWritersMay] = useState(story.writersMayPublishEntries);
  if (serverWritersMay !== story.writersMayPublishEntries) {
    setServerWritersMay(story.writersMayPublishEntries);
    setWritersMay(story.writersMayPublishEntries);
  }
  const change = (input: Record<string, unknown>, done: string, then?: () => void, undo?: () => void) => {
    setError("");
    setMessage("");
    start(async () => {
      const r = await updateLiveBlogAction(story.id, input);
      if (!r.ok) {
        undo?.();
        setError(r.error);
        return;
      }
      setMessage(done);
      if (then) then();
      else router.refresh();
    });
  };
  const ended = story.coverageEndedLabel !== null;
  return (
    <aside aria-labelledby="settings-heading" className="flex flex-col lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start gap-3 rounded border border-neutral-200 bg-white p-4 text-sm" data-testid="live-settings">
      <h2 id="settings-heading" className="font-semibold">
        Live blog settings
      </h2>
      <Checkbox
        label="Live blog"
        checked
        disabled={pending}
        onChange={() => change({ isLiveBlog: false }, "No longer a live blog.", () => router.push(`/dashboard/stories/${story.id}`))}
      />
      <Checkbox
        label="Let writers publish their entries"
        checked={writersMay}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.checked;
          setWritersMay(next);
          change({ writersMayPublishEntries: next }, next ? "Writers may publish their entries." : "Writers' entries now wait for an editor.", undefined, () => setWritersMay(!next));
        }}
      />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-neutral-600">Started</dt>
        <dd>{story.coverageStartedLabel ?? "—"}</dd>
        <dt className="text-neutral-600">Ended</dt>
        <dd data-testid="coverage-ended">{story.coverageEndedLabel ?? "Still live"}</dd>
      </dl>
      {ended ? (
        <Button size="sm" variant="secondary" disabled={pending} onClick={() => change({ coverage: "resume" }, "Coverage resumed.")}>
          Resume coverage
        </Button>
      ) : (
        <Button size="sm" variant="danger" disabled={pending} onClick={() => change({ coverage: "end" }, "Coverage ended.")}>
          End coverage
        </Button>
      )}
      <Link href={`/dashboard/stories/${story.id}`} className="text-neutral-700 hover:underline">
        Edit the story’s introduction
      </Link>
      <FormStatus message={message} error={error || undefined} testId="settings-status" />
    </aside>
  );
}

/** What a writer needs to know about this live blog. */
function WriterNote({ story }: { story: LiveDeskView }) {
  return (
    <aside className="rounded border lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:self-start border-neutral-200 bg-white p-4 text-sm text-neutral-700">
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-neutral-600">Started</dt>
        <dd>{story.coverageStartedLabel ?? "—"}</dd>
        <dt className="text-neutral-600">Ended</dt>
        <dd>{story.coverageEndedLabel ?? "Still live"}</dd>
      </dl>
      <p className="mt-2">{story.viewerMayPublish ? "Your entries are published when you post them." : "Your entries wait for an editor to publish them."}</p>
    </aside>
  );
}
