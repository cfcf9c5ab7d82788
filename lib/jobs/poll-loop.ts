/**
 * The run loop of a background worker that works through a table in batches (the mail outbox,
 * webhook deliveries): `step` handles one batch; the loop drains, wakes, polls and stops.
 *
 * - `drain` steps until a batch comes back short (`claimed < batchSize`), summing each count.
 * - `wake` runs a drain now. One pass runs at a time: a wake during a pass marks that another
 *   pass is wanted, and exactly one more runs after it, however many wakes came. A pass that
 *   throws is logged (`<errorPrefix>: <message>`) once per distinct message in a row, so a
 *   database that is down does not flood the log; the loop keeps going.
 * - `start` wakes every `pollMs` (the timer does not keep the process alive), registers `wake`
 *   with `onNudge`, and wakes at once; a second `start` does nothing.
 * - `stop` stops polling, unregisters the nudge (`onNudge(null)`), waits for the pass under
 *   way (and any pass it asked for), then runs `onStop`.
 *
 * No `server-only` marker: instrumentation-node.ts starts the workers built on it.
 */

/** A step's result: how many rows it claimed, and other counts, all numbers. */
export type StepCounts<R> = { claimed: number } & { [K in keyof R]: number };

/** What a poll loop is made of. */
export interface PollLoopOptions<R extends StepCounts<R>> {
  /** One pass over one batch, due at `at` (default: the step's own clock). */
  step: (at?: Date) => Promise<R>;
  /** Rows a step claims at most; a step that claims fewer ends a drain. */
  batchSize: number;
  /** How often `start`ed, the loop wakes by itself, in ms. */
  pollMs: number;
  /** Registers the wake-up other code in this process calls; null unregisters it. */
  onNudge: (wake: (() => void) | null) => void;
  /** Starts the line logged when a pass fails, e.g. "[mail] the outbox could not be processed". */
  errorPrefix: string;
  /** Runs at the end of `stop`, once no pass is under way (e.g. to close a connection). */
  onStop?: () => void;
  /** Where failures are logged. Default: console.error. */
  logError?: (text: string) => void;
}

/** A running (or startable) loop around one `step`. */
export interface PollLoop<R> {
  /** Steps until a batch comes back short. @returns each count summed over the steps. */
  drain(at?: Date): Promise<R>;
  /** Asks for a pass now (one runs at a time; a wake during one runs another after it). */
  wake(): void;
  /** Polls every `pollMs`, answers the nudge, and wakes now. */
  start(): void;
  /** Stops polling and the nudge, waits for the pass under way, then runs `onStop`. */
  stop(): Promise<void>;
}

/** Creates a loop around `options.step` (not started). */
export function createPollLoop<R extends StepCounts<R>>(options: PollLoopOptions<R>): PollLoop<R> {
  const { step, batchSize, pollMs, onNudge, errorPrefix, onStop } = options;
  const logError = options.logError ?? ((text: string) => console.error(text));
  let poll: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  let lastError = "";

  async function drain(at?: Date): Promise<R> {
    let total: R | undefined;
    for (;;) {
      const r = await step(at);
      if (total) for (const k of Object.keys(total) as (keyof R)[]) (total[k] as number) += r[k];
      else total = { ...r };
      if (r.claimed < batchSize) return total;
    }
  }

  function wake(): void {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await drain();
          lastError = "";
        } catch (e) {
          const message = e instanceof Error ? e.message : String(e);
          if (message !== lastError) logError(`${errorPrefix}: ${message}`);
          lastError = message;
        }
      } while (again);
    })().finally(() => {
      running = null;
    });
  }

  return {
    drain,
    wake,
    start() {
      if (poll) return;
      poll = setInterval(wake, pollMs);
      poll.unref();
      onNudge(wake);
      wake();
    },
    async stop() {
      if (poll) clearInterval(poll);
      poll = undefined;
      onNudge(null);
      while (running) await running;
      onStop?.();
    },
  };
}
