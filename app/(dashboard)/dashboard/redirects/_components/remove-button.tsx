"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { removeLegacyRedirectAction } from "../actions";

/** Remove on one old address, after a confirmation; an error shows beside it. */
export function RemoveRedirectButton({ path }: { path: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  const [asking, setAsking] = useState(false);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button size="xs" variant="danger" disabled={pending} onClick={() => setAsking(true)} aria-label={`Remove ${path}`}>
        Remove
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      <ConfirmDialog
        open={asking}
        title="Remove this old address?"
        confirmLabel="Remove"
        pending={pending}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          start(async () => {
            const r = await removeLegacyRedirectAction(path);
            if (!r.ok) setError(r.error);
            else router.refresh();
          });
        }}
      >
        <p>
          <code>{path}</code> will answer “Page not found” from now on.
        </p>
      </ConfirmDialog>
    </span>
  );
}
