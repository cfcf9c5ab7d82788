"use client";

/**
 * Alt text, caption, credit, usage notes and description of one library photo, saved with the
 * server action its page passes in (`action`: the media library's updateMediaAction).
 * Used on the photo's page in the library and under a photo chosen in the story editor; there
 * (`withUsageNotes={false}`) the staff-only fields are neither shown nor sent, so the save
 * leaves them as they are.
 */
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input, Textarea } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";

/**
 * Saves a photo's details: its id and the typed values, and (from the story editor) the open
 * story and the version it holds; answers with the form state, whose `data.storyVersion` is
 * the open story's new version when the save gave it one.
 */
export type SavePhotoDetails = (id: string, values: Record<string, string>, open?: { storyId: string; version: number }) => Promise<FormState<{ storyVersion: number }>>;

export interface PhotoFields {
  altText: string;
  caption: string;
  creditName: string;
  creditOrg: string;
  creditUrl: string | null;
  usageNotes?: string;
  description?: string;
}

const FIELDS = [
  { name: "altText", label: "Alt text", hint: "What the photo shows, for readers who cannot see it. Required to publish.", multiline: true },
  { name: "caption", label: "Caption", hint: "Shown under the photo.", multiline: true },
  { name: "creditName", label: "Credit: photographer", hint: "", multiline: false },
  { name: "creditOrg", label: "Credit: organisation or agency", hint: "", multiline: false },
  { name: "creditUrl", label: "Credit link", hint: "Optional: https://…", multiline: false },
  { name: "usageNotes", label: "Usage notes", hint: "Rights and restrictions, for staff only.", multiline: true },
  { name: "description", label: "Description (staff only)", hint: "A longer account of the photo (WordPress’s description, for imported photos). Readers never see it. Up to 2,000 characters.", multiline: true },
] as const;

/** Fields for staff only, shown on the library's photo page and not in the story editor. */
const STAFF_FIELDS: readonly string[] = ["usageNotes", "description"];

/** The description's largest length, as the server checks it (lib/media/library.ts). */
const DESCRIPTION_MAX = 2000;

/** The details form of one photo; `withUsageNotes` shows (and sends) the staff-only fields. */
export function PhotoDetails({
  id,
  initial,
  action,
  onSaved,
  idPrefix = "photo",
  withUsageNotes = true,
}: {
  id: string;
  initial: PhotoFields;
  action: SavePhotoDetails;
  onSaved?: (values: PhotoFields) => void;
  idPrefix?: string;
  withUsageNotes?: boolean;
}) {
  const shown = FIELDS.filter((f) => withUsageNotes || !STAFF_FIELDS.includes(f.name));
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(shown.map((f) => [f.name, initial[f.name] ?? ""])));
  const [state, setState] = useState<FormState<{ storyVersion: number }>>({});
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await action(id, values);
      setState(result);
      if (result.ok) onSaved?.({ ...values, creditUrl: values.creditUrl || null } as PhotoFields);
    });
  // A group, not a <form>: it also sits inside the story editor's form, and forms cannot nest.
  return (
    <div role="group" aria-label="Photo details" className="flex flex-col gap-3">
      {shown.map((f) => {
        const fid = `${idPrefix}-${f.name}`;
        const props = {
          id: fid,
          value: values[f.name] ?? "",
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setValues({ ...values, [f.name]: e.target.value }),
          "aria-invalid": state.fields?.[f.name] ? true : undefined,
          size: "sm" as const,
          dir: "auto" as const,
        };
        return (
          <Field key={f.name} id={fid} label={f.label} hint={f.hint} error={state.fields?.[f.name]}>
            {f.multiline ? <Textarea rows={f.name === "description" ? 4 : 2} maxLength={f.name === "description" ? DESCRIPTION_MAX : undefined} {...props} /> : <Input type={f.name === "creditUrl" ? "url" : "text"} {...props} />}
          </Field>
        );
      })}
      <div className="flex items-center gap-3">
        <Button onClick={save} disabled={pending} size="sm">
          {pending ? "Saving…" : "Save photo details"}
        </Button>
        <FormStatus as="span" error={state.error} message={state.message} testId="photo-details-status" />
      </div>
    </div>
  );
}
