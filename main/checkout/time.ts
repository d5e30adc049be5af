/** Moved to main/shared/time.ts (the one clock/timers port). */
export * from '../shared/time';
