/**
 * Closing out an order whose outcome is not known: query → cancel (冲正) → query, with a few
 * retries, and never a guess. Used when the cashier cancels, when a window ends, after an
 * unclear answer, and by crash recovery. Returns what the platform told us.
 */
import type { Aggregator } from '../aggregator/types';
import { interpretCancel, interpretQuery, type OrderState } from './interpret';
import { AGAIN, retry } from '../shared/retry';
import { sleep, type Timers } from './time';
import { msg, type Msg } from '../../preload/messages';

export type CloseOutResult =
  | { kind: 'paid'; state: Extract<OrderState, { kind: 'paid' }> }
  | { kind: 'canceled'; message: Msg; expired: boolean }
  | { kind: 'not_found' }
  | { kind: 'unknown'; message: Msg };

export interface CloseOutDeps {
  aggregator: Aggregator;
  timers: Timers;
  /** Journals CANCEL_REQUESTED before the first cancel call (fsync'ed). */
  beforeCancel: () => Promise<void>;
  attempts?: number;
  retryDelayMs?: number;
  /** No cancel before this time (招商银行: ≥ 15 s after pay [L §4.9.1]); then query again first. */
  notBefore?: number;
  clock?: { now(): number };
}

export async function closeOut(clientSn: string, deps: CloseOutDeps): Promise<CloseOutResult> {
  let cancelJournaled = false;
  let lastMessage: Msg = msg('platform.noAnswer');
  /** A query: a final answer, AGAIN when it could not see the order, null when it is open (may be cancelled). */
  const look = async (): Promise<CloseOutResult | typeof AGAIN | null> => {
    const state = interpretQuery(await deps.aggregator.query({ clientSn }));
    if (state.kind === 'paid') return { kind: 'paid', state };
    if (state.kind === 'canceled') return { kind: 'canceled', message: state.message, expired: state.expired };
    if (state.kind === 'not_found') return { kind: 'not_found' };
    if (state.kind === 'unknown' || state.kind === 'error_state') lastMessage = state.message;
    if (state.kind === 'unknown') return AGAIN; // cannot see the order: do not cancel blind, ask again
    return null;
  };
  const result = await retry<CloseOutResult>(async () => {
    let seen = await look();
    if (seen !== null) return seen;
    const wait = deps.notBefore !== undefined && deps.clock ? deps.notBefore - deps.clock.now() : 0;
    if (wait > 0) {
      // Too early to cancel: wait, then the cancel follows a fresh query that left it unclear.
      await sleep(deps.timers, wait);
      seen = await look();
      if (seen !== null) return seen;
    }
    if (!cancelJournaled) { await deps.beforeCancel(); cancelJournaled = true; }
    const cancel = interpretCancel(await deps.aggregator.cancel({ clientSn }));
    if (cancel === 'canceled') {
      // A payment that landed between the query and the cancel is refunded by the cancel itself.
      return { kind: 'canceled', message: msg('result.reversed'), expired: false };
    }
    if (cancel === 'not_found') return { kind: 'not_found' };
    lastMessage = msg('platform.cancelUnknown');
    return AGAIN;
  }, { timers: deps.timers, attempts: deps.attempts ?? 3, baseMs: deps.retryDelayMs ?? 2_000, factor: 1 });
  return result.ok ? result.value : { kind: 'unknown', message: lastMessage };
}
