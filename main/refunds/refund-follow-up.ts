/**
 * Following up a refund whose answer was unknown, on a platform that documents how: a refund
 * query by the refund number at a fixed pace for a limited time (`Aggregator.pollPolicy.refund`;
 * 招商银行: every 30 s, still pending after 10 min → stop, the T+1 statement decides
 * [cmb-polypay.md §3, L §4.5.1]). The pace comes from the single retry helper (shared/retry.ts).
 * This file says what one refund query means; refund-service.ts runs the loop.
 */
import { isOrderNotFound, type AggOutcome, type Aggregator, type RefundPollPolicy } from '../aggregator/types';
import type { RetryPolicy } from '../shared/retry';
import { msg, type Msg } from '../../preload/messages';
import { platformSaid } from '../checkout/platform-msg';

export type FollowAnswer =
  | { kind: 'refunded' }
  | { kind: 'failed'; message: Msg }
  /** The platform has no refund of that number: the request never reached it; re-send it, same number [cmb-polypay.md §3]. */
  | { kind: 'resend' }
  /** Still processing, or no answer: ask again at the next turn. */
  | { kind: 'pending' };

export function interpretRefundQuery(out: AggOutcome): FollowAnswer {
  if (out.kind !== 'ok') return { kind: 'pending' };
  if (out.bizCode === 'REFUND_SUCCESS') return { kind: 'refunded' };
  if (isOrderNotFound(out)) return { kind: 'resend' };
  if (out.bizCode === 'REFUND_FAIL') return { kind: 'failed', message: platformSaid(out.errorCode, out.message, msg('platform.bizCode', { bizCode: out.bizCode })) };
  return { kind: 'pending' };
}

/** The platform's refund rule when it has one and a refund query to apply it with; else null (query + re-send, refund-service.ts). */
export function refundFollowUp(aggregator: Pick<Aggregator, 'pollPolicy' | 'refundQuery'>, timeScale = 1): { policy: RefundPollPolicy; query: NonNullable<Aggregator['refundQuery']> } | null {
  const rule = aggregator.pollPolicy?.refund;
  const query = aggregator.refundQuery?.bind(aggregator);
  if (!rule || !query) return null;
  // `checkout.pollTimeScale` shortens every documented wait alike (tests, demos; 1 = as documented).
  const policy = timeScale === 1 ? rule : { everyMs: Math.max(1, Math.round(rule.everyMs * timeScale)), giveUpAfterMs: Math.max(1, Math.round(rule.giveUpAfterMs * timeScale)) };
  return { policy, query };
}

/** The retry helper's terms for the rule: a fixed pace, as many turns as fit in the time limit. */
export function followUpRetry(p: RefundPollPolicy): RetryPolicy {
  return { baseMs: p.everyMs, factor: 1, attempts: Math.max(1, Math.floor(p.giveUpAfterMs / p.everyMs)) };
}

/** What the screen says while the follow-up runs, and when it gave up. */
const minutes = (ms: number): number => Math.round(ms / 6_000) / 10;
export const followUpMsg = (p: RefundPollPolicy): Msg => msg('refund.bankFollowUp', { everySec: Math.round(p.everyMs / 100) / 10, maxMin: minutes(p.giveUpAfterMs) });
export const gaveUpMsg = (p: RefundPollPolicy): Msg => msg('refund.statementDecides', { maxMin: minutes(p.giveUpAfterMs) });
