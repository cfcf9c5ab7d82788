/**
 * Result and error lines of forms. Server Component safe (no hooks).
 */

/**
 * A form's result line, always rendered so assistive technology announces each change
 * (role "status" is a polite live region): the error in red, else the message in green, else
 * empty.
 */
export function FormStatus({ error, message, testId, as: Tag = "p" }: { error?: string; message?: string; testId?: string; as?: "p" | "span" }) {
  return (
    <Tag role="status" aria-live="polite" className={`text-sm ${error ? "text-red-700" : "text-green-800"}`} data-testid={testId}>
      {error ?? message ?? ""}
    </Tag>
  );
}

/**
 * An error announced at once (role "alert"). Renders nothing when empty, unless `reserve` is
 * set: then the line is always there, one line high, so the form does not jump when it fills.
 */
export function Alert({ children, testId, reserve = false, as: Tag = "p" }: { children?: React.ReactNode; testId?: string; reserve?: boolean; as?: "p" | "span" }) {
  if (!reserve && !children) return null;
  return (
    <Tag role="alert" aria-live={reserve ? "assertive" : undefined} className={`text-sm text-red-700${reserve ? " min-h-5" : ""}`} data-testid={testId}>
      {children ?? ""}
    </Tag>
  );
}
