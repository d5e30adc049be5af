/** The one clock and timers port: injected everywhere so tests run on a fake clock. */
export interface Clock { now(): number }
export type TimerHandle = unknown;
export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}
/** Both, for parts that read the time and set timers (scanner framing, reconnect). */
export type ClockTimers = Clock & Timers;

export const systemClock: Clock = { now: () => Date.now() };
export const systemTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};
export const systemClockTimers: ClockTimers = { ...systemClock, ...systemTimers };

/** Waits ms on the injected timers. Resolves true when the time passed, false when aborted (at once). */
export function sleep(timers: Timers, ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => { timers.clearTimeout(handle); resolve(false); };
    const handle = timers.setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(true); }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
