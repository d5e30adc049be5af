/**
 * The polling loop for one order: waits per the policy, runs one query at a time (never two
 * in flight), and ends at a final state, at the deadline, or when stopped. `stop()` resolves
 * only after an in-flight query has returned, so the caller can then cancel safely.
 */
import { nextPollDelay, type PollPolicy } from './poll-policy';
import type { Clock, Timers } from './time';

/** What one query told the loop: keep going, the order is final, or the query failed. */
export type TickResult = 'continue' | 'final' | 'error';
/** 'exhausted': the policy's `maxQueries` unpaid answers came in (a platform rule, e.g. 招商银行's 10). */
export type PollEnd = 'final' | 'deadline' | 'exhausted' | 'stopped';

export interface PollRun {
  readonly done: Promise<PollEnd>;
  stop(): Promise<void>;
}

export interface PollOptions {
  policy: PollPolicy;
  clock: Clock;
  timers: Timers;
  deadline: number;
  tick: () => Promise<TickResult>;
  /** When polling began (defaults to now); elapsed time picks the policy step. */
  startedAt?: number;
  /** Wait before the first query; default: the policy's `firstDelayMs` after `startedAt`, else its first step. */
  firstDelayMs?: number;
}

export function runPoll(opts: PollOptions): PollRun {
  const { policy, clock, timers, deadline, tick } = opts;
  const startedAt = opts.startedAt ?? clock.now();
  let stopped = false;
  let timer: unknown = null;
  let inFlight: Promise<unknown> | null = null;
  let errors = 0;
  let unpaid = 0;
  let finish!: (end: PollEnd) => void;
  const done = new Promise<PollEnd>((resolve) => { finish = resolve; });

  const schedule = (delay: number) => {
    timer = timers.setTimeout(() => { timer = null; void step(); }, delay);
  };

  const step = async () => {
    if (stopped) return;
    const attempt = tick();
    inFlight = attempt;
    let result: TickResult;
    try { result = await attempt; } catch { result = 'error'; }
    inFlight = null;
    if (stopped) return;
    if (result === 'final') { stopped = true; finish('final'); return; }
    errors = result === 'error' ? errors + 1 : 0;
    if (result === 'continue') unpaid++;
    if (policy.maxQueries !== undefined && unpaid >= policy.maxQueries) { stopped = true; finish('exhausted'); return; }
    const now = clock.now();
    if (now >= deadline) { stopped = true; finish('deadline'); return; }
    schedule(nextPollDelay(policy, now - startedAt, errors, deadline - now));
  };

  const now = clock.now();
  if (now >= deadline) { stopped = true; finish('deadline'); }
  else {
    const first = opts.firstDelayMs
      ?? (policy.firstDelayMs !== undefined ? Math.max(0, startedAt + policy.firstDelayMs - now) : nextPollDelay(policy, now - startedAt, 0));
    schedule(Math.min(first, deadline - now));
  }

  return {
    done,
    async stop() {
      if (!stopped) { stopped = true; finish('stopped'); }
      if (timer !== null) { timers.clearTimeout(timer); timer = null; }
      if (inFlight) await inFlight.catch(() => undefined);
    },
  };
}
