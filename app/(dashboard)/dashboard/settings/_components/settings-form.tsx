"use client";

import { useActionState, useState } from "react";
import { LanguageTextInputs, languageHasContent, languageName, type TranslatedText } from "@/components/dashboard/translation-inputs";
import { PhotoPicker } from "@/components/media/photo-picker";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Options, Select, Textarea } from "@/components/ui/controls";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/notice";
import { STORY_LANGUAGES } from "@/lib/i18n/languages";
import type { FormState } from "@/lib/actions";
import { saveSettingsAction } from "../actions";

export interface SettingsFormValues {
  siteName: string;
  tagline: string;
  aboutText: string;
  timeZone: string;
  defaultLanguage: string;
  logoUrl: string;
  /** The languages with an edition of their own, space-separated ("fa ps"). */
  editionLanguages: string;
  /** Texts in other languages, keyed by form field ("siteName:fa"). */
  [translated: `${string}:${string}`]: string;
}

/** A settings field: its error paragraph is `<name>-error`. */
function SettingField({ name, ...rest }: Omit<React.ComponentProps<typeof Field>, "id" | "errorId"> & { name: string }) {
  return <Field id={name} errorId={`${name}-error`} {...rest} />;
}

/** The site settings form. Values typed are kept after an error. */
export function SettingsForm({ initial, zones }: { initial: SettingsFormValues; zones: string[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(saveSettingsAction, {});
  const v = { ...initial, ...(state.values ?? {}) } as SettingsFormValues;
  const e = state.fields ?? {};
  const key = JSON.stringify(state.values ?? {});
  return (
    <form action={action} className="flex max-w-2xl flex-col gap-5" key={key}>
      <SettingField name="siteName" label="Site name" error={e.siteName}>
        <Input id="siteName" name="siteName" defaultValue={v.siteName} required aria-invalid={!!e.siteName} />
      </SettingField>
      <SettingField name="tagline" label="Tagline" error={e.tagline}>
        <Input id="tagline" name="tagline" defaultValue={v.tagline} />
      </SettingField>
      <SettingField name="aboutText" label="About text" hint="Shown in the “About” box under every story and on the About page." error={e.aboutText}>
        <Textarea id="aboutText" name="aboutText" defaultValue={v.aboutText} rows={4} dir="auto" />
      </SettingField>
      <LogoField initial={v.logoUrl} error={e.logoUrl} />
      <SettingField name="timeZone" label="Newsroom time zone" hint="Every date readers see, and every schedule, uses this zone." error={e.timeZone}>
        <Input id="timeZone" name="timeZone" list="time-zones" defaultValue={v.timeZone} aria-invalid={!!e.timeZone} />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </SettingField>
      <LanguageSettings v={v} e={e} />
      <FormStatus error={state.error} message={state.message} testId="settings-status" />
      <Button type="submit" disabled={pending} className="self-start">
        Save settings
      </Button>
    </form>
  );
}

/**
 * The default language of new stories, then the other languages' editions: a box per
 * language (not the default one, whose edition is the main site) and that language's site
 * name, tagline and About text, folded away until they have a value or an error.
 */
function LanguageSettings({ v, e }: { v: SettingsFormValues; e: Record<string, string | undefined> }) {
  const [defaultLanguage, setDefaultLanguage] = useState(v.defaultLanguage);
  const ticked = new Set(v.editionLanguages.split(/\s+/).filter(Boolean));
  const texts: TranslatedText[] = [
    { field: "siteName", label: "Site name", placeholder: v.siteName },
    { field: "tagline", label: "Tagline", placeholder: v.tagline },
    { field: "aboutText", label: "About text", rows: 3, placeholder: v.aboutText, wide: true },
  ];
  const values = v as unknown as Record<string, string | undefined>;
  return (
    <>
      <SettingField name="defaultLanguage" label="Default language of new stories" hint="The main edition of the site, at its root address, is in this language." error={e.defaultLanguage}>
        <Select id="defaultLanguage" name="defaultLanguage" value={defaultLanguage} onChange={(ev) => setDefaultLanguage(ev.target.value)}>
          <Options items={STORY_LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
        </Select>
      </SettingField>
      <fieldset className="flex min-w-0 flex-col rounded border border-neutral-300 bg-white px-4 pt-1 pb-2" data-testid="language-editions">
        <legend className="px-1 text-sm font-semibold">Language editions</legend>
        <p className="pb-2 text-xs text-neutral-500">An edition shows the site’s stories in that language at its own address. Empty texts fall back to the ones above.</p>
        {e.editionLanguages ? (
          <p id="editionLanguages-error" className="text-sm text-red-700" data-testid="field-error">
            {e.editionLanguages}
          </p>
        ) : null}
        {STORY_LANGUAGES.map((l) => {
          const open = languageHasContent(l.code, texts, values, e);
          // The default language's inputs stay in the form, hidden, so switching back loses nothing.
          const hidden = l.code === defaultLanguage && !open;
          const name = languageName(l.code);
          return (
            <div key={l.code} className={hidden ? "hidden" : "flex flex-col gap-2 border-t border-neutral-200 py-3"} data-testid={`edition-${l.code}`}>
              <Checkbox
                name="editionLanguages"
                value={l.code}
                defaultChecked={ticked.has(l.code)}
                label={`Publish ${/^[AEIOU]/.test(l.name) ? "an" : "a"} ${l.name} edition at /${l.code}`}
                labelClassName="font-semibold"
              />
              <details open={open} className="group ps-6">
                <summary className="cursor-pointer text-sm text-neutral-700">
                  Site name, tagline and About text in {name}
                  {open ? null : <span className="ms-1 text-neutral-500 group-open:hidden">(not set)</span>}
                </summary>
                <div className="mt-2 grid gap-3 sm:grid-cols-2">
                  <LanguageTextInputs language={l.code} texts={texts} values={values} errors={e} idPrefix="settings" />
                </div>
              </details>
            </div>
          );
        })}
      </fieldset>
    </>
  );
}

/**
 * The site's logo: a photo chosen from (or uploaded to) the media library, or any address
 * typed in; shown as it will appear in the reader's header.
 */
function LogoField({ initial, error }: { initial: string; error?: string }) {
  const [logo, setLogo] = useState(initial);
  const [picking, setPicking] = useState(false);
  return (
    <SettingField name="logoUrl" label="Logo address" hint="Choose or upload it in the media library, or type an address: https://… or /path. Empty: the site name alone." error={error}>
      <Input id="logoUrl" name="logoUrl" value={logo} onChange={(ev) => setLogo(ev.target.value)} aria-invalid={!!error} />
      <div className="mt-2 flex flex-wrap items-center gap-3">
        {logo ? (
          // The logo as the header shows it (any host an admin names, so not next/image).
          // eslint-disable-next-line @next/next/no-img-element
          <img src={logo} alt="The logo as readers will see it" className="h-10 w-auto rounded border border-neutral-200 bg-white p-1" data-testid="logo-preview" />
        ) : null}
        <Button type="button" variant="secondary" onClick={() => setPicking(true)}>
          Choose from the media library
        </Button>
        {logo ? (
          <Button type="button" variant="secondary" onClick={() => setLogo("")}>
            Remove logo
          </Button>
        ) : null}
      </div>
      {picking ? (
        <div className="mt-2">
          <PhotoPicker
            title="Choose the logo"
            onClose={() => setPicking(false)}
            onChoose={(item) => {
              setLogo(item.url);
              setPicking(false);
            }}
          />
        </div>
      ) : null}
    </SettingField>
  );
}
