/**
 * Pure interpretation of aggregator answers for the checkout: what does this answer mean for
 * the order? Anything not clearly final or clearly nothing-happened is `unknown` or `pending`,
 * never a guess.
 */
import { ORDER_NOT_FOUND_CODES, type AggOutcome, type OrderData } from '../aggregator/types';

export type OrderState =
  | { kind: 'paid'; data: OrderData }
  | { kind: 'pending'; data?: OrderData }
  | { kind: 'canceled'; expired: boolean; message: string; data?: OrderData }
  | { kind: 'failed'; message: string }            // definite: nothing was charged
  | { kind: 'not_found' }
  | { kind: 'error_state'; message: string }       // platform says its own state is unclear
  | { kind: 'unknown'; message: string };          // we could not learn anything

/** Both spellings of 收钱吧's not-found code and the neutral one (aggregator/types.ts). */
const NOT_FOUND = ORDER_NOT_FOUND_CODES;

/** An answer to `query` (or the data attached to any answer). */
export function interpretQuery(out: AggOutcome): OrderState {
  if (out.kind === 'unknown') return { kind: 'unknown', message: out.message };
  if (out.kind === 'rejected') return { kind: 'unknown', message: `${out.errorCode} ${out.message}` };
  if (out.errorCode && NOT_FOUND.has(out.errorCode)) return { kind: 'not_found' };
  if (!out.data) return { kind: 'unknown', message: out.message ?? `${out.bizCode}（无订单数据）` };
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
      return { kind: 'canceled', expired, message: message ?? (expired ? '二维码已过期' : '顾客已取消支付'), data };
    }
    case 'CANCELED':
      return { kind: 'canceled', expired: false, message: message ?? '订单已撤销', data };
    default:
      return { kind: 'error_state', message: message ?? `订单状态 ${data.orderStatus}` };
  }
}

/** An answer to `pay` (B-scan-C). */
export function interpretPay(out: AggOutcome): OrderState {
  if (out.kind === 'unknown') return { kind: 'unknown', message: out.message };
  if (out.kind === 'rejected') return { kind: 'failed', message: out.message || out.errorCode };
  switch (out.bizCode) {
    case 'PAY_SUCCESS': return out.data ? { kind: 'paid', data: out.data } : { kind: 'unknown', message: '支付成功但无订单数据' };
    case 'PAY_FAIL': case 'FAIL': return { kind: 'failed', message: out.message ?? out.errorCode ?? '支付失败' };
    case 'PAY_IN_PROGRESS': return { kind: 'pending', data: out.data };
    default: return { kind: 'unknown', message: out.message ?? out.bizCode };
  }
}

/** An answer to `precreate` (dynamic QR). */
export function interpretPrecreate(out: AggOutcome): { kind: 'qr'; data: OrderData; qrCode: string } | OrderState {
  if (out.kind === 'unknown') return { kind: 'unknown', message: out.message };
  if (out.kind === 'rejected') return { kind: 'failed', message: out.message || out.errorCode };
  if (out.bizCode === 'PRECREATE_SUCCESS' && out.data?.qrCode) return { kind: 'qr', data: out.data, qrCode: out.data.qrCode };
  if (out.bizCode === 'PRECREATE_FAIL' || out.bizCode === 'FAIL') return { kind: 'failed', message: out.message ?? out.errorCode ?? '下单失败' };
  return { kind: 'unknown', message: out.message ?? out.bizCode };
}

/** An answer to `cancel` (冲正). */
export function interpretCancel(out: AggOutcome): 'canceled' | 'not_found' | 'unclear' {
  if (out.kind !== 'ok') return 'unclear';
  if (out.errorCode && NOT_FOUND.has(out.errorCode)) return 'not_found';
  if (out.bizCode === 'CANCEL_SUCCESS' || out.bizCode === 'CANCEL_ABORT_SUCCESS') return 'canceled';
  return 'unclear';
}
