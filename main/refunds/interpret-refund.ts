/**
 * What a refund / revoke answer means. Only a definite answer ends a refund: the platform said
 * it was done, or it refused (nothing moved). Everything else is unknown and goes through query,
 * then the same request again with the same refund_request_no (the platform answers a repeated
 * refund_request_no with the first result instead of refunding twice).
 */
import type { AggOutcome } from '../aggregator/types';
import type { RefundKind } from './refund-no';
import { msg, type Msg } from '../../preload/messages';
import { platformSaid, unknownMsg } from '../checkout/platform-msg';

export type RefundAnswer =
  | { kind: 'done' }
  | { kind: 'failed'; message: Msg }
  | { kind: 'unknown'; message: Msg };

const DONE: Record<RefundKind, ReadonlySet<string>> = {
  refund: new Set(['REFUND_SUCCESS']),
  void: new Set(['CANCEL_SUCCESS', 'REVOKE_SUCCESS']),
};
/** Business answers that say the request was refused (nothing refunded). */
const REFUSED = new Set(['FAIL', 'REFUND_FAIL', 'CANCEL_FAIL', 'REVOKE_FAIL']);

export function interpretRefund(out: AggOutcome, kind: RefundKind): RefundAnswer {
  if (out.kind === 'rejected') return { kind: 'failed', message: platformSaid(out.errorCode, out.message, msg('platform.bizCode', { bizCode: out.errorCode })) };
  if (out.kind === 'unknown') return { kind: 'unknown', message: unknownMsg(out.reason) };
  if (DONE[kind].has(out.bizCode)) return { kind: 'done' };
  if (REFUSED.has(out.bizCode)) return { kind: 'failed', message: platformSaid(out.errorCode, out.message, msg('platform.bizCode', { bizCode: out.bizCode })) };
  // REFUND_ERROR, *_IN_PROGRESS…
  return { kind: 'unknown', message: platformSaid(out.errorCode, out.message, msg('platform.bizCode', { bizCode: out.bizCode })) };
}

/**
 * After an unknown answer: did the query show this refund applied? `netAfterFen` is what the
 * order is worth once this refund is done (paid − refunds so far − this one).
 */
export function refundApplied(out: AggOutcome, kind: RefundKind, netAfterFen: number): boolean {
  if (out.kind !== 'ok' || !out.data) return false;
  const d = out.data;
  if (kind === 'void') return d.orderStatus === 'CANCELED';
  if (d.orderStatus !== 'REFUNDED' && d.orderStatus !== 'PARTIAL_REFUNDED') return false;
  const net = d.netFen ?? (d.orderStatus === 'REFUNDED' ? 0 : undefined);
  return net === netAfterFen;
}
