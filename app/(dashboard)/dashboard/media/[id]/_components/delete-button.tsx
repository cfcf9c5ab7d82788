"use client";

import { useState, useTransition } from "react";
import { deleteMediaAction } from "../../actions";

/** Deletes an unused photo after a confirmation; shows the server's refusal otherwise. */
export function DeletePhotoButton({ id, disabledReason }: { id: string; disabledReason: string | null }) {
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <button
        type="button"
        disabled={!!disabledReason || pending}
        title={disabledReason ?? undefined}
        onClick={() => {
          if (!window.confirm("Delete this photo from the library? This cannot be undone.")) return;
          startTransition(async () => {
            const r = await deleteMediaAction(id);
            if (r?.error) setError(r.error);
          });
        }}
        className="self-start rounded border border-red-700 px-3 py-1.5 text-sm font-semibold text-red-700 disabled:opacity-40"
      >
        Delete photo
      </button>
      {disabledReason ? <span className="text-xs text-neutral-600">{disabledReason}</span> : null}
      {error ? <span role="alert" className="text-sm text-red-700">{error}</span> : null}
    </div>
  );
}
