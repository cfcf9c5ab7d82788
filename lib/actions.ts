/**
 * One way to write a server action. Every action is a public POST endpoint, so each one:
 * reads the viewer once (desk actions), flattens and validates its input with zod, runs its
 * body, and turns what went wrong into a typed state: expected failures (AppError) keep
 * their message and field errors; anything else is logged on the server and the user gets a
 * calm message with no stack trace. Next's redirect() and notFound() pass through.
 *
 * - `deskAction(schema, fn)` / `publicAction(schema, fn)`: form actions for `useActionState`,
 *   `(previous: FormState<T>, form: FormData) => Promise<FormState<T>>`.
 * - `deskCall(name, fn)`: actions that client code calls directly with plain arguments.
 * - `toResponse(error)`: the same mapping for route handlers, as an HTTP response.
 *
 * The pattern is nextjs/saas-starter's `validatedActionWithUser` (lib/auth/middleware.ts).
 */
import "server-only";
import { z } from "zod";
import { requireViewer, type Viewer } from "./auth/viewer";
import { isAppError, parseInput, type ErrorCode } from "./errors";

/** What a form typed, echoed back so the fields keep it after a failure. */
export type FormValues = Record<string, string>;

/** A failed action: the message to show, its code, and per-field messages for forms. */
export type ActionFailure = { ok: false; error: string; code: ErrorCode | "internal"; fields?: Record<string, string> };

/**
 * The one state of every form. Idle before the first submit (`{}`); `ok: true` with an
 * optional message and data; or a failure. The keys absent from a variant are typed `never`,
 * so a form can read `state.error` or `state.message` without narrowing first.
 */
export type FormState<T = undefined> =
  | { ok?: undefined; error?: never; code?: never; fields?: never; message?: never; data?: never; values?: never }
  | { ok: true; message?: string; data?: T; values?: FormValues; error?: never; code?: never; fields?: never }
  | (ActionFailure & { values?: FormValues; message?: never; data?: never });

/** A form action as `useActionState` takes it. */
export type FormAction<T = undefined> = (previous: FormState<T>, form: FormData) => Promise<FormState<T>>;

const INTERNAL_MESSAGE = "Something went wrong on the server. Nothing was lost on this page; try again.";

/**
 * Turns an error into an action failure.
 * @param context names the action in the server log when the error is unexpected.
 */
export function toActionFailure(e: unknown, context: string): ActionFailure {
  if (isAppError(e)) return { ok: false, error: e.message, code: e.code, fields: e.fields };
  console.error(`[${context}]`, e);
  return { ok: false, error: INTERNAL_MESSAGE, code: "internal" };
}

/** Re-throws Next's control-flow signals (redirect, notFound) that must not be caught. */
export function rethrowIfNavigation(e: unknown): void {
  const digest = (e as { digest?: unknown } | null)?.digest;
  if (typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"))) throw e;
}

/**
 * FormData as a plain object: one string per field, or an array where a field repeats.
 * Next's own fields (names starting with `$`, e.g. `$ACTION_ID_…`) are left out.
 */
export function flattenForm(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const out: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$")) continue;
    const all = form.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/** The text fields of a form (the last value where a field repeats), to echo back. */
function formValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const [key, value] of form.entries()) if (!key.startsWith("$") && typeof value === "string") out[key] = value;
  return out;
}

interface FormActionOptions {
  /** Names the action in the server log. */
  name: string;
  /** Echo what was typed in `values` on failure, so the form keeps it (never for passwords). */
  keepValues?: boolean;
}

/** Runs `body`, mapping what it throws to a failure (navigation signals pass through). */
async function attempt<R>(name: string, body: () => Promise<R>): Promise<R | ActionFailure> {
  try {
    return await body();
  } catch (e) {
    rethrowIfNavigation(e);
    return toActionFailure(e, name);
  }
}

type Schema = z.ZodType;

function formAction<S extends Schema, T, Ctx>(
  schema: S,
  context: () => Promise<Ctx>,
  fn: (input: z.output<S>, ctx: Ctx, values: FormValues) => Promise<FormState<T>>,
  options: FormActionOptions,
): FormAction<T> {
  return async (_previous, form) => {
    const values = formValues(form);
    const result = await attempt(options.name, async () => {
      const ctx = await context();
      return fn(parseInput(schema, flattenForm(form)), ctx, values);
    });
    if (result.ok !== false || !options.keepValues || "values" in result) return result;
    return { ...result, values };
  };
}

/**
 * A desk form action: reads the viewer (signed out: "Your session has ended"), validates the
 * flattened form with `schema` (AppError bad_request with per-field messages), then runs `fn`.
 * @param fn gets the parsed input, the viewer and the form's text values; returns the state,
 *   or redirects.
 */
export function deskAction<S extends Schema, T = undefined>(
  schema: S,
  fn: (input: z.output<S>, viewer: Viewer, values: FormValues) => Promise<FormState<T>>,
  options: FormActionOptions,
): FormAction<T> {
  return formAction(schema, requireViewer, fn, options);
}

/** A form action for signed-out visitors (sign-in, sign-up): as `deskAction`, with no viewer. */
export function publicAction<S extends Schema, T = undefined>(
  schema: S,
  fn: (input: z.output<S>, values: FormValues) => Promise<FormState<T>>,
  options: FormActionOptions,
): FormAction<T> {
  return formAction(schema, async () => undefined, (input, _ctx, values) => fn(input, values), options);
}

/**
 * A desk action that client code calls directly (the story editor, buttons): reads the
 * viewer, runs `fn` with it and the call's arguments, and maps errors as the form actions do.
 * The arguments are not trusted: the lib call `fn` makes parses them.
 */
export function deskCall<Args extends unknown[], R>(name: string, fn: (viewer: Viewer, ...args: Args) => Promise<R>): (...args: Args) => Promise<R | ActionFailure> {
  return async (...args) => attempt(name, async () => fn(await requireViewer(), ...args));
}

/**
 * One text field of a form: the string sent, or "" when the field is absent. Lib calls
 * validate the text itself (their messages are the ones users see).
 */
export const formText = z.string().default("");

/**
 * A checkbox or toggle: true when the field was sent with the value `on` (by default "on", a
 * checkbox's value; "true" for a hidden toggle field), false when absent or different.
 */
export const formFlag = (on = "on") => z.string().optional().transform((v) => v === on);

/** Form fields handed on to a lib call that parses them itself (any field; text or repeated). */
export const formFields = z.record(z.string(), z.unknown());

/** A failure to return from an action body, e.g. when two typed passwords differ. */
export function failure(
  error: string,
  extra: { code?: ActionFailure["code"]; fields?: Record<string, string>; values?: FormValues } = {},
): ActionFailure & { values?: FormValues } {
  return { ok: false, error, code: "bad_request", ...extra };
}
