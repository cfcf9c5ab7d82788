"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ActionError, useRefreshingAction, type ActionOutcome } from "@/components/ui/refreshing-action";

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
  action: () => Promise<ActionOutcome>;
  /** What the confirmation says will happen. */
  children: React.ReactNode;
}) {
  const { run, pending, error } = useRefreshingAction();
  const [asking, setAsking] = useState(false);
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button size="xs" variant="danger" disabled={pending} onClick={() => setAsking(true)} aria-label={ariaLabel}>
        {label}
      </Button>
      <ActionError error={error} />
      <ConfirmDialog
        open={asking}
        title={title}
        confirmLabel={confirmLabel}
        pending={pending}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          run(action);
        }}
      >
        {children}
      </ConfirmDialog>
    </span>
  );
}
