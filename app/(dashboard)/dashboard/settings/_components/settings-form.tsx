"use client";

import { useActionState, useState } from "react";
import { PhotoPicker } from "@/components/media/photo-picker";
import { Button } from "@/components/ui/button";
import { Input, Options, Select, Textarea } from "@/components/ui/controls";
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
      <SettingField name="timeZone" label="Newsroom time zone" hint="Every date readers see, and every schedule, uses this zone." error={e.timeZone}>
        <Input id="timeZone" name="timeZone" list="time-zones" defaultValue={v.timeZone} aria-invalid={!!e.timeZone} />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </SettingField>
      <SettingField name="defaultLanguage" label="Default language of new stories" error={e.defaultLanguage}>
        <Select id="defaultLanguage" name="defaultLanguage" defaultValue={v.defaultLanguage}>
          <Options items={STORY_LANGUAGES.map((l) => ({ value: l.code, label: l.name }))} />
        </Select>
      </SettingField>
      <LogoField initial={v.logoUrl} error={e.logoUrl} />
      <FormStatus error={state.error} message={state.message} testId="settings-status" />
      <Button type="submit" disabled={pending} className="self-start">
        Save settings
      </Button>
    </form>
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
