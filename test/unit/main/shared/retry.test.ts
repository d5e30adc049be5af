import { describe, expect, it } from 'vitest';
import { AGAIN, backoffDelay, createBackoff, retry } from '../../../../main/shared/retry';
import { sleep } from '../../../../main/shared/time';
import { FakeTime, flushMicrotasks } from '../../../support/fake-time';

describe('backoffDelay', () => {
  it('grows by the factor from the base and stops at the cap', () => {
    const policy = { baseMs: 1_000, factor: 2, maxMs: 30_000 };
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(policy, n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it('doubles by default, has no cap by default, and factor 1 is a fixed delay', () => {
    expect([1, 2, 3].map((n) => backoffDelay({ baseMs: 200 }, n))).toEqual([200, 400, 800]);
    expect(backoffDelay({ baseMs: 5 }, 40)).toBeGreaterThan(1e12);
    expect([1, 2, 3].map((n) => backoffDelay({ baseMs: 2_000, factor: 1 }, n))).toEqual([2_000, 2_000, 2_000]);
  });

  it('rounds fractional factors to whole milliseconds', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay({ baseMs: 2_000, factor: 1.6, maxMs: 60_000 }, n))).toEqual([2_000, 3_200, 5_120, 8_192]);
  });

  it('spreads by ±jitter around the capped delay, using the injected random', () => {
    const policy = { baseMs: 1_000, maxMs: 4_000, jitter: 0.25 };
    expect(backoffDelay(policy, 1, () => 0)).toBe(750);
    expect(backoffDelay(policy, 1, () => 0.5)).toBe(1_000);
    expect(backoffDelay(policy, 1, () => 1)).toBe(1_250);
    expect(backoffDelay(policy, 9, () => 1)).toBe(5_000); // the cap, then the spread
  });
});

describe('createBackoff', () => {
  it('counts failures, and reset() goes back to the first delay', () => {
    const b = createBackoff({ baseMs: 200, maxMs: 1_000 });
    expect([b.next(), b.next(), b.next(), b.next()]).toEqual([200, 400, 800, 1_000]);
    expect(b.failures).toBe(4);
    b.reset();
    expect(b.failures).toBe(0);
    expect(b.next()).toBe(200);
  });

  it('reads a policy function on every step (settings changed while retrying)', () => {
    let policy = { baseMs: 100, factor: 2 };
    const b = createBackoff(() => policy);
    expect(b.next()).toBe(100);
    policy = { baseMs: 1_000, factor: 2 };
    expect(b.next()).toBe(2_000);
  });
});

describe('sleep', () => {
  it('waits on the injected timers and resolves true', async () => {
    const time = new FakeTime();
    let done: boolean | undefined;
    void sleep(time, 500).then((v) => { done = v; });
    await time.advanceAsync(499);
    expect(done).toBeUndefined();
    await time.advanceAsync(1);
    expect(done).toBe(true);
  });

  it('ends at once with false when aborted, and clears its timer', async () => {
    const time = new FakeTime();
    const ac = new AbortController();
    const p = sleep(time, 60_000, ac.signal);
    expect(time.size).toBe(1);
    ac.abort();
    expect(await p).toBe(false);
    expect(time.size).toBe(0);
    expect(await sleep(time, 10, ac.signal)).toBe(false); // already aborted: no timer at all
    expect(time.size).toBe(0);
  });
});

describe('retry', () => {
  it('tries again after each backoff delay until fn gives a value', async () => {
    const time = new FakeTime(0);
    const triedAt: number[] = [];
    const result = await time.drain(retry(async (attempt) => {
      triedAt.push(time.now());
      return attempt < 4 ? AGAIN : `done on ${attempt}`;
    }, { timers: time, baseMs: 1_000, factor: 3, maxMs: 5_000 }));
    expect(result).toEqual({ ok: true, value: 'done on 4', attempts: 4 });
    expect(triedAt).toEqual([0, 1_000, 4_000, 9_000]);
  });

  it('gives up after the number of attempts without a last wait', async () => {
    const time = new FakeTime(0);
    const triedAt: number[] = [];
    const result = await time.drain(retry(async () => { triedAt.push(time.now()); return AGAIN; }, { timers: time, baseMs: 2_000, factor: 1, attempts: 3 }));
    expect(result).toEqual({ ok: false, reason: 'exhausted', attempts: 3 });
    expect(triedAt).toEqual([0, 2_000, 4_000]);
    expect(time.size).toBe(0);
  });

  it('rethrows an error by default, and retries it when retryOnError accepts it', async () => {
    const time = new FakeTime(0);
    await expect(retry(async () => { throw new Error('boom'); }, { timers: time, baseMs: 10 })).rejects.toThrow('boom');

    const seen: Array<{ attempt: number; delayMs: number; error?: unknown }> = [];
    let calls = 0;
    const result = await time.drain(retry(async () => {
      calls++;
      if (calls < 3) throw new Error(`net ${calls}`);
      return calls;
    }, { timers: time, baseMs: 10, retryOnError: (e) => e instanceof Error && e.message.startsWith('net'), onRetry: (i) => seen.push(i) }));
    expect(result).toEqual({ ok: true, value: 3, attempts: 3 });
    expect(seen.map((s) => [s.attempt, s.delayMs, (s.error as Error).message])).toEqual([[1, 10, 'net 1'], [2, 20, 'net 2']]);
  });

  it('reports the last error when it runs out of attempts', async () => {
    const time = new FakeTime(0);
    const result = await time.drain(retry(async (n) => { throw new Error(`down ${n}`); }, { timers: time, baseMs: 10, attempts: 2, retryOnError: () => true }));
    expect(result.ok).toBe(false);
    expect(result.ok === false && (result.lastError as Error).message).toBe('down 2');
  });

  it('stops waiting at once when the signal aborts, and does not try again', async () => {
    const time = new FakeTime(0);
    const ac = new AbortController();
    let tries = 0;
    const p = retry(async () => { tries++; return AGAIN; }, { timers: time, baseMs: 60_000, signal: ac.signal });
    await flushMicrotasks();
    expect(tries).toBe(1);
    ac.abort();
    expect(await p).toEqual({ ok: false, reason: 'aborted', attempts: 1 });
    await time.advanceAsync(120_000);
    expect(tries).toBe(1);
  });

  it('jitters the waits with the injected random', async () => {
    const time = new FakeTime(0);
    const triedAt: number[] = [];
    await time.drain(retry(async (n) => { triedAt.push(time.now()); return n < 3 ? AGAIN : n; }, { timers: time, baseMs: 1_000, jitter: 0.5, random: () => 0 }));
    expect(triedAt).toEqual([0, 500, 1_500]);
  });
});
