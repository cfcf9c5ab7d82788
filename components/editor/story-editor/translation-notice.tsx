"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/notice";
import { formatDateAtTime } from "@/lib/dates/format";
import type { EditorActions, EditorTranslations } from "./types";
import { plainLanguageName } from "./translations-panel";

/**
 * At the top of a translation whose source was updated after it: when (in the newsroom's
 * zone), a link to the source, and "Mark as caught up", which records that this version now
 * reflects the source and takes the notice away.
 */
export function TranslationBehindNotice(props: {
  storyId: string;
  behind: NonNullable<EditorTranslations["behind"]>;
  timeZone: string;
  /** The viewer may edit this version (only then "Mark as caught up"). */
  canMark: boolean;
  markCaughtUp: EditorActions["translations"]["markCaughtUp"];
}) {
  const { behind, timeZone } = props;
  const [done, setDone] = useState(false);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  if (done) return null;
  const name = plainLanguageName(behind.sourceLanguage);
  return (
    <section aria-label="Source updated" className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="translation-behind">
      <p>
        The {name} version was updated after this translation (on {formatDateAtTime(new Date(behind.sourceChangedAt), timeZone)}, {timeZone}).{" "}
        <Link href={`/dashboard/stories/${behind.sourceId}`} className="font-semibold underline">
          Open the {name} version
        </Link>
      </p>
      {props.canMark ? (
        <div>
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => {
              setError("");
              start(async () => {
                const r = await props.markCaughtUp(props.storyId);
                if (r.ok) setDone(true);
                else setError(r.error);
              });
            }}
          >
            Mark as caught up
          </Button>
        </div>
      ) : null}
      <Alert>{error}</Alert>
    </section>
  );
}
