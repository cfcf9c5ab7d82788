"use client";

import { useActionState } from "react";
import { STORY_LANGUAGES } from "@/lib/i18n/languages";
import type { FormState } from "@/lib/actions";
import { saveSettingsAction } from "./actions";

const inputClass = "w-full rounded border border-neutral-300 bg-white px-3 py-2 focus:border-neutral-900 focus:outline-none";

export interface SettingsFormValues {
  siteName: string;
  tagline: string;
  aboutText: string;
  timeZone: string;
  defaultLanguage: string;
  logoUrl: string;
  breakingText: string;
  breakingUrl: string;
  breakingUntil: string;
}

function Field({ name, label, hint, error, children }: { name: string; label: string; hint?: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-semibold">
        {label}
      </label>
      {children}
      {hint ? <p className="text-xs text-neutral-500">{hint}</p> : null}
      {error ? (
        <p id={`${name}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** The site settings form. Values typed are kept after an error. */
export function SettingsForm({ initial, zones }: { initial: SettingsFormValues; zones: string[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveSettingsAction, {});
  const v = { ...initial, ...(state.values ?? {}) } as SettingsFormValues;
  const e = state.fields ?? {};
  const key = JSON.stringify(state.values ?? {});
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-5" key={key}>
      <Field name="siteName" label="Site name" error={e.siteName}>
        <input id="siteName" name="siteName" defaultValue={v.siteName} required className={inputClass} aria-invalid={!!e.siteName} />
      </Field>
      <Field name="tagline" label="Tagline" error={e.tagline}>
        <input id="tagline" name="tagline" defaultValue={v.tagline} className={inputClass} />
      </Field>
      <Field name="aboutText" label="About text" hint="Shown in the “About” box under every story and on the About page." error={e.aboutText}>
        <textarea id="aboutText" name="aboutText" defaultValue={v.aboutText} rows={4} className={inputClass} dir="auto" />
      </Field>
      <Field name="timeZone" label="Newsroom time zone" hint="Every date readers see, and every schedule, uses this zone." error={e.timeZone}>
        <input id="timeZone" name="timeZone" list="time-zones" defaultValue={v.timeZone} className={inputClass} aria-invalid={!!e.timeZone} />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Field>
      <Field name="defaultLanguage" label="Default language of new stories" error={e.defaultLanguage}>
        <select id="defaultLanguage" name="defaultLanguage" defaultValue={v.defaultLanguage} className={inputClass}>
          {STORY_LANGUAGES.map((l) => (
            <option key={l.code} value={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </Field>
      <Field name="logoUrl" label="Logo address" hint="Optional: https://… or /path" error={e.logoUrl}>
        <input id="logoUrl" name="logoUrl" defaultValue={v.logoUrl} className={inputClass} />
      </Field>
      <fieldset className="flex flex-col gap-4 rounded border border-neutral-300 bg-white p-4">
        <legend className="px-1 text-sm font-semibold">Breaking-news bar</legend>
        <Field name="breakingText" label="Breaking-news text" hint="Empty: the bar is off." error={e.breakingText}>
          <input id="breakingText" name="breakingText" defaultValue={v.breakingText} className={inputClass} dir="auto" />
        </Field>
        <Field name="breakingUrl" label="Breaking-news link" hint="A story (/news/…) or a web address." error={e.breakingUrl}>
          <input id="breakingUrl" name="breakingUrl" defaultValue={v.breakingUrl} className={inputClass} />
        </Field>
        <Field name="breakingUntil" label={`Hide the bar after (${v.timeZone})`} hint="Empty: until turned off." error={e.breakingUntil}>
          <input id="breakingUntil" name="breakingUntil" type="datetime-local" step={1} defaultValue={v.breakingUntil} className={inputClass} />
        </Field>
      </fieldset>
      <p role="status" aria-live="polite" className={`text-sm ${state.error ? "text-red-700" : "text-green-800"}`} data-testid="settings-status">
        {state.error ?? state.message ?? ""}
      </p>
      <button type="submit" disabled={pending} className="self-start rounded bg-neutral-900 px-4 py-2 font-semibold text-white disabled:opacity-60">
        Save settings
      </button>
    </form>
  );
}
