"use client";

import { Button } from "@/components/ui/button";
import { ActionError, useRefreshingAction, type ActionOutcome } from "@/components/ui/refreshing-action";

/**
 * A small button (Disable, Enable, Send again) that runs a server action at once, refreshes
 * the page when it worked and shows the action's error beside it when it did not.
 */
export function ActionButton({
  label,
  ariaLabel,
  action,
}: {
  label: string;
  ariaLabel: string;
  action: () => Promise<ActionOutcome>;
}) {
  const { run, pending, error } = useRefreshingAction();
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button
        size="xs"
        variant="secondary"
        disabled={pending}
        aria-label={ariaLabel}
        onClick={() => run(action)}
      >
        {label}
      </Button>
      <ActionError error={error} />
    </span>
  );
}
