"use client";

/**
 * The live desk's entry composer: an optional headline, the text in the story body's editor
 * (same extensions, photos from the library, links), the byline, "Key event" and "Pinned".
 * Posting a new entry clears it; an error keeps everything typed and says what went wrong,
 * next to the field it is about where there is one.
 */
import type { JSONContent } from "@tiptap/core";
import { useId, useState, useTransition } from "react";
import { RichTextEditor } from "@/components/editor/rich-text";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Options, Select } from "@/components/ui/controls";
import { Alert, FormStatus } from "@/components/ui/notice";
import { updateMediaAction } from "../../../media/actions";
import { editEntryAction, postEntryAction, type LiveActionResult } from "../../actions";
import type { EntryView, LiveDeskView } from "./types";

const EMPTY_DOC: JSONContent = { type: "doc", content: [{ type: "paragraph" }] };

type Mode = { kind: "new" } | { kind: "edit"; entry: EntryView };

/**
 * A composer for a new entry (`mode.kind === "new"`) or for editing one in place. An edit
 * carries the entry's version as it was when editing began, so a save over someone else's
 * change is refused (and the text stays here).
 */
export function EntryComposer({
  story,
  mode,
  disabledReason,
  onDone,
  onCancel,
}: {
  story: LiveDeskView;
  mode: Mode;
  /** Why posting is not possible now (coverage ended), or null. */
  disabledReason?: string | null;
  /** After a successful post or save (the list is then refreshed by the caller). */
  onDone: (message: string) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const editing = mode.kind === "edit" ? mode.entry : null;
  const [headline, setHeadline] = useState(editing?.headline ?? "");
  const [body, setBody] = useState<JSONContent>(editing?.body ?? EMPTY_DOC);
  const [bylineId, setBylineId] = useState(editing ? (editing.bylineId ?? "") : story.defaultBylineId);
  const [isKeyEvent, setKeyEvent] = useState(editing?.isKeyEvent ?? false);
  const [isPinned, setPinned] = useState(editing?.isPinned ?? false);
  // The version the edit started from: the optimistic lock.
  const [version] = useState(editing?.version ?? 0);
  const [editorKey, setEditorKey] = useState(0);
  // Something was typed since the composer was last cleared.
  const [typed, setTyped] = useState(false);
  const [error, setError] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState("");
  const [pending, start] = useTransition();
  // Pinning one entry unpins another's: editors only, and only what is (or will be) published.
  const mayPin = story.viewerIsEditor && (editing ? editing.status === "published" : true);
  const bylineChoices = bylineId && !story.bylines.some((b) => b.id === bylineId) && editing?.bylineName ? [...story.bylines, { id: bylineId, name: editing.bylineName }] : story.bylines;

  const send = (publish: boolean) => {
    setError("");
    setFields({});
    setMessage("");
    start(async () => {
      // An edit sends the byline only when it was changed (left out, it is kept; "" removes it).
      const keepByline = editing !== null && bylineId === (editing.bylineId ?? "");
      // As a string, as the story editor sends its body: the editor's JSON may hold objects
      // that are not plain, which a server action's arguments cannot carry.
      const input = { headline, body: JSON.stringify(body), bylineId: keepByline ? undefined : bylineId, isKeyEvent, isPinned: mayPin ? isPinned : undefined };
      let result: LiveActionResult;
      try {
        result = editing ? await editEntryAction(editing.id, { ...input, version }) : await postEntryAction(story.id, { ...input, publish });
      } catch {
        result = { ok: false, error: "The server could not be reached. Nothing was lost on this page; try again.", code: "internal" };
      }
      if (!result.ok) {
        setError(result.error);
        setFields(result.fields ?? {});
        return;
      }
      if (editing) {
        onDone("Entry saved.");
        return;
      }
      setHeadline("");
      setBody(EMPTY_DOC);
      setKeyEvent(false);
      setPinned(false);
      setEditorKey((k) => k + 1);
      setTyped(false);
      const done = result.status === "draft" ? "Saved as a draft" + (story.viewerMayPublish ? "." : " for an editor to publish.") : "Posted.";
      setMessage(done);
      onDone(done);
    });
  };

  // Coverage ended: nothing can be posted, so only the reason is shown, unless something was
  // typed before it ended (then it stays on screen, to copy or to post after a resume).
  const blocked = !editing && !!disabledReason;
  const notice = blocked ? (
    <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="composer-blocked">
      {disabledReason}
    </p>
  ) : null;
  if (blocked && !typed) return notice;
  return (
    <form
      className="flex flex-col gap-3"
      aria-label={editing ? "Edit entry" : "New entry"}
      data-testid={editing ? "entry-editor" : "entry-composer"}
      // Enter in the headline must not post a half-written entry: only the buttons send.
      onSubmit={(e) => e.preventDefault()}
    >
      {notice}
      <div className="flex flex-col gap-1">
        <label htmlFor={`${id}-headline`} className="text-sm font-semibold">
          Entry headline <span className="font-normal text-neutral-500">(optional)</span>
        </label>
        <Input
          id={`${id}-headline`}
          value={headline}
          onChange={(e) => {
            setHeadline(e.target.value);
            setTyped(true);
          }}
          maxLength={200}
          dir="auto"
         
          aria-invalid={fields.headline ? true : undefined}
        />
        {fields.headline ? <p className="text-sm text-red-700">{fields.headline}</p> : null}
      </div>
      <div className="flex flex-col gap-1">
        <span className="text-sm font-semibold" id={`${id}-body-label`}>
          Entry text
        </span>
        <RichTextEditor
            key={editorKey}
            initial={body}
            dir={story.dir}
            language={story.language}
            editable
            onChange={(json) => {
              setBody(json);
              setTyped(true);
            }}
            savePhotoDetails={updateMediaAction}
            label={editing ? "Entry text (editing)" : "Entry text"}
            compact
          />
        {fields.body ? <p className="text-sm text-red-700">{fields.body}</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor={`${id}-byline`} className="text-sm font-semibold">
            Byline
          </label>
          <Select id={`${id}-byline`} size="sm" value={bylineId} onChange={(e) => setBylineId(e.target.value)}>
            {bylineChoices.length === 0 || !bylineId ? <option value="">{story.defaultBylineId ? "My byline" : "No byline"}</option> : null}
            <Options items={bylineChoices} />
          </Select>
          {fields.bylineId ? <p className="text-sm text-red-700">{fields.bylineId}</p> : null}
        </div>
        <Checkbox label="Key event" checked={isKeyEvent} onChange={(e) => setKeyEvent(e.target.checked)} />
        {mayPin ? <Checkbox label="Pinned" checked={isPinned} onChange={(e) => setPinned(e.target.checked)} /> : null}
        {fields.isPinned ? <p className="text-sm text-red-700">{fields.isPinned}</p> : null}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        {editing ? (
          <>
            <Button size="sm" onClick={() => send(true)} disabled={pending}>
              {pending ? "Saving…" : "Save entry"}
            </Button>
            <Button size="sm" variant="secondary" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
          </>
        ) : (
          <>
            <Button size="sm" onClick={() => send(true)} disabled={pending || blocked}>
              {pending ? "Posting…" : "Post"}
            </Button>
            <Button size="sm" variant="secondary" onClick={() => send(false)} disabled={pending || blocked}>
              Save as draft
            </Button>
            {!story.viewerMayPublish ? <span className="text-xs text-neutral-600">Your entries go to an editor as drafts on this live blog.</span> : null}
          </>
        )}
        {error ? null : <FormStatus message={message} testId="composer-status" as="span" />}
      </div>
      <Alert testId="composer-error">{error}</Alert>
    </form>
  );
}
