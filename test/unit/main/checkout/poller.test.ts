import { describe, expect, it } from 'vitest';
import { QR_POLICY, SCAN_POLICY } from '../../../../main/checkout/poll-policy';
import { runPoll, type PollEnd, type TickResult } from '../../../../main/checkout/poller';
import { FakeTime, flushMicrotasks } from '../../../support/fake-time';

/** A tick whose answers the test scripts; records when each query started and how many overlap. */
function scriptedTick(time: FakeTime, answer: (n: number) => TickResult | Promise<TickResult> = () => 'continue') {
  const startedAt: number[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const tick = async (): Promise<TickResult> => {
    startedAt.push(time.now());
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try { return await answer(startedAt.length); } finally { inFlight -= 1; }
  };
  return { tick, startedAt, maxInFlight: () => maxInFlight };
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
}

function settledState<T>(p: Promise<T>) {
  const s: { value?: T; done: boolean } = { done: false };
  void p.then((v) => { s.value = v; s.done = true; });
  return s;
}

describe('runPoll', () => {
  it('queries about every second for the first 10 s, then every 2 s (QR)', async () => {
    const time = new FakeTime(1_000_000);
    const t = scriptedTick(time);
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: time.now() + 240_000, tick: t.tick });
    await time.advanceAsync(16_000);
    expect(t.startedAt.map((at) => at - 1_000_000)).toEqual([1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000, 10_000, 12_000, 14_000, 16_000]);
    await run.stop();
  });

  it('after a minute it slows to every 5 s', async () => {
    const time = new FakeTime(0);
    const t = scriptedTick(time);
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 240_000, tick: t.tick });
    await time.advanceAsync(75_000);
    expect(t.startedAt.filter((at) => at > 56_000)).toEqual([58_000, 60_000, 65_000, 70_000, 75_000]);
    await run.stop();
  });

  it('takes the elapsed time from startedAt (a resumed payment keeps its slower step)', async () => {
    const time = new FakeTime(100_000);
    const t = scriptedTick(time);
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 300_000, startedAt: 30_000, tick: t.tick });
    await time.advanceAsync(6_000);
    expect(t.startedAt).toEqual([105_000]);
    await run.stop();
  });

  it('honours firstDelayMs for the first query only', async () => {
    const time = new FakeTime(0);
    const t = scriptedTick(time);
    const run = runPoll({ policy: SCAN_POLICY, clock: time, timers: time, deadline: 45_000, firstDelayMs: 0, tick: t.tick });
    await time.advanceAsync(2_000);
    expect(t.startedAt).toEqual([0, 1_000, 2_000]);
    await run.stop();
  });

  it('backs off while queries fail and returns to the normal step when one answers', async () => {
    const time = new FakeTime(0);
    const t = scriptedTick(time, (n) => (n <= 5 ? 'error' : 'continue'));
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 240_000, tick: t.tick });
    await time.advanceAsync(40_000);
    // errors at 1 s, 2 s, 4 s, 8 s, 16 s … each wait doubles to the 8 s cap; the 6th answers → 2 s step.
    expect(t.startedAt.slice(0, 8)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 24_000, 26_000, 28_000]);
    await run.stop();
  });

  it('treats a query that throws as a failed query (backoff), not as the end of polling', async () => {
    const time = new FakeTime(0);
    const t = scriptedTick(time, (n) => { if (n <= 2) throw new Error('socket hang up'); return 'continue'; });
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 240_000, tick: t.tick });
    await time.advanceAsync(6_000);
    expect(t.startedAt).toEqual([1_000, 2_000, 4_000, 5_000, 6_000]);
    expect(settledState(run.done).done).toBe(false);
    await run.stop();
  });

  it('never has two queries in flight: a slow query delays the next one instead of overlapping', async () => {
    const time = new FakeTime(0);
    const slow = deferred<TickResult>();
    const t = scriptedTick(time, (n) => (n === 2 ? slow.promise : 'continue'));
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 240_000, tick: t.tick });
    await time.advanceAsync(9_000); // the 2nd query (at 2 s) hangs for 7 s
    expect(t.startedAt).toEqual([1_000, 2_000]);
    slow.resolve('continue');
    await time.advanceAsync(3_000);
    expect(t.startedAt).toEqual([1_000, 2_000, 10_000, 12_000]);
    expect(t.maxInFlight()).toBe(1);
    await run.stop();
  });

  it('stops at a final answer and queries no more', async () => {
    const time = new FakeTime(0);
    const t = scriptedTick(time, (n) => (n === 3 ? 'final' : 'continue'));
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 240_000, tick: t.tick });
    await time.advanceAsync(3_000);
    await expect(run.done).resolves.toBe('final' satisfies PollEnd);
    await time.advanceAsync(60_000);
    expect(t.startedAt).toEqual([1_000, 2_000, 3_000]);
    expect(time.size).toBe(0);
  });

  it('ends at the deadline, with the last query landing exactly on it', async () => {
    const time = new FakeTime(0);
    const t = scriptedTick(time);
    const run = runPoll({ policy: SCAN_POLICY, clock: time, timers: time, deadline: 4_500, tick: t.tick });
    await time.advanceAsync(10_000);
    expect(t.startedAt).toEqual([1_000, 2_000, 3_000, 4_000, 4_500]);
    await expect(run.done).resolves.toBe('deadline' satisfies PollEnd);
    expect(time.size).toBe(0);
  });

  it('ends at the deadline when the query that crossed it was slow', async () => {
    const time = new FakeTime(0);
    const slow = deferred<TickResult>();
    const t = scriptedTick(time, (n) => (n === 2 ? slow.promise : 'continue'));
    const run = runPoll({ policy: SCAN_POLICY, clock: time, timers: time, deadline: 3_000, tick: t.tick });
    await time.advanceAsync(5_000);
    slow.resolve('continue');
    await expect(run.done).resolves.toBe('deadline' satisfies PollEnd);
    expect(t.startedAt).toEqual([1_000, 2_000]);
  });

  it('with the deadline already passed, ends at once without querying', async () => {
    const time = new FakeTime(50_000);
    const t = scriptedTick(time);
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 50_000, tick: t.tick });
    await expect(run.done).resolves.toBe('deadline' satisfies PollEnd);
    await time.advanceAsync(10_000);
    expect(t.startedAt).toEqual([]);
  });

  it('stop() ends polling: done says stopped and no timer is left behind', async () => {
    const time = new FakeTime(0);
    const t = scriptedTick(time);
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 240_000, tick: t.tick });
    await time.advanceAsync(2_500);
    await run.stop();
    await expect(run.done).resolves.toBe('stopped' satisfies PollEnd);
    expect(time.size).toBe(0);
    await time.advanceAsync(30_000);
    expect(t.startedAt).toEqual([1_000, 2_000]);
  });

  it('stop() waits for the query in flight (so a cancel never races it), then nothing more is sent', async () => {
    const time = new FakeTime(0);
    const slow = deferred<TickResult>();
    const t = scriptedTick(time, () => slow.promise);
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 240_000, tick: t.tick });
    await time.advanceAsync(1_000);
    const stopping = settledState(run.stop());
    await time.advanceAsync(5_000);
    expect(stopping.done).toBe(false);
    slow.resolve('continue');
    await flushMicrotasks();
    expect(stopping.done).toBe(true);
    await time.advanceAsync(30_000);
    expect(t.startedAt).toEqual([1_000]);
    await expect(run.done).resolves.toBe('stopped' satisfies PollEnd);
  });

  it('stop() still resolves when the in-flight query fails, and a second stop() is harmless', async () => {
    const time = new FakeTime(0);
    const slow = deferred<TickResult>();
    const t = scriptedTick(time, () => slow.promise);
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 240_000, tick: t.tick });
    await time.advanceAsync(1_000);
    const stopping = run.stop();
    slow.reject(new Error('ECONNRESET'));
    await expect(stopping).resolves.toBeUndefined();
    await expect(run.stop()).resolves.toBeUndefined();
    expect(t.startedAt).toEqual([1_000]);
  });

  it('a final answer that arrives after stop() does not turn "stopped" into "final"', async () => {
    const time = new FakeTime(0);
    const slow = deferred<TickResult>();
    const t = scriptedTick(time, () => slow.promise);
    const run = runPoll({ policy: QR_POLICY, clock: time, timers: time, deadline: 240_000, tick: t.tick });
    await time.advanceAsync(1_000);
    const stopping = run.stop();
    slow.resolve('final');
    await stopping;
    await expect(run.done).resolves.toBe('stopped' satisfies PollEnd);
  });
});
