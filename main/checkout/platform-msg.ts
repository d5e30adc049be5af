/** Moved to main/aggregator/platform-msg.ts (the drivers word their statement problems with it too). */
export * from '../aggregator/platform-msg';
