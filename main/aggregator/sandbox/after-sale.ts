/** /upay/v2/query, /cancel (冲正), /refund and /revoke (same-day void). */
import { type Ctx, NOT_EXISTS, orderData } from './orders';
import { type Fields, type Reply, biz, invalidParams, parseFen, str } from './protocol';
import type { Order } from './state';
import { localDay } from './statement';

function findRef(ctx: Ctx, body: Fields): Order | undefined | Reply {
  const sn = str(body, 'sn');
  const clientSn = str(body, 'client_sn');
  if (!sn && !clientSn) return invalidParams('sn 与 client_sn 不能同时为空');
  return ctx.store.findOrder(sn, clientSn);
}

const isReply = (v: Order | Reply): v is Reply => 'body' in v;
const invalidState = (message: string) => ({ code: 'UPAY_CANCEL_INVALID_ORDER_STATE', message });

export function query(ctx: Ctx, body: Fields): Reply {
  const o = findRef(ctx, body);
  if (!o) return biz('FAIL', undefined, NOT_EXISTS);
  if (isReply(o)) return o;
  // Say why an unpaid order ended: the counter shows 已过期 rather than 已取消 for a timed-out QR.
  const why = o.orderStatus === 'PAY_CANCELED' && o.endReason === 'timeout' ? { code: 'TRADE_TIMEOUT', message: '交易超时自动撤单' } : undefined;
  return biz('SUCCESS', orderData(ctx, o), why);
}

/** Ends an order as CANCELED; a paid order's remaining money goes back to the customer. */
function reverse(ctx: Ctx, o: Order, kind: 'cancel' | 'revoke'): void {
  if (o.chargeCount > 0 && o.netFen > 0) o.reversal = { kind, at: ctx.now, amountFen: o.netFen };
  o.netFen = 0;
  o.orderStatus = 'CANCELED';
  o.status = 'SUCCESS';
  o.finishTime = ctx.now;
  o.pendingUntil = undefined;
  o.endReason = kind;
  ctx.store.save();
}

export function cancel(ctx: Ctx, body: Fields): Reply {
  const o = findRef(ctx, body);
  if (!o) return biz('FAIL', undefined, NOT_EXISTS);
  if (isReply(o)) return o;
  if (o.orderStatus === 'CANCELED' || o.orderStatus === 'PAY_CANCELED') return biz('CANCEL_SUCCESS', orderData(ctx, o));
  if (o.orderStatus !== 'CREATED' && o.orderStatus !== 'PAID') {
    return biz('FAIL', undefined, invalidState(`订单状态为 ${o.orderStatus}，不能撤单`));
  }
  if (o.cancelErrorsLeft > 0) {
    o.cancelErrorsLeft -= 1;
    ctx.store.save();
    return biz('CANCEL_ERROR', orderData(ctx, o), { code: 'UNEXPECTED_PROVIDER_ERROR', message: '撤单失败，请稍后重试' });
  }
  reverse(ctx, o, 'cancel');
  return biz('CANCEL_SUCCESS', orderData(ctx, o));
}

export function revoke(ctx: Ctx, body: Fields): Reply {
  const o = findRef(ctx, body);
  if (!o) return biz('FAIL', undefined, NOT_EXISTS);
  if (isReply(o)) return o;
  if (o.orderStatus === 'CANCELED' && o.endReason === 'revoke') return biz('CANCEL_SUCCESS', orderData(ctx, o));
  if (o.refunds.length > 0) return biz('FAIL', undefined, invalidState('进行过退款的订单不能撤单'));
  if (o.orderStatus !== 'PAID') return biz('FAIL', undefined, invalidState(`订单状态为 ${o.orderStatus}，不能撤单`));
  if (localDay(o.paidAt ?? o.ctime) !== localDay(ctx.now)) return biz('FAIL', undefined, invalidState('过了当天无法撤单'));
  reverse(ctx, o, 'revoke');
  return biz('CANCEL_SUCCESS', orderData(ctx, o));
}

export function refund(ctx: Ctx, body: Fields): Reply {
  const requestNo = str(body, 'refund_request_no');
  const amount = parseFen(str(body, 'refund_amount'));
  if (!requestNo || requestNo.length > 20) return invalidParams('refund_request_no 必填且不超过20位');
  if (amount === null || amount <= 0) return invalidParams('refund_amount 必须是正整数（分）');
  if (!str(body, 'operator')) return invalidParams('operator 必填');
  const o = findRef(ctx, body);
  if (!o) return biz('FAIL', undefined, NOT_EXISTS);
  if (isReply(o)) return o;
  const answer = (r: { requestNo: string; amountFen: number; at: number }) => biz('REFUND_SUCCESS', {
    ...orderData(ctx, o), finish_time: String(r.at), channel_finish_time: String(r.at),
    refund_request_no: r.requestNo, refund_amount: String(r.amountFen),
  });
  const done = o.refunds.find((r) => r.requestNo === requestNo);
  if (done) return answer(done);
  if (o.orderStatus !== 'PAID' && o.orderStatus !== 'PARTIAL_REFUNDED') {
    return biz('FAIL', undefined, { code: 'UPAY_REFUND_INVALID_ORDER_STATE', message: `订单状态为 ${o.orderStatus}，不能退款` });
  }
  if (amount > o.netFen) {
    return biz('FAIL', undefined, { code: 'REFUNDABLE_AMOUNT_NOT_ENOUGH', message: `可退金额不足（剩余 ${o.netFen} 分）` });
  }
  const r = { requestNo, amountFen: amount, at: ctx.now, operator: str(body, 'operator') ?? '' };
  o.refunds.push(r);
  o.netFen -= amount;
  o.orderStatus = o.netFen === 0 ? 'REFUNDED' : 'PARTIAL_REFUNDED';
  o.status = 'SUCCESS';
  o.finishTime = ctx.now;
  ctx.store.save();
  return answer(r);
}
