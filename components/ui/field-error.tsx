"use client";

import { useEffect, useState } from "react";

/**
 * A field's error message, hidden as soon as the person edits the field it is about, and shown
 * again when the form is sent (the answer to that submission decides). A message that stays
 * after the field was fixed reads as "still wrong" and sends people hunting for a fault that
 * is gone.
 * @param controlId the id of the field's control (input, select, textarea).
 */
export function FieldError({ controlId, id, message }: { controlId: string; id?: string; message: string }) {
  const [edited, setEdited] = useState(false);
  useEffect(() => {
    const control = document.getElementById(controlId);
    if (!control) return;
    const form = (control as HTMLInputElement).form ?? control.closest("form");
    const onEdit = () => setEdited(true);
    const onSubmit = () => setEdited(false);
    control.addEventListener("input", onEdit);
    control.addEventListener("change", onEdit);
    form?.addEventListener("submit", onSubmit);
    return () => {
      control.removeEventListener("input", onEdit);
      control.removeEventListener("change", onEdit);
      form?.removeEventListener("submit", onSubmit);
    };
  }, [controlId]);
  if (edited) return null;
  return (
    <p id={id} className="text-sm text-red-700" data-testid="field-error">
      {message}
    </p>
  );
}
