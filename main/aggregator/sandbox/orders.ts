/** Order lifecycle shared by the API, the wallet page and the control API. */
import { strings } from './protocol';
import type { Order, SandboxWallet, Store } from './state';
import { makePayerLogin, makeTradeNo, paywayName, paywayOf, walletOfPayway, WALLET_LABEL } from './wallets';

export interface Ctx {
  store: Store;
  now: number;
  baseUrl: string;
  qrExpirySeconds: number;
  passwordSeconds: number;
}

export const qrUrl = (ctx: Ctx, o: Order): string => `${ctx.baseUrl}/qr/${o.qrToken ?? ''}`;

/** wap2.md: a gateway URL without payway is paid with WeChat unless the page is opened in another wallet. */
const WAP_DEFAULT_PAYWAY = '3';

/**
 * The Upay `data` object for an order: every value a string (zh-cn/api/sign.md); payway always
 * present (precreate.md 同步返回参数: payway "Y"); net_amount = total_amount until money is
 * refunded or returned (precreate.md: 如果没有退款，这个字段等于total_amount).
 */
export function orderData(ctx: Ctx, o: Order): Record<string, string> {
  const w = o.wallet;
  return strings({
    sn: o.sn,
    client_sn: o.clientSn,
    trade_no: o.tradeNo,
    status: o.status,
    order_status: o.orderStatus,
    payway: o.requestedPayway ?? (w ? paywayOf(w) : o.gateway ? WAP_DEFAULT_PAYWAY : undefined),
    payway_name: w ? paywayName(w) : undefined,
    sub_payway: o.subPayway ?? (o.kind === 'qr' ? '2' : '1'),
    payer_login: o.payerLogin,
    total_amount: o.totalFen,
    net_amount: o.chargeCount === 0 ? o.totalFen : o.netFen,
    finish_time: o.finishTime,
    channel_finish_time: o.finishTime,
    subject: o.subject,
    operator: o.operator,
    terminal_sn: o.terminalSn,
    ctime: o.ctime,
    reflect: o.reflect,
    qr_code: o.kind === 'qr' && !o.gateway ? qrUrl(ctx, o) : undefined,
  });
}

export function markPaid(o: Order, wallet: SandboxWallet, at: number): void {
  o.orderStatus = 'PAID';
  o.status = 'SUCCESS';
  o.wallet = wallet;
  o.tradeNo ??= makeTradeNo(wallet, at);
  o.payerLogin = makePayerLogin(wallet);
  o.finishTime = at;
  o.paidAt = at;
  o.chargeCount += 1;
  o.netFen = o.totalFen;
  o.pendingUntil = undefined;
}

export function markPayCanceled(o: Order, at: number, reason: Order['endReason'], error?: { code: string; message: string }): void {
  o.orderStatus = 'PAY_CANCELED';
  o.status = 'FAIL_CANCELED';
  o.finishTime = at;
  o.pendingUntil = undefined;
  o.endReason = reason;
  if (error) {
    o.errorCode = error.code;
    o.errorMessage = error.message;
  }
}

/** Applies what time did: password confirmations and QR expiry. Returns true when anything changed. */
export function advance(ctx: Ctx): boolean {
  let changed = false;
  for (const o of ctx.store.orders.values()) {
    if (o.orderStatus !== 'CREATED') continue;
    if (o.pendingUntil !== undefined && o.pendingUntil <= ctx.now && o.wallet) {
      markPaid(o, o.wallet, o.pendingUntil);
      changed = true;
    } else if (o.kind === 'qr' && o.expiresAt !== undefined && o.expiresAt <= ctx.now) {
      markPayCanceled(o, o.expiresAt, 'timeout', { code: 'TRADE_TIMEOUT', message: '交易超时自动撤单' });
      changed = true;
    }
  }
  return changed;
}

export type CustomerResult = { ok: true; order: Order } | { ok: false; status: number; message: string };

/**
 * The customer pays: a QR order with the chosen wallet, or confirms the password of a pending
 * barcode order. The wallet page and the control API both come here.
 */
export function customerPay(ctx: Ctx, o: Order, wallet: SandboxWallet): CustomerResult {
  if (o.orderStatus !== 'CREATED') return { ok: false, status: 409, message: `订单状态为 ${o.orderStatus}，无法支付` };
  if (o.kind === 'barcode') {
    if (!o.wallet) return { ok: false, status: 409, message: '订单没有钱包' };
    markPaid(o, o.wallet, ctx.now);
  } else {
    const only = o.requestedPayway ? walletOfPayway(o.requestedPayway) : undefined;
    if (only && only !== wallet) return { ok: false, status: 409, message: `此二维码仅支持${WALLET_LABEL[only]}` };
    markPaid(o, wallet, ctx.now);
  }
  ctx.store.save();
  return { ok: true, order: o };
}

/** The customer backs out on their phone: the order ends PAY_CANCELED, nothing charged. */
export function customerCancel(ctx: Ctx, o: Order): CustomerResult {
  if (o.orderStatus !== 'CREATED') return { ok: false, status: 409, message: `订单状态为 ${o.orderStatus}，无法取消` };
  markPayCanceled(o, ctx.now, 'customer', { code: 'TRADE_CANCELED', message: '用户取消支付' });
  ctx.store.save();
  return { ok: true, order: o };
}

const DEFINITE_FAILURE = new Set(['PAY_CANCELED', 'CANCELED', 'PAY_ERROR']);

/**
 * client_sn idempotency: a new key → 'new'; the same request for a live or paid order → 'repeat';
 * different parameters, or a key reused after a definite failure → 'conflict'.
 */
export function checkClientSn(
  ctx: Ctx, clientSn: string, same: (o: Order) => boolean,
): { kind: 'new' } | { kind: 'repeat'; order: Order } | { kind: 'conflict' } {
  const o = ctx.store.findOrder(undefined, clientSn);
  if (!o) return { kind: 'new' };
  if (!same(o) || DEFINITE_FAILURE.has(o.orderStatus)) return { kind: 'conflict' };
  return { kind: 'repeat', order: o };
}

export const CONFLICT = { code: 'CLIENT_SN_CONFLICT', message: '商户订单号重复' } as const;
export const NOT_EXISTS = { code: 'UPAY_ORDER_NOT_EXISTS', message: '订单不存在' } as const;
