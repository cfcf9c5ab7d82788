"use client";

/**
 * The story editor: headline, dek, slug, body, excerpt, tags, bylines, language, breaking
 * flag, and the actions the viewer may use. The server decides again on every save
 * (lib/stories/desk.ts); hiding a button is only courtesy.
 *
 * Nothing typed is ever lost on a failed save: all fields live in the editor's state, the
 * error is shown beside them, a copy waits in this browser until saved, and leaving with
 * unsaved changes asks first. A save refused because the session ended asks to sign in again
 * in the page, then goes through.
 */
import { useEffect, useMemo, useState } from "react";
import { formatDateAtTime } from "@/lib/dates/format";
import type { SaveIntent } from "@/lib/stories/story-schema";
import { editorPermissions, saveButtons } from "./buttons";
import { ConflictPanel } from "./conflict-panel";
import { FieldError } from "./fields";
import { LiveSavePanel } from "./live-save-panel";
import { SaveBar } from "./save-bar";
import { SignInAgain } from "./sign-in-again";
import { TrashedNotice, UndoUnpublish, UnpublishDialog } from "./takedown";
import { SchedulePanel } from "./schedule-panel";
import { BackupOffer, PresenceNote, StatusBar } from "./status-bar";
import { StoryFields } from "./story-fields";
import { StorySidebar } from "./story-sidebar";
import { PreviewLinksPanel } from "./preview-panel";
import { LivePreview } from "./live-preview";
import { UnpublishSchedule } from "./unpublish-schedule";
import { PendingPanel } from "./pending-panel";
import { clearBackup } from "./browser-backup";
import type { EditorActions, EditorOptions, EditorStory, EditorTranslations, RestoreOfferView } from "./types";
import { TranslationsPanel } from "./translations-panel";
import { TranslationBehindNotice } from "./translation-notice";
import { RestoreNotice } from "./restore-notice";
import { ReturnNoteBanner, ReturnPanel, SubmitNoteField } from "./review-panel";
import { useRestoreOffer } from "./use-restore-offer";
import { useBrowserBackup } from "./use-browser-backup";
import { useLeaveGuard } from "./use-leave-guard";
import { usePresence } from "./use-presence";
import { useSaveQueue } from "./use-save-queue";
import { useSchedule } from "./use-schedule";
import { useStoryForm } from "./use-story-form";

/**
 * The translation group of a story first saved in this editor: itself alone (whoever may
 * create a story may translate it).
 */
function firstVersion(id: string, language: string, status: EditorStory["status"]): EditorTranslations {
  return { versions: [{ id, language, title: "", status }], canTranslate: true, behind: null };
}

export interface StoryEditorProps {
  story: EditorStory;
  /** The save intents the viewer's role allows (intentsForRole in lib/stories/story-schema.ts). */
  intents: readonly SaveIntent[];
  /** The newsroom's IANA time zone: schedules are typed and shown in it. */
  timeZone: string;
  options: EditorOptions;
  /** The server actions, passed in by the route. */
  actions: EditorActions;
  /** An old version to load into this live story, unsaved ("Restore…" in its history). */
  restoreOffer?: RestoreOfferView;
  /** The signed-in person's e-mail, prefilled when a save asks them to sign in again. */
  viewerEmail?: string;
  /** A panel of the route's own under the side panel's fields (the live blog switch). */
  sidePanel?: React.ReactNode;
  /** A saved story's translation group (absent for a new story: nothing of translations shows). */
  translations?: EditorTranslations;
}

