/**
 * A manual clock with timers that only fire when a test advances time. Implements both the
 * checkout's Clock + Timers (main/checkout/time.ts) and the devices' Timers (now + timers).
 *
 * - `advance(ms)` runs due timers synchronously, in time order (for sync code such as framing).
 * - `advanceAsync(ms)` also lets promises settle after each timer, so async loops (the poller)
 *   see time move exactly as they would in production.
 * - `drain(promise)` advances timer by timer until the promise settles (for retry loops).
 */
interface Pending { at: number; seq: number; fn: () => void }

/** Let every queued microtask and already-due I/O callback run. */
export async function flushMicrotasks(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export class FakeTime {
  private t: number;
  private seq = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(start = 0) { this.t = start; }

  now = (): number => this.t;

  setTimeout = (fn: () => void, ms: number): number => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.t + Math.max(0, ms), seq: id, fn });
    return id;
  };

  clearTimeout = (h: unknown): void => { this.pending.delete(h as number); };

  /** Number of timers waiting to fire. */
  get size(): number { return this.pending.size; }

  /** When the next timer fires, or undefined when none is waiting. */
  nextAt(): number | undefined {
    let best: Pending | undefined;
    for (const p of this.pending.values()) if (!best || p.at < best.at || (p.at === best.at && p.seq < best.seq)) best = p;
    return best?.at;
  }

  private takeDue(end: number): Pending | undefined {
    let best: [number, Pending] | undefined;
    for (const e of this.pending) if (e[1].at <= end && (!best || e[1].at < best[1].at || (e[1].at === best[1].at && e[1].seq < best[1].seq))) best = e;
    if (!best) return undefined;
    this.pending.delete(best[0]);
    return best[1];
  }

  /** Runs due timers in time order; timers scheduled by them run too if due. Synchronous. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (let p = this.takeDue(end); p; p = this.takeDue(end)) {
      this.t = p.at;
      p.fn();
    }
    this.t = end;
  }

  /** Like advance, but lets promises settle after every timer (and before the first). */
  async advanceAsync(ms: number): Promise<void> {
    const end = this.t + ms;
    await flushMicrotasks();
    for (let p = this.takeDue(end); p; p = this.takeDue(end)) {
      this.t = p.at;
      p.fn();
      await flushMicrotasks();
    }
    this.t = end;
    await flushMicrotasks();
  }

  /** Advances to the moment `at` (absolute), letting promises settle. */
  advanceTo(at: number): Promise<void> { return this.advanceAsync(Math.max(0, at - this.t)); }

  /** Fires timers one at a time until the promise settles; fails if it waits with no timer left. */
  async drain<T>(promise: Promise<T>, maxSteps = 1_000): Promise<T> {
    let settled = false;
    const watched = promise.finally(() => { settled = true; });
    watched.catch(() => undefined);
    await flushMicrotasks();
    for (let i = 0; !settled && i < maxSteps; i++) {
      const at = this.nextAt();
      if (at === undefined) throw new Error('FakeTime.drain: the promise is waiting but no timer is pending');
      await this.advanceTo(at);
    }
    return watched;
  }
}
