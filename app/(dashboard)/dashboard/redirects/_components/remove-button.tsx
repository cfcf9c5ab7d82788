"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { removeLegacyRedirectAction } from "../actions";

/** Remove on one old address, after a confirmation; an error shows beside it. */
export function RemoveRedirectButton({ path }: { path: string }) {
  return (
    <ConfirmActionButton label="Remove" ariaLabel={`Remove ${path}`} title="Remove this old address?" confirmLabel="Remove" action={() => removeLegacyRedirectAction(path)}>
      <p>
        <code>{path}</code> will answer “Page not found” from now on.
      </p>
    </ConfirmActionButton>
  );
}
