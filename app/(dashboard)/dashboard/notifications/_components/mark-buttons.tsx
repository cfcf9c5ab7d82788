"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { markAllReadAction, markReadAction, type MarkResult } from "../actions";

/** Runs a mark action, then refreshes the page (and the header's count); a refusal shows beside the button. */
function useMark() {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  const run = (call: () => Promise<MarkResult>) =>
    start(async () => {
      const r = await call();
      if (!r.ok) setError(r.error);
      else router.refresh();
    });
  return { pending, error, run };
}

function Failure({ error }: { error: string }) {
  return error ? (
    <span role="alert" className="text-xs text-red-700">
      {error}
    </span>
  ) : null;
}

/** "Mark read" on one notification; `message` names it for screen readers. */
export function MarkReadButton({ id, message }: { id: string; message: string }) {
  const { pending, error, run } = useMark();
  return (
    <span className="flex items-center gap-2">
      <Button size="xs" variant="secondary" disabled={pending} onClick={() => run(() => markReadAction(id))} aria-label={`Mark read: ${message}`}>
        Mark read
      </Button>
      <Failure error={error} />
    </span>
  );
}

/** "Mark all read". */
export function MarkAllReadButton() {
  const { pending, error, run } = useMark();
  return (
    <span className="flex items-center gap-2">
      <Button size="sm" variant="secondary" disabled={pending} onClick={() => run(() => markAllReadAction())}>
        Mark all read
      </Button>
      <Failure error={error} />
    </span>
  );
}
