import { describe, expect, it } from "vitest";
import { instantToZonedLocal, LocalTimeError, zonedLocalToInstant } from "./zoned-time";

// Times are typed and shown in the newsroom's zone, never the process's: this file is also run
// under TZ=Asia/Kabul and TZ=America/New_York by test/tz-matrix.test.ts.
describe("newsroom wall-clock time ↔ instant", () => {
  it("Kabul (+04:30, no DST): 09:00 on 2025-03-30 is 04:30Z", () => {
    expect(zonedLocalToInstant("2025-03-30T09:00", "Asia/Kabul").toISOString()).toBe("2025-03-30T04:30:00.000Z");
  });

  it("London across the 2025-03-30 DST change uses the offset of that date, not of today", () => {
    // Scheduled on 2025-03-28 (GMT) for 09:00 on the 30th (BST, +01:00).
    expect(zonedLocalToInstant("2025-03-30T09:00", "Europe/London").toISOString()).toBe("2025-03-30T08:00:00.000Z");
    expect(zonedLocalToInstant("2025-03-29T09:00", "Europe/London").toISOString()).toBe("2025-03-29T09:00:00.000Z");
    expect(zonedLocalToInstant("2025-10-26T09:00", "Europe/London").toISOString()).toBe("2025-10-26T09:00:00.000Z");
  });

  it("refuses a wall time skipped by the DST change", () => {
    expect(() => zonedLocalToInstant("2025-03-30T01:30", "Europe/London")).toThrow(LocalTimeError);
    expect(() => zonedLocalToInstant("2025-03-30T01:30", "Europe/London")).toThrow(/does not exist in Europe\/London/);
  });

  it("accepts seconds and round-trips", () => {
    const i = zonedLocalToInstant("2025-04-01T23:59:30", "Asia/Kabul");
    expect(i.toISOString()).toBe("2025-04-01T19:29:30.000Z");
    expect(instantToZonedLocal(i, "Asia/Kabul")).toBe("2025-04-01T23:59:30");
    expect(instantToZonedLocal(new Date("2025-03-30T08:00:00Z"), "Europe/London")).toBe("2025-03-30T09:00:00");
  });

  it.each(["", "2025-03-30", "2025-03-30 09:00", "30/03/2025 09:00", "2025-13-01T09:00", "2025-02-30T09:00", "2025-03-30T24:30"])(
    "refuses %j",
    (bad) => {
      expect(() => zonedLocalToInstant(bad, "Asia/Kabul")).toThrow(LocalTimeError);
    },
  );
});
