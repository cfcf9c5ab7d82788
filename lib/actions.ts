/**
 * Turning errors into what a server action returns. Expected failures (AppError) keep their
 * message and field errors; anything else is logged on the server and the user gets a calm
 * message with no stack trace.
 */
import { isAppError, type ErrorCode } from "./errors";

export type ActionFailure = { ok: false; error: string; code: ErrorCode | "internal"; fields?: Record<string, string> };

export function toActionFailure(e: unknown, context: string): ActionFailure {
  if (isAppError(e)) return { ok: false, error: e.message, code: e.code, fields: e.fields };
  console.error(`[${context}]`, e);
  return { ok: false, error: "Something went wrong on the server. Nothing was lost on this page; try again.", code: "internal" };
}

/** Re-throws Next's control-flow signals (redirect, notFound) that must not be caught. */
export function rethrowIfNavigation(e: unknown): void {
  const digest = (e as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))) throw e;
}
