"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Options, Select } from "@/components/ui/controls";
import { FormStatus } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import { MAIL_MODE_LABELS, MAIL_MODES, NOTIFICATION_KIND_LABELS, NOTIFICATION_KINDS, type MailMode, type NotificationKind } from "@/lib/review/kinds";
import { saveMailPreferencesAction } from "../actions";

const MODE_OPTIONS = MAIL_MODES.map((m) => ({ value: m, label: MAIL_MODE_LABELS[m] }));
const HOUR_OPTIONS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, "0")}:00` }));

/**
 * What comes by mail: for each kind of notification, Immediately, Daily digest or Off, and the
 * digest's hour in the newsroom's zone. The desk shows every notification whatever is chosen.
 * Kinds not in `kinds` (those the viewer's role never gets) keep their mode in hidden fields.
 */
export function MailPreferencesForm({
  kinds = NOTIFICATION_KINDS,
  modes,
  digestHour,
  timeZone,
}: {
  kinds?: readonly NotificationKind[];
  modes: Record<NotificationKind, MailMode>;
  digestHour: number;
  timeZone: string;
}) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveMailPreferencesAction, {});
  const v = state.values;
  return (
    <form action={action} className="flex max-w-xl flex-col gap-3 rounded border border-neutral-200 bg-white p-5" aria-labelledby="mail-heading">
      <h2 id="mail-heading" className="font-semibold">
        Mail
      </h2>
      <p className="text-sm text-neutral-600">What comes by e-mail. Every notification still shows under Notifications on the desk.</p>
      {NOTIFICATION_KINDS.filter((kind) => !kinds.includes(kind)).map((kind) => (
        <input key={kind} type="hidden" name={kind} value={modes[kind]} />
      ))}
      {kinds.map((kind) => (
        <Field key={kind} id={`mail-${kind}`} label={NOTIFICATION_KIND_LABELS[kind]} error={state.fields?.[kind]}>
          <Select id={`mail-${kind}`} name={kind} defaultValue={v?.[kind] ?? modes[kind]}>
            <Options items={MODE_OPTIONS} />
          </Select>
        </Field>
      ))}
      <Field id="digestHour" label={`Daily digest at (${timeZone})`} hint="The digest lists what came since the last one; none is sent when nothing waits." error={state.fields?.digestHour}>
        <Select id="digestHour" name="digestHour" defaultValue={v?.digestHour ?? String(digestHour)}>
          <Options items={HOUR_OPTIONS} />
        </Select>
      </Field>
      <FormStatus error={state.error} message={state.message} />
      <Button type="submit" disabled={pending} className="self-start text-sm">
        Save mail preferences
      </Button>
    </form>
  );
}
