/**
 * Closing out an order whose outcome is not known: query → cancel (冲正) → query, with a few
 * retries, and never a guess. Used when the cashier cancels, when a window ends, after an
 * unclear answer, and by crash recovery. Returns what the platform told us.
 */
import type { Aggregator } from '../aggregator/types';
import { interpretCancel, interpretQuery, type OrderState } from './interpret';
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
}

export async function closeOut(clientSn: string, deps: CloseOutDeps): Promise<CloseOutResult> {
  const attempts = deps.attempts ?? 3;
  let cancelJournaled = false;
  let lastMessage: Msg = msg('platform.noAnswer');
  for (let i = 0; i < attempts; i++) {
    if (i > 0) await sleep(deps.timers, deps.retryDelayMs ?? 2_000);
    const state = interpretQuery(await deps.aggregator.query({ clientSn }));
    if (state.kind === 'paid') return { kind: 'paid', state };
    if (state.kind === 'canceled') return { kind: 'canceled', message: state.message, expired: state.expired };
    if (state.kind === 'not_found') return { kind: 'not_found' };
    if (state.kind === 'unknown' || state.kind === 'error_state') lastMessage = state.message;
    if (state.kind === 'unknown') continue; // cannot see the order: do not cancel blind, ask again
    if (!cancelJournaled) { await deps.beforeCancel(); cancelJournaled = true; }
    const cancel = interpretCancel(await deps.aggregator.cancel({ clientSn }));
    if (cancel === 'canceled') {
      // A payment that landed between the query and the cancel is refunded by the cancel itself.
      return { kind: 'canceled', message: msg('result.reversed'), expired: false };
    }
    if (cancel === 'not_found') return { kind: 'not_found' };
    lastMessage = msg('platform.cancelUnknown');
  }
  return { kind: 'unknown', message: lastMessage };
}
