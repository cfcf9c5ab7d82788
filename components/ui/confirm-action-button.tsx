"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

/**
 * A small danger button (Remove, Revoke…) that asks first, runs a server action, refreshes
 * the page when it worked and shows the action's error beside the button when it did not.
 */
export function ConfirmActionButton({
  label,
  ariaLabel,
  title,
  confirmLabel,
  action,
  children,
}: {
  label: string;
  ariaLabel: string;
  title: string;
  confirmLabel: string;
  action: () => Promise<{ ok: true } | { ok: false; error: string }>;
  /** What the confirmation says will happen. */
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  const [asking, setAsking] = useState(false);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button size="xs" variant="danger" disabled={pending} onClick={() => setAsking(true)} aria-label={ariaLabel}>
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      <ConfirmDialog
        open={asking}
        title={title}
        confirmLabel={confirmLabel}
        pending={pending}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          start(async () => {
            const r = await action();
            if (!r.ok) setError(r.error);
            else router.refresh();
          });
        }}
      >
        {children}
      </ConfirmDialog>
    </span>
  );
}
