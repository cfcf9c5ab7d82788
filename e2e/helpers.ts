import type { Browser, Page } from "@playwright/test";
import { authFile, seedFixture, type AccountKey } from "./fixtures";

/** A page in a fresh browser context signed in as `who` (saved by e2e/auth.setup.ts). */
export async function as(browser: Browser, who: AccountKey): Promise<Page> {
  const context = await browser.newContext({ storageState: authFile(who) });
  return context.newPage();
}

/** An instant as "YYYY-MM-DDTHH:mm:ss" wall-clock time in the newsroom's zone (for datetime-local fields). */
export function newsroomLocal(instant: Date, timeZone = seedFixture.site.timezone): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}
