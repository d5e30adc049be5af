import { describe, expect, it } from 'vitest';
import { nextPollDelay, QR_POLICY, SCAN_POLICY, stepInterval, type PollPolicy } from '../../../../main/checkout/poll-policy';

describe('QR polling steps (customer scans the dynamic QR)', () => {
  it('asks about every second for the first 10 s, every 2 s to one minute, then every 5 s', () => {
    expect([0, 999, 9_999].map((t) => stepInterval(QR_POLICY, t))).toEqual([1_000, 1_000, 1_000]);
    expect([10_000, 30_000, 59_999].map((t) => stepInterval(QR_POLICY, t))).toEqual([2_000, 2_000, 2_000]);
    expect([60_000, 239_000, 10_000_000].map((t) => stepInterval(QR_POLICY, t))).toEqual([5_000, 5_000, 5_000]);
  });
});

describe('payment-code polling steps (customer typing a password)', () => {
  it('asks every second for 10 s, then every 3 s', () => {
    expect(stepInterval(SCAN_POLICY, 9_999)).toBe(1_000);
    expect(stepInterval(SCAN_POLICY, 10_000)).toBe(3_000);
    expect(stepInterval(SCAN_POLICY, 44_000)).toBe(3_000);
  });
});

describe('nextPollDelay', () => {
  it('backs off on consecutive failed queries: 1, 2, 4, 8 s, capped at 8 s for QR and 5 s for scan', () => {
    expect([1, 2, 3, 4, 5, 10].map((e) => nextPollDelay(QR_POLICY, 0, e))).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect([1, 2, 3, 4, 5].map((e) => nextPollDelay(SCAN_POLICY, 0, e))).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });

  it('never polls faster than the current step because of an error', () => {
    expect(nextPollDelay(QR_POLICY, 70_000, 1)).toBe(5_000);
    expect(nextPollDelay(QR_POLICY, 70_000, 3)).toBe(5_000);
    expect(nextPollDelay(QR_POLICY, 70_000, 4)).toBe(8_000);
  });

  it('goes back to the normal step as soon as a query answers', () => {
    expect(nextPollDelay(QR_POLICY, 20_000, 0)).toBe(2_000);
  });

  it('never waits past the deadline: the last query lands on it', () => {
    expect(nextPollDelay(QR_POLICY, 70_000, 0, 1_200)).toBe(1_200);
    expect(nextPollDelay(QR_POLICY, 0, 4, 300)).toBe(300);
    expect(nextPollDelay(QR_POLICY, 0, 0, 0)).toBe(0);
    expect(nextPollDelay(QR_POLICY, 0, 0, -50)).toBe(0);
  });

  it('uses the last step for elapsed times past every step, and 5 s for an empty policy', () => {
    const finite: PollPolicy = { steps: [{ untilMs: 1_000, everyMs: 100 }, { untilMs: 2_000, everyMs: 700 }], errorBaseMs: 1, errorMaxMs: 1 };
    expect(stepInterval(finite, 5_000)).toBe(700);
    expect(stepInterval({ steps: [], errorBaseMs: 1, errorMaxMs: 1 }, 0)).toBe(5_000);
  });
});