/** The editor for one story (a new one when `story.id` is absent). */
export function StoryEditor({ story, intents, options, timeZone, actions, restoreOffer, viewerEmail = "", sidePanel, translations }: StoryEditorProps) {
  const form = useStoryForm(story, timeZone);
  const schedule = useSchedule(timeZone);
  useLeaveGuard(form.dirty);
  const saving = useSaveQueue({ story, form, schedule, actions });
  const backup = useBrowserBackup(story, form);
  const others = usePresence(form.id, actions.presence);
  const { ui, pending, touch, save } = saving;
  // Unpublish asks first; once done, Undo puts the story back with its original dates.
  const [askUnpublish, setAskUnpublish] = useState(false);
  const [undoOffered, setUndoOffered] = useState(false);
  const restoring = useRestoreOffer(restoreOffer, form, touch);
  // The review loop: a note to send with "Submit for review"; the return form, once asked for.
  const [submitNote, setSubmitNote] = useState("");
  const [returning, setReturning] = useState(false);
  // A refusal to publish a photo without alt text: select that photo and open its details.
  const focusPhoto = useMemo(() => (ui.fields.bodyPhoto ? { mediaId: ui.fields.bodyPhoto } : null), [ui.fields]);
  useEffect(() => {
    if (ui.fields.featuredPhoto) document.getElementById("featured-altText")?.focus();
  }, [ui.fields]);

  // Photo details saved from this editor may give the open story a new version (its body keeps
  // a copy of the details): that change is this editor's own, so the next save builds on it.
  const savePhotoDetails: EditorActions["savePhotoDetails"] = async (mediaId, values) => {
    const open = form.idRef.current && form.versionRef.current !== undefined ? { storyId: form.idRef.current, version: form.versionRef.current } : undefined;
    const result = await actions.savePhotoDetails(mediaId, values, open);
    if (result.ok && result.data?.storyVersion) {
      form.setBase({ version: result.data.storyVersion });
      form.setVersion(result.data.storyVersion);
    }
    return result;
  };

  // A live story's edits kept as pending changes: saved apart, then the editor reopens on them.
  const keepPending = async (): Promise<string | null> => {
    const r = await actions.pending.save(form.toInput("save", JSON.stringify(form.bodyRef.current), ""));
    if (!r.ok) return r.error;
    form.setDirty(false);
    if (form.id) clearBackup(form.id);
    setTimeout(() => window.location.reload(), 100);
    return null;
  };

  const perms = editorPermissions(intents, story.canEdit);
  const { editable, canPublish } = perms;
  const { status, publishedAt, id } = form;
  const live = status === "published";
  const scheduled = status === "scheduled";
  const canSchedule = editable && canPublish && !live;
  // A story created in this editor: editors may trash it, writers while it is a draft (the
  // server's rule, canDeleteStory); an opened story carries the server's answer.
  const fieldError = (name: string) => <FieldError name={name} errors={ui.fields} />;

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div className="flex flex-col gap-5">
        <StatusBar id={id} status={status} slug={form.slug} ui={ui} dirty={form.dirty} pendingChanges={Boolean(story.pending)} />
        <PresenceNote others={others} />
        {id && translations?.behind && !story.trashedAt ? (
          <TranslationBehindNotice storyId={id} behind={translations.behind} timeZone={timeZone} canMark={story.canEdit} markCaughtUp={actions.translations.markCaughtUp} />
        ) : null}
        {story.returnNote && status === "draft" ? <ReturnNoteBanner returned={story.returnNote} timeZone={timeZone} /> : null}
        {backup.offer ? (
          <BackupOffer
            backup={backup.offer}
            timeZone={timeZone}
            onRestore={() => {
              if (!backup.offer) return;
              form.restore(backup.offer.snapshot);
              backup.dismiss();
              touch();
            }}
            onDiscard={backup.discard}
          />
        ) : null}
        {saving.conflict ? (
          <ConflictPanel
            conflict={saving.conflict}
            timeZone={timeZone}
            myTitle={form.title}
            myDek={form.dek}
            onKeepMine={saving.keepMine}
            onLoadTheirs={saving.loadTheirs}
          />
        ) : null}
        {restoring.offer && form.dirty ? <RestoreNotice offer={restoring.offer} timeZone={timeZone} onUndo={restoring.undo} /> : null}
        {story.trashedAt ? (
          <TrashedNotice trashedAt={story.trashedAt} timeZone={timeZone} canRestore={story.canRestore} pending={pending} onRestore={saving.restoreFromTrash} />
        ) : null}
        {undoOffered && status === "unpublished" ? (
          <UndoUnpublish
            pending={pending}
            onUndo={() => {
              setUndoOffered(false);
              save("republish");
            }}
          />
        ) : null}
        {!editable && !story.trashedAt ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
            You can read this story but not change it{live ? " now that it is published" : ""}.
          </p>
        ) : null}

        <StoryFields form={form} editable={editable} everPublished={story.everPublished} errors={ui.fields} touch={touch} onBody={backup.recordBody} savePhotoDetails={savePhotoDetails} focusPhoto={focusPhoto} />
        {editable ? <LivePreview form={form} action={actions.livePreview} /> : null}

        {scheduled && publishedAt ? (
          <p className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm" data-testid="scheduled-for">
            Scheduled for <strong>{formatDateAtTime(new Date(publishedAt), timeZone)}</strong> ({timeZone})
          </p>
        ) : null}

        {editable && live && story.pending && id ? (
          <PendingPanel id={id} form={form} info={story.pending} timeZone={timeZone} actions={actions.pending} />
        ) : editable && live ? (
          <LiveSavePanel
            saveKind={form.saveKind}
            onSaveKind={form.setSaveKind}
            canNote={canPublish}
            noteKind={form.noteKind}
            onNoteKind={form.setNoteKind}
            note={form.note}
            onNote={form.setNote}
            noteError={fieldError("note")}
            pending={pending}
            onSave={saving.saveLive}
            onKeepPending={canPublish && id ? keepPending : undefined}
          />
        ) : null}

        {canSchedule && schedule.scheduling ? (
          <SchedulePanel
            timeZone={timeZone}
            value={schedule.scheduleAt}
            onChange={schedule.setScheduleAt}
            pending={pending}
            onSchedule={() => save("schedule")}
            onCancel={() => schedule.setScheduling(false)}
            error={fieldError("scheduledAt")}
          />
        ) : null}

        {editable && perms.canSubmit && (status === "draft" || status === "unpublished") ? (
          <SubmitNoteField value={submitNote} onChange={setSubmitNote} error={ui.fields.reviewNote} />
        ) : null}
        {returning && status === "in_review" ? (
          <ReturnPanel
            pending={pending}
            error={ui.fields.reviewNote}
            onCancel={() => setReturning(false)}
            onReturn={(note) => {
              setReturning(false);
              save("return", { reviewNote: note });
            }}
          />
        ) : null}
        {saving.signedOut ? (
          <SignInAgain email={viewerEmail} onSignedIn={saving.retryAfterSignIn} takeFocus={!saving.signedOut.autosave} />
        ) : null}

        <SaveBar
          error={ui.state === "error" ? ui.message : null}
          buttons={saveButtons(perms, status)}
          pending={pending}
          onSave={(intent) => {
            if (intent === "unpublish") setAskUnpublish(true);
            else if (intent === "return") setReturning(true);
            else if (intent === "submit") {
              save("submit", { reviewNote: submitNote.trim() });
              setSubmitNote("");
            } else save(intent);
          }}
          scheduleLabel={canSchedule && !schedule.scheduling ? (scheduled ? "Reschedule…" : "Schedule…") : null}
          onOpenSchedule={() => schedule.open(scheduled ? publishedAt : null)}
          onDelete={id && (story.id ? story.canDelete : canPublish || status === "draft") ? saving.remove : null}
        />
      </div>

      <UnpublishDialog
        open={askUnpublish}
        title={form.title}
        pending={pending}
        onCancel={() => setAskUnpublish(false)}
        onConfirm={() => {
          setAskUnpublish(false);
          setUndoOffered(true);
          save("unpublish");
        }}
      />

      <div className="flex flex-col gap-8">
        <StorySidebar form={form} options={options} everPublished={story.everPublished} editable={editable} canPublish={canPublish} timeZone={timeZone} errors={ui.fields} touch={touch} />
        {id && (translations || !story.id) ? (
          <TranslationsPanel storyId={id} translations={translations ?? firstVersion(id, form.language, status)} status={status} title={form.title} dirty={form.dirty} create={actions.translations.create} />
        ) : null}
        {sidePanel}
        {id && canPublish && (status === "published" || status === "scheduled") ? (
          <UnpublishSchedule key={id} id={id} timeZone={timeZone} initial={{ at: story.unpublishAt, setBy: story.unpublishSetByName }} action={actions.scheduleUnpublish} />
        ) : null}
        {id && !story.trashedAt ? <PreviewLinksPanel id={id} timeZone={timeZone} actions={actions.previewLinks} /> : null}
      </div>
    </div>
  );
}
