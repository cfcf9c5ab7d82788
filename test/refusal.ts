/**
 * Helpers for data-layer tests of refusals and of times typed on the desk.
 */
import { expect } from "vitest";
import { AppError } from "@/lib/errors";

/**
 * The AppError a promise rejects with. Fails the test when the promise resolves, or rejects
 * with anything that is not an AppError (a refusal people see always is one).
 */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** `refusal` as "code: message", for one-line assertions. */
export async function refusalText(p: Promise<unknown>): Promise<string> {
  const e = await refusal(p);
  return `${e.code}: ${e.message}`;
}

/**
 * An instant as Kabul wall-clock time, "YYYY-MM-DDTHH:mm:ss", the way the desk's time fields
 * send it (Asia/Kabul is UTC+04:30 all year, with no daylight saving time).
 */
export function kabulLocal(instant: Date): string {
  return new Date(instant.getTime() + 4.5 * 3_600_000).toISOString().slice(0, 19);
}
