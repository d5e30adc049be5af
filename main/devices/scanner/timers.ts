/** The scanner's clock and timers: the shared port (main/shared/time.ts), clock and timers together. */
import { systemClock, systemTimers, type ClockTimers, type TimerHandle } from '../../shared/time';

export type Timers = ClockTimers;
export type { TimerHandle };

export const realTimers: Timers = { ...systemClock, ...systemTimers };
