"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Alert } from "@/components/ui/notice";
import { deleteMediaAction } from "../../actions";

/** Deletes an unused photo after a confirmation; shows the server's refusal otherwise. */
export function DeletePhotoButton({ id, disabledReason }: { id: string; disabledReason: string | null }) {
  const [error, setError] = useState("");
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant="danger"
        size="sm"
        className="self-start"
        disabled={!!disabledReason || pending}
        title={disabledReason ?? undefined}
        onClick={() => {
          if (!window.confirm("Delete this photo from the library? This cannot be undone.")) return;
          startTransition(async () => {
            const r = await deleteMediaAction(id);
            if (r?.error) setError(r.error);
          });
        }}
      >
        Delete photo
      </Button>
      {disabledReason ? <span className="text-xs text-neutral-600">{disabledReason}</span> : null}
      <Alert as="span">{error}</Alert>
    </div>
  );
}
