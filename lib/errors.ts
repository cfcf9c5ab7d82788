/**
 * Typed errors thrown by lib/, mapped to HTTP statuses in one table. Actions turn them into
 * `{ ok: false, error }`; route handlers into a status; anything else is unexpected and
 * reaches error.tsx with no stack trace for the user.
 */

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Per-field messages, for forms. */
  readonly fields?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = fields;
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

/**
 * Parses `raw` with a zod schema for a lib mutation.
 * @returns the parsed value.
 * @throws AppError bad_request whose message is the first problem and whose `fields` hold the
 *   first message per top-level field (for forms).
 */
export function parseInput<T>(schema: { safeParse(raw: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, raw: unknown): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    // A field in another language (`translations.<language>.<field>`) is "<field>:<language>" on forms.
    const p = issue.path;
    const name = p[0] === "translations" && p.length >= 3 ? `${String(p[2])}:${String(p[1])}` : String(p[0] ?? "form");
    fields[name] ??= issue.message;
  }
  throw new AppError("bad_request", Object.values(fields)[0] ?? "Some fields are invalid.", fields);
}

/**
 * The HTTP response for an error in a route handler: an AppError becomes its status
 * (ERROR_STATUS) with `{ error: message }`; anything else is logged and becomes a 500 with
 * `{ error: fallback }` and no stack trace.
 * @param context names the route in the server log.
 * @param fallback the message for unexpected errors.
 */
export function toResponse(e: unknown, context: string, fallback = "Something went wrong on the server. Try again."): Response {
  if (isAppError(e)) return Response.json({ error: e.message }, { status: e.status });
  console.error(`[${context}]`, e);
  return Response.json({ error: fallback }, { status: 500 });
}
