import { describe, expect, it } from "vitest";
import { dateLocaleFor, formatDateTime, formatLongDate, formatTimeOfDay, isoDateInZone, isValidTimeZone } from "./format";

describe("dates for readers, in the newsroom's zone", () => {
  it("writes the seed page's date in Asia/Kabul (+04:30)", () => {
    expect(formatLongDate(new Date("2017-03-18T06:00:00Z"), "Asia/Kabul")).toBe("March 18, 2017");
  });

  it("uses the half-hour offset: 19:29Z is still the same Kabul day, 19:30Z is the next", () => {
    expect(formatLongDate(new Date("2017-03-18T19:29:59Z"), "Asia/Kabul")).toBe("March 18, 2017");
    expect(formatLongDate(new Date("2017-03-18T19:30:00Z"), "Asia/Kabul")).toBe("March 19, 2017");
    // In UTC the same instant is still the 18th: the server's zone must not decide.
    expect(formatLongDate(new Date("2017-03-18T19:30:00Z"), "UTC")).toBe("March 18, 2017");
  });

  it("follows DST in Europe/London (the offset of the date itself, not of today)", () => {
    // 2025-03-30: GMT until 01:00Z, BST (+01:00) after.
    expect(formatDateTime(new Date("2025-03-30T00:30:00Z"), "Europe/London")).toBe("March 30, 2025 at 12:30 AM");
    expect(formatDateTime(new Date("2025-03-30T08:00:00Z"), "Europe/London")).toBe("March 30, 2025 at 9:00 AM");
    expect(formatDateTime(new Date("2025-03-30T04:30:00Z"), "Asia/Kabul")).toBe("March 30, 2025 at 9:00 AM");
  });

  it("gives the calendar date in the zone", () => {
    expect(isoDateInZone(new Date("2018-10-21T03:03:48Z"), "Asia/Kabul")).toBe("2018-10-21");
    expect(isoDateInZone(new Date("2018-10-20T20:00:00Z"), "Asia/Kabul")).toBe("2018-10-21");
    expect(isoDateInZone(new Date("2018-10-20T20:00:00Z"), "America/New_York")).toBe("2018-10-20");
  });

  it("writes Dari and Pashto dates in the Afghan solar calendar, without an era prefix", () => {
    const d = new Date("2017-03-18T06:00:00Z");
    expect(dateLocaleFor("fa", "en-US")).toBe("fa-AF");
    expect(formatLongDate(d, "Asia/Kabul", "fa-AF")).toBe("۲۸ حوت ۱۳۹۵");
    const ps = formatLongDate(d, "Asia/Kabul", dateLocaleFor("ps", "en-US"));
    expect(ps.startsWith("۲۸ ")).toBe(true);
    expect(ps).not.toMatch(/AP/);
  });

  it("writes the time of day in the zone and the language's own digits, Pashto without an era", () => {
    const d = new Date("2026-12-06T09:05:00Z"); // 13:35 in Kabul
    expect(formatTimeOfDay(d, "Asia/Kabul")).toBe("1:35 PM");
    expect(formatTimeOfDay(d, "Asia/Kabul", "fa-AF")).toBe("۱۳:۳۵");
    expect(formatDateTime(d, "Asia/Kabul", "fa-AF")).toContain("۱۵ قوس ۱۴۰۵");
    const ps = formatDateTime(d, "Asia/Kabul", "ps-AF");
    expect(ps.startsWith("۱۵ ")).toBe(true);
    expect(ps).toContain("۱۳:۳۵");
    expect(ps).not.toMatch(/AP/);
    expect(() => formatTimeOfDay(new Date("nope"), "UTC")).toThrow(RangeError);
  });

  it("rejects invalid dates and zones", () => {
    expect(() => formatLongDate(new Date("nope"), "UTC")).toThrow(RangeError);
    expect(() => formatLongDate(new Date(), "Mars/Olympus")).toThrow(RangeError);
    expect(isValidTimeZone("Asia/Kabul")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
