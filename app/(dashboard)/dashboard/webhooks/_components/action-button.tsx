"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";

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
  action: () => Promise<{ ok: true } | { ok: false; error: string }>;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Button
        size="xs"
        variant="secondary"
        disabled={pending}
        aria-label={ariaLabel}
        onClick={() => {
          setError("");
          start(async () => {
            const r = await action();
            if (!r.ok) setError(r.error);
            else router.refresh();
          });
        }}
      >
        {label}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
