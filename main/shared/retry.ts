/**
 * The one retry/backoff helper. Every loop that waits longer after each failure (print queue,
 * scanner reconnect, head-office sync, late-payment watch, close-out, refunds, PIN lockout)
 * takes its delays from here, with the timers injected so tests run on a fake clock.
 *
 * - `backoffDelay(policy, n)`: the wait before retry n (1, 2, …) = base·factor^(n−1), capped, jittered.
 * - `createBackoff(policy)`: the same as a counter for long-lived loops (next() after a failure,
 *   reset() after a success).
 * - `retry(fn, options)`: runs fn until it returns something other than AGAIN, at most
 *   `attempts` times, waiting the backoff between tries; an AbortSignal stops it at once.
 * The abortable wait itself is `sleep(timers, ms, signal)` in time.ts.
 */
import { sleep, type Timers } from './time';

export interface BackoffPolicy {
  /** Wait before the first retry. */
  baseMs: number;
  /** Each further wait is the previous × factor (default 2; 1 = a fixed delay). */
  factor?: number;
  /** Upper bound of one wait (default: none). */
  maxMs?: number;
  /**
   * Spread each wait by ±jitter (0…1): delay × (1 − jitter + 2·jitter·random()). Many counters
   * retrying against one server after an outage then do not all come back in step. Default 0.
   */
  jitter?: number;
}

/** A backoff with a limit on the number of tries (the first try included). */
export interface RetryPolicy extends BackoffPolicy {
  /** Tries in all, the first one included (default: no limit). */
  attempts?: number;
}

/** The wait before retry `n` (n = 1 for the first retry). Whole milliseconds. */
export function backoffDelay(policy: BackoffPolicy, n: number, random: () => number = Math.random): number {
  const factor = policy.factor ?? 2;
  const raw = policy.baseMs * factor ** Math.max(0, n - 1);
  const capped = Math.min(policy.maxMs ?? Number.POSITIVE_INFINITY, raw);
  const jitter = Math.min(1, Math.max(0, policy.jitter ?? 0));
  const spread = jitter > 0 ? capped * (1 - jitter + 2 * jitter * random()) : capped;
  return Math.max(0, Math.round(spread));
}

/** A counter over backoffDelay for loops that live long: next() after a failure, reset() after a success. */
export interface Backoff {
  /** The wait before the next try; counts one more failure. */
  next(): number;
  /** Back to the first delay (the thing worked again). */
  reset(): void;
  /** Failures since the last reset. */
  readonly failures: number;
}

export function createBackoff(policy: BackoffPolicy | (() => BackoffPolicy), random: () => number = Math.random): Backoff {
  const current = typeof policy === 'function' ? policy : () => policy;
  let failures = 0;
  return {
    next: () => backoffDelay(current(), ++failures, random),
    reset: () => { failures = 0; },
    get failures() { return failures; },
  };
}

/** Returned by a try that wants another one. */
export const AGAIN: unique symbol = Symbol('retry.again');
export type Again = typeof AGAIN;

export interface RetryOptions extends RetryPolicy {
  timers: Timers;
  signal?: AbortSignal;
  random?: () => number;
  /** A thrown error is retried when this says so; otherwise it is rethrown (default). */
  retryOnError?: (err: unknown, attempt: number) => boolean;
  /** Told before each wait (logs, status). */
  onRetry?: (info: { attempt: number; delayMs: number; error?: unknown }) => void;
}

export type RetryResult<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; reason: 'exhausted' | 'aborted'; attempts: number; lastError?: unknown };

/**
 * Runs fn(attempt) (attempt = 1, 2, …) until it returns a value that is not AGAIN. Between tries it
 * waits backoffDelay(policy, attempt). Gives up after `attempts` tries ('exhausted') or when the
 * signal aborts ('aborted'); never throws except what fn throws and retryOnError does not accept.
 */
export async function retry<T>(fn: (attempt: number) => Promise<T | Again>, opts: RetryOptions): Promise<RetryResult<T>> {
  const limit = opts.attempts ?? Number.POSITIVE_INFINITY;
  let lastError: unknown;
  for (let attempt = 1; ; attempt++) {
    if (opts.signal?.aborted) return { ok: false, reason: 'aborted', attempts: attempt - 1, lastError };
    let error: unknown;
    let failed = false;
    try {
      const value = await fn(attempt);
      if (value !== AGAIN) return { ok: true, value: value as T, attempts: attempt };
    } catch (err) {
      if (!opts.retryOnError?.(err, attempt)) throw err;
      error = lastError = err;
      failed = true;
    }
    if (attempt >= limit) return { ok: false, reason: 'exhausted', attempts: attempt, lastError };
    const delayMs = backoffDelay(opts, attempt, opts.random);
    opts.onRetry?.({ attempt, delayMs, ...(failed ? { error } : {}) });
    if (!(await sleep(opts.timers, delayMs, opts.signal))) return { ok: false, reason: 'aborted', attempts: attempt, lastError };
  }
}
