/**
 * Polling policy, pure: how long to wait before the next status query of one order. The rules
 * are the platform's (`Aggregator.pollPolicy`: aggregator/upay/poll-policy.ts,
 * aggregator/cmb/poll-policy.ts); this file applies them. The loop that uses it (poller.ts)
 * keeps one request in flight at most and stops at a final state, the deadline, the policy's
 * query limit, or cancel.
 */
import type { Aggregator, PlatformPollPolicy, PollPolicy } from '../aggregator/types';
import { UPAY_POLL_POLICY } from '../aggregator/upay/poll-policy';
import { backoffDelay } from '../shared/retry';

export type { PollPolicy, PollStep, PlatformPollPolicy } from '../aggregator/types';

/** 收钱吧's policies, the defaults for a driver that brings none. */
export const QR_POLICY: PollPolicy = UPAY_POLL_POLICY.qr;
export const SCAN_POLICY: PollPolicy = UPAY_POLL_POLICY.scan;

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
    // The shared backoff (main/shared/retry.ts): base × 2^(errors−1), capped, no jitter.
    delay = Math.max(delay, backoffDelay({ baseMs: policy.errorBaseMs, factor: 2, maxMs: policy.errorMaxMs }, consecutiveErrors));
  }
  return Math.max(0, Math.min(delay, remainingMs));
}

/** When the first query is due, counted from the order's creation. */
export function firstPollDelay(policy: PollPolicy): number {
  return policy.firstDelayMs ?? stepInterval(policy, 0);
}

/**
 * How long polling lasts when every query answers: the time of the `maxQueries`-th query, or
 * Infinity without a limit. The checkout's window is the shorter of this and the shop's setting,
 * so the countdown on screen ends when the platform's rules end the order.
 */
export function policyWindowMs(policy: PollPolicy): number {
  if (policy.maxQueries === undefined) return Infinity;
  let t = firstPollDelay(policy);
  for (let n = 1; n < policy.maxQueries; n++) t += stepInterval(policy, t);
  return t;
}

/** Every interval × `scale` (tests and demos shorten a platform's real waits; 1 = as documented). */
export function scalePolicy(policy: PollPolicy, scale: number): PollPolicy {
  if (scale === 1) return policy;
  const ms = (v: number) => Math.max(1, Math.round(v * scale));
  return {
    ...policy,
    steps: policy.steps.map((s) => ({ untilMs: s.untilMs === Infinity ? Infinity : ms(s.untilMs), everyMs: ms(s.everyMs) })),
    errorBaseMs: ms(policy.errorBaseMs),
    errorMaxMs: ms(policy.errorMaxMs),
    ...(policy.firstDelayMs !== undefined ? { firstDelayMs: ms(policy.firstDelayMs) } : {}),
  };
}

/** The rules for one payment: an explicit override (bench), else the driver's, else 收钱吧's. */
export function platformPolicy(aggregator: Pick<Aggregator, 'pollPolicy'>, override?: { qr: PollPolicy; scan: PollPolicy }): PlatformPollPolicy {
  const base = aggregator.pollPolicy ?? UPAY_POLL_POLICY;
  return override ? { ...base, qr: override.qr, scan: override.scan } : base;
}
