/**
 * Polling policy, pure: how long to wait before the next status query of one order.
 * Fast at first (the customer usually pays within seconds of scanning), slower later, and
 * backing off on network errors. The loop that uses it (poller.ts) keeps one request in
 * flight at most and stops at a final state, the deadline, or cancel.
 */

export interface PollStep { untilMs: number; everyMs: number }

export interface PollPolicy {
  /** Steps by elapsed time since polling started; the last step applies after the others. */
  steps: readonly PollStep[];
  /** After a failed query: base × 2^(errors−1), capped, never faster than the current step. */
  errorBaseMs: number;
  errorMaxMs: number;
}

/** Dynamic QR (precreate): ~1 s for the first 10 s, 2 s to one minute, then 5 s (Upay asks for 2 s / 5 s). */
export const QR_POLICY: PollPolicy = {
  steps: [{ untilMs: 10_000, everyMs: 1_000 }, { untilMs: 60_000, everyMs: 2_000 }, { untilMs: Infinity, everyMs: 5_000 }],
  errorBaseMs: 1_000,
  errorMaxMs: 8_000,
};

/** Customer's payment code in progress (password entry): 1 s for 10 s, then 3 s within the 45 s window. */
export const SCAN_POLICY: PollPolicy = {
  steps: [{ untilMs: 10_000, everyMs: 1_000 }, { untilMs: Infinity, everyMs: 3_000 }],
  errorBaseMs: 1_000,
  errorMaxMs: 5_000,
};

export function stepInterval(policy: PollPolicy, elapsedMs: number): number {
  for (const step of policy.steps) if (elapsedMs < step.untilMs) return step.everyMs;
  return policy.steps[policy.steps.length - 1]?.everyMs ?? 5_000;
}

/**
 * Delay before the next query. `consecutiveErrors` counts failed queries in a row (0 = the last
 * one answered). The delay never runs past the deadline: the last query lands on it.
 */
export function nextPollDelay(policy: PollPolicy, elapsedMs: number, consecutiveErrors: number, remainingMs = Infinity): number {
  let delay = stepInterval(policy, elapsedMs);
  if (consecutiveErrors > 0) {
    const backoff = Math.min(policy.errorMaxMs, policy.errorBaseMs * 2 ** (consecutiveErrors - 1));
    delay = Math.max(delay, backoff);
  }
  return Math.max(0, Math.min(delay, remainingMs));
}
