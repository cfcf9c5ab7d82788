"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/actions";
import { restoreRevisionAction } from "../actions";

/** "Restore this version": a new save with the old text; history is never rewritten. */
export function RestoreButton({ storyId, revisionId, version, label }: { storyId: string; revisionId: string; version: number; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(restoreRevisionAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="storyId" value={storyId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" disabled={pending} aria-label={label} variant="secondary" size="xs">
        Restore
      </Button>
      {state.error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
