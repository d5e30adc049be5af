import type { Timers } from '../../../../../main/devices/scanner/timers';

/** A manual clock: tests advance time explicitly. */
export class FakeTimers implements Timers {
  private t = 0;
  private seq = 0;
  private readonly pending = new Map<number, { at: number; fn: () => void }>();

  now = (): number => this.t;
  setTimeout = (fn: () => void, ms: number): number => {
    const id = ++this.seq;
    this.pending.set(id, { at: this.t + ms, fn });
    return id;
  };
  clearTimeout = (h: unknown): void => { this.pending.delete(h as number); };

  /** Runs due timers in time order; new timers scheduled by them run too if due. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.pending) if (e[1].at <= end && (!next || e[1].at < next[1].at)) next = e;
      if (!next) break;
      this.pending.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = end;
  }

  get size(): number { return this.pending.size; }
}
