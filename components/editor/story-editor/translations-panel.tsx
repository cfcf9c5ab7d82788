"use client";

/**
 * The story's versions in other languages, in the editor's side column (a saved story): each
 * linked version with its headline and desk status, a link to open it, and "Translate into …"
 * for each desk language the group lacks. A translation starts as a draft copy of the saved
 * story; the editor then opens it.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/notice";
import { StatusBadge } from "@/components/dashboard/status-mark";
import { STORY_LANGUAGES } from "@/lib/i18n/languages";
import type { DeskStatus } from "@/lib/stories/story-schema";
import type { EditorActions, EditorTranslations } from "./types";

/** A desk language's English name without its endonym ("fa" → "Dari"), or the code. */
export function plainLanguageName(code: string): string {
  const name = STORY_LANGUAGES.find((l) => l.code === code)?.name;
  return name ? name.replace(/\s*\(.*\)$/, "") : code;
}

/**
 * The "Translations" section for the story `storyId`. `status` and `title` are this version's
 * as the editor holds them (they change with its saves); `dirty` tells of unsaved changes.
 */
export function TranslationsPanel(props: {
  storyId: string;
  translations: EditorTranslations;
  status: DeskStatus;
  title: string;
  dirty: boolean;
  create: EditorActions["translations"]["create"];
}) {
  const { storyId, translations, dirty } = props;
  const router = useRouter();
  const [error, setError] = useState("");
  // A draft made while text was typed meanwhile: offered as a link rather than opened.
  const [made, setMade] = useState<{ id: string; language: string } | null>(null);
  const [pending, start] = useTransition();
  const dirtyRef = useRef(dirty);
  useEffect(() => {
    dirtyRef.current = dirty;
  }, [dirty]);

  const versions = translations.versions.map((v) => (v.id === storyId ? { ...v, status: props.status, title: props.title.trim() || v.title } : v));
  const missing = STORY_LANGUAGES.filter((l) => !versions.some((v) => v.language === l.code));

  const translate = (language: string) => {
    setError("");
    setMade(null);
    start(async () => {
      const r = await props.create(storyId, language);
      if (!r.ok) return setError(r.error);
      if (dirtyRef.current) setMade({ id: r.id, language });
      else router.push(`/dashboard/stories/${r.id}`);
    });
  };

  return (
    <section aria-labelledby="translations-heading" className="flex flex-col gap-2 rounded border border-neutral-200 bg-white p-3 text-sm" data-testid="translations">
      <h2 id="translations-heading" className="font-semibold">
        Translations
      </h2>
      {versions.length > 1 ? (
        <ul className="flex flex-col gap-2" aria-label="Versions of this story">
          {versions.map((v) => {
            const current = v.id === storyId;
            return (
              <li key={v.id} className="flex flex-col gap-1 border-t border-neutral-100 pt-2 first:border-t-0 first:pt-0" data-testid="translation-version" data-language={v.language}>
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold">{plainLanguageName(v.language)}</span>
                  <StatusBadge status={v.status} />
                  {current ? <span className="text-xs text-neutral-600">this version</span> : null}
                </span>
                {/* The headline runs in its own direction but lines up with the list. */}
                {current ? (
                  <span className="break-words text-neutral-800">
                    <bdi>{v.title || "(no headline)"}</bdi>
                  </span>
                ) : (
                  <span className="break-words">
                    <Link href={`/dashboard/stories/${v.id}`} className="text-neutral-900 underline hover:text-neutral-700">
                      <bdi>{v.title || "(no headline)"}</bdi>
                    </Link>
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-xs text-neutral-600">No other language versions yet.</p>
      )}
      {translations.canTranslate && missing.length > 0 ? (
        <div className="flex flex-col items-start gap-2 border-t border-neutral-100 pt-2">
          {/*
            With unsaved changes the buttons wait rather than save on the user's behalf: a
            translation copies the saved story, and a save made for it could publish an edit to
            readers (a live story's save is an update or a minor edit, the user's choice) or be
            refused, while the user thought they were only starting a translation.
          */}
          {missing.map((l) => (
            <Button key={l.code} size="sm" variant="secondary" disabled={dirty || pending} onClick={() => translate(l.code)} aria-describedby={dirty ? "translations-save-first" : undefined}>
              Translate into {plainLanguageName(l.code)}
            </Button>
          ))}
          {dirty ? (
            <p id="translations-save-first" className="text-xs text-neutral-600">
              Save first: a translation starts from the saved version.
            </p>
          ) : (
            <p className="text-xs text-neutral-600">Makes a draft with this headline, text, tags and photo to translate.</p>
          )}
        </div>
      ) : null}
      {made ? (
        <p role="status" className="text-xs">
          The {plainLanguageName(made.language)} draft is ready:{" "}
          <Link href={`/dashboard/stories/${made.id}`} className="font-semibold underline">
            open it
          </Link>{" "}
          once this story is saved.
        </p>
      ) : null}
      <Alert testId="translations-error">{error}</Alert>
    </section>
  );
}
