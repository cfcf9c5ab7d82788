"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/notice";
import type { FormState } from "@/lib/actions";
import { retryMailAction } from "../actions";

/** "Retry now" for one failed or held message, with its result on the same line. */
export function RetryButton({ id, subject }: { id: string; subject: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(retryMailAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" size="xs" disabled={pending || state.ok === true} aria-label={`Retry now: ${subject}`}>
        Retry now
      </Button>
      <FormStatus as="span" error={state.error} message={state.message} />
    </form>
  );
}
