"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";
import { restoreRevisionAction } from "./actions";

/** "Restore this version": a new save with the old text; history is never rewritten. */
export function RestoreButton({ articleId, revisionId, version, label }: { articleId: string; revisionId: string; version: number; label: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(restoreRevisionAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={pending} aria-label={label} className="rounded border border-neutral-400 px-2 py-0.5 text-xs font-semibold hover:bg-neutral-100">
        Restore
      </button>
      {state.error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
