import { afterEach, describe, expect, it, vi } from "vitest";
import { createPollLoop } from "./poll-loop";

interface Counts {
  claimed: number;
  done: number;
}

/** A promise and the function that settles it. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const options = {
  batchSize: 3,
  pollMs: 60_000,
  errorPrefix: "[test] the queue could not be processed",
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a poll loop", () => {
  it("drain sums each count over the steps and stops after the first short batch", async () => {
    const sizes = [3, 3, 2, 3];
    const at = new Date("2030-01-01T00:00:00Z");
    const step = vi.fn(async (when?: Date) => {
      expect(when).toBe(at);
      const n = sizes.shift()!;
      return { claimed: n, done: n - 1 };
    });
    const loop = createPollLoop<Counts>({ ...options, step, onNudge: () => {} });
    expect(await loop.drain(at)).toEqual({ claimed: 8, done: 5 });
    expect(step).toHaveBeenCalledTimes(3);
    // An empty first batch ends at once, with zeros.
    const empty = createPollLoop<Counts>({ ...options, step: async () => ({ claimed: 0, done: 0 }), onNudge: () => {} });
    expect(await empty.drain()).toEqual({ claimed: 0, done: 0 });
  });

  it("runs one pass at a time: wakes during a pass run exactly one more pass after it", async () => {
    const gates: ReturnType<typeof gate>[] = [];
    let active = 0;
    let most = 0;
    const step = vi.fn(async () => {
      active += 1;
      most = Math.max(most, active);
      const g = gate();
      gates.push(g);
      await g.promise;
      active -= 1;
      return { claimed: 0, done: 0 };
    });
    const loop = createPollLoop<Counts>({ ...options, step, onNudge: () => {} });
    loop.wake();
    await settle();
    expect(step).toHaveBeenCalledTimes(1);
    loop.wake();
    loop.wake();
    await settle();
    expect(step).toHaveBeenCalledTimes(1);
    gates[0]!.open();
    await settle();
    expect(step).toHaveBeenCalledTimes(2);
    gates[1]!.open();
    await loop.stop();
    expect(step).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  it("logs a failing pass once per distinct message, and keeps going", async () => {
    const logged: string[] = [];
    const errors = ["database is down", "database is down", "timeout", "database is down"];
    const step = vi.fn(async () => {
      const e = errors.shift();
      if (e) throw new Error(e);
      return { claimed: 0, done: 0 };
    });
    const loop = createPollLoop<Counts>({ ...options, step, onNudge: () => {}, logError: (t) => logged.push(t) });
    for (let i = 0; i < 5; i++) {
      loop.wake();
      await loop.stop();
    }
    expect(step).toHaveBeenCalledTimes(5);
    expect(logged).toEqual([
      "[test] the queue could not be processed: database is down",
      "[test] the queue could not be processed: timeout",
      "[test] the queue could not be processed: database is down",
    ]);
  });

  it("logs to console.error by default", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const loop = createPollLoop<Counts>({ ...options, step: () => Promise.reject(new Error("boom")), onNudge: () => {} });
    loop.wake();
    await loop.stop();
    expect(error).toHaveBeenCalledWith("[test] the queue could not be processed: boom");
  });

  it("start registers the nudge, polls and wakes at once; stop unregisters it, waits for the pass under way, then runs onStop", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const nudges: ((() => void) | null)[] = [];
      const events: string[] = [];
      let g = gate();
      const step = vi.fn(async () => {
        events.push("step");
        await g.promise;
        events.push("step done");
        return { claimed: 0, done: 0 };
      });
      const loop = createPollLoop<Counts>({ ...options, step, onNudge: (w) => nudges.push(w), onStop: () => events.push("onStop") });
      loop.start();
      loop.start();
      expect(nudges).toEqual([loop.wake]);
      await settle();
      expect(step).toHaveBeenCalledTimes(1);
      g.open();
      await settle();
      // The timer wakes it again.
      g = gate();
      vi.advanceTimersByTime(options.pollMs);
      await settle();
      expect(step).toHaveBeenCalledTimes(2);
      const stopped = loop.stop().then(() => events.push("stopped"));
      await settle();
      expect(events).toEqual(["step", "step done", "step"]);
      expect(nudges).toEqual([loop.wake, null]);
      g.open();
      await stopped;
      expect(events).toEqual(["step", "step done", "step", "step done", "onStop", "stopped"]);
      // No more polling once stopped.
      vi.advanceTimersByTime(options.pollMs * 3);
      await settle();
      expect(step).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
