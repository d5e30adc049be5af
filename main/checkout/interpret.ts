/**
 * Pure interpretation of aggregator answers for the checkout: what does this answer mean for
 * the order? Anything not clearly final or clearly nothing-happened is `unknown` or `pending`,
 * never a guess.
 */
import { ORDER_NOT_FOUND_CODES, type AggOutcome, type OrderData } from '../aggregator/types';
import { msg, type Msg } from '../../preload/messages';
import { platformSaid, unknownMsg } from './platform-msg';

export type OrderState =
  | { kind: 'paid'; data: OrderData }
  | { kind: 'pending'; data?: OrderData }
  | { kind: 'canceled'; expired: boolean; message: Msg; data?: OrderData }
  | { kind: 'failed'; message: Msg }            // definite: nothing was charged
  | { kind: 'not_found' }
  | { kind: 'error_state'; message: Msg }       // platform says its own state is unclear
  | { kind: 'unknown'; message: Msg };          // we could not learn anything

/** Both spellings of 收钱吧's not-found code and the neutral one (aggregator/types.ts). */
const NOT_FOUND = ORDER_NOT_FOUND_CODES;

/** An answer to `query` (or the data attached to any answer). */
export function interpretQuery(out: AggOutcome): OrderState {
  if (out.kind === 'unknown') return { kind: 'unknown', message: unknownMsg(out.reason) };
  if (out.kind === 'rejected') return { kind: 'unknown', message: platformSaid(out.errorCode, out.message, msg('platform.noAnswer')) };
  if (out.errorCode && NOT_FOUND.has(out.errorCode)) return { kind: 'not_found' };
  if (!out.data) return { kind: 'unknown', message: platformSaid(out.errorCode, out.message, msg('platform.noOrderData', { bizCode: out.bizCode })) };
  return fromOrderData(out.data, out.message, out.errorCode);
}

function fromOrderData(data: OrderData, message?: string, errorCode?: string): OrderState {
  switch (data.orderStatus) {
    case 'PAID': case 'REFUNDED': case 'PARTIAL_REFUNDED': case 'REFUND_ERROR':
      return { kind: 'paid', data };
    case 'CREATED': case 'CANCEL_INPROGRESS':
      return { kind: 'pending', data };
    case 'PAY_CANCELED': {
      const expired = errorCode === 'TRADE_TIMEOUT' || /超时|过期/.test(message ?? '');
      return { kind: 'canceled', expired, message: platformSaid(errorCode, message, msg(expired ? 'result.qrExpired' : 'result.canceledByCustomer')), data };
    }
    case 'CANCELED':
      return { kind: 'canceled', expired: false, message: platformSaid(errorCode, message, msg('result.orderCanceled')), data };
    default:
      return { kind: 'error_state', message: platformSaid(errorCode, message, msg('platform.orderState', { state: data.orderStatus })) };
  }
}

/** An answer to `pay` (B-scan-C). */
export function interpretPay(out: AggOutcome): OrderState {
  if (out.kind === 'unknown') return { kind: 'unknown', message: unknownMsg(out.reason) };
  if (out.kind === 'rejected') return { kind: 'failed', message: platformSaid(out.errorCode, out.message, msg('platform.payFailed')) };
  switch (out.bizCode) {
    case 'PAY_SUCCESS': return out.data ? { kind: 'paid', data: out.data } : { kind: 'unknown', message: msg('platform.paidWithoutData') };
    case 'PAY_FAIL': case 'FAIL': return { kind: 'failed', message: platformSaid(out.errorCode, out.message, msg('platform.payFailed')) };
    case 'PAY_IN_PROGRESS': return { kind: 'pending', data: out.data };
    default: return { kind: 'unknown', message: platformSaid(out.errorCode, out.message, msg('platform.noOrderData', { bizCode: out.bizCode })) };
  }
}

/** An answer to `precreate` (dynamic QR). */
export function interpretPrecreate(out: AggOutcome): { kind: 'qr'; data: OrderData; qrCode: string } | OrderState {
  if (out.kind === 'unknown') return { kind: 'unknown', message: unknownMsg(out.reason) };
  if (out.kind === 'rejected') return { kind: 'failed', message: platformSaid(out.errorCode, out.message, msg('platform.createFailed')) };
  if (out.bizCode === 'PRECREATE_SUCCESS' && out.data?.qrCode) return { kind: 'qr', data: out.data, qrCode: out.data.qrCode };
  if (out.bizCode === 'PRECREATE_FAIL' || out.bizCode === 'FAIL') return { kind: 'failed', message: platformSaid(out.errorCode, out.message, msg('platform.createFailed')) };
  return { kind: 'unknown', message: platformSaid(out.errorCode, out.message, msg('platform.noOrderData', { bizCode: out.bizCode })) };
}

/** An answer to `cancel` (冲正). */
export function interpretCancel(out: AggOutcome): 'canceled' | 'not_found' | 'unclear' {
  if (out.kind !== 'ok') return 'unclear';
  if (out.errorCode && NOT_FOUND.has(out.errorCode)) return 'not_found';
  if (out.bizCode === 'CANCEL_SUCCESS' || out.bizCode === 'CANCEL_ABORT_SUCCESS') return 'canceled';
  return 'unclear';
}
