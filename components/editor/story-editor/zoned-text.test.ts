/**
 * The editor shows and types times in the newsroom's zone through lib helpers; these tests
 * pin their output to the Intl formats the editor used before (the e2e tests read the text).
 */
import { describe, expect, it } from "vitest";
import { formatDateAtTime } from "@/lib/dates/format";
import { instantToZonedLocal } from "@/lib/publishing/zoned-time";

/** The wall-clock "YYYY-MM-DDTHH:mm:ss" the editor built with Intl (en-CA, 24-hour). */
function intlZonedLocal(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "00";
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}`;
}

const instants = ["2025-03-30T00:59:59Z", "2025-03-30T01:00:00Z", "2025-10-26T00:30:00Z", "2025-12-31T23:59:59Z", "2024-02-29T12:00:00Z", "2026-06-15T19:30:05Z"];
const zones = ["UTC", "Europe/London", "Asia/Kabul", "America/New_York", "Asia/Kolkata", "Pacific/Chatham"];

describe("newsroom-zone text in the editor", () => {
  it("instantToZonedLocal matches the Intl wall-clock format", () => {
    for (const iso of instants) for (const tz of zones) expect(instantToZonedLocal(new Date(iso), tz)).toBe(intlZonedLocal(iso, tz));
  });

  it("formatDateAtTime matches Intl long date and short time", () => {
    for (const iso of instants) {
      for (const tz of zones) {
        const expected = new Intl.DateTimeFormat("en-US", { timeZone: tz, dateStyle: "long", timeStyle: "short" }).format(new Date(iso));
        expect(formatDateAtTime(new Date(iso), tz)).toBe(expected);
      }
    }
    expect(formatDateAtTime(new Date("2025-03-30T08:00:00Z"), "Europe/London")).toBe("March 30, 2025 at 9:00 AM");
  });
});
