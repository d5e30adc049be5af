/**
 * The polypay APIs of the sandbox, as strict as /work/shared/reference/cmb-polypay.md §2–§3, §5, §7.
 */
import { detectWallet } from '../../sandbox/wallets';
import { openEnvelopeKey, sm4DecryptBase64 } from '../gm';
import { type Biz, type Reply, type SignOptions, bizFail, bizOk, fieldError } from './protocol';
import type { CmbOrder, CmbStore, PayType } from './state';
import { SANDBOX_BANK_KEYS } from './test-keys';
import { formatDate } from '../../../shared/dates';
import { BEIJING } from './protocol';

export interface CmbCtx {
  store: CmbStore;
  now: number;
  sign: SignOptions;
  passwordSeconds: number;
  /** Caps payValidTime (control API) so tests see expiry quickly. */
  maxValidSeconds?: number;
  billBaseUrl: string;
}

const PAYTYPE: Record<string, PayType> = { wechat: 'WX', alipay: 'ZF', unionpay: 'YL' };
const DAY_MS = 86_400_000;
const txnTime = (ms: number): string => formatDate(ms, 'YYYYMMDDHHmmss', BEIJING);

function orderBiz(o: CmbOrder): Biz {
  const b: Biz = { merId: o.merId, orderId: o.orderId, cmbOrderId: o.cmbOrderId, userId: o.userId, txnAmt: String(o.amountFen), dscAmt: '0', currencyCode: '156', tradeState: o.state, txnTime: txnTime(o.paidAt ?? o.createdAt) };
  if (o.payType) b.payType = o.payType;
  return b;
}

/** Looks up the original order by orderId/cmbOrderId and checks merchant, cashier and age. */
function original(ctx: CmbCtx, biz: Biz, idKey: string, cmbKey: string): CmbOrder | Reply {
  const e = fieldError(biz, ['merId', 'userId'], { userId: 32 });
  if (e) return bizFail(e, e, ctx.sign);
  const cmbId = biz[cmbKey]; const id = biz[idKey];
  if (!cmbId && !id) return bizFail(`${idKey.toUpperCase()}_NOT_LAWFUL`, `${idKey} 与 ${cmbKey} 不能都为空`, ctx.sign);
  // [ref §2] cmbOrderId wins when both are sent.
  const o = cmbId ? ctx.store.byCmbOrderId(cmbId) : ctx.store.orders.get(id ?? '');
  if (!o) return cmbId ? bizFail('CMBORDERID_NOT_EXIST', '招行订单号不存在', ctx.sign) : bizFail('ORDERID_NOT_EXIST', '订单不存在', ctx.sign);
  // [ref §3] queries cover 15 days.
  if (ctx.now - o.createdAt > 15 * DAY_MS) return bizFail('CMBORDERID_NOT_EXIST', '订单超过查询期限', ctx.sign);
  // [ref §2, L §4.1.2/§4.2.2/§4.7.2] the original order's cashier only.
  if (biz.userId !== o.userId) return bizFail('USERID_CHECK_FAILED', '收银员与原订单不一致', ctx.sign);
  return o;
}

function newOrderId(ctx: CmbCtx, id: string | undefined): Reply | null {
  // [ref §3] unique per merchant across qrcodeapply, pay and refund; dead ids stay dead.
  return id !== undefined && ctx.store.usedIds.has(id) ? bizFail('ORDERID_DUPLICATION', '商户订单号重复', ctx.sign) : null;
}

export function qrcodeapply(ctx: CmbCtx, biz: Biz): Reply {
  const e = fieldError(biz, ['merId', 'orderId', 'userId', 'notifyUrl', 'txnAmt'], { orderId: 32, userId: 32, notifyUrl: 256, txnAmt: 13, termId: 8, payValidTime: 10, body: 128, mchReserved: 128 });
  if (e) return bizFail(e, e, ctx.sign);
  const dup = newOrderId(ctx, biz.orderId); if (dup) return dup;
  if (biz.payValidTime !== undefined && !/^[1-9]\d{0,9}$/.test(biz.payValidTime)) return bizFail('PAYVALIDTIME_NOT_LAWFUL', 'payValidTime 不合法', ctx.sign);
  // [ref §3] default validity 900 s (❗ 1200 in 附录3): the sandbox takes 900.
  let valid = Number(biz.payValidTime ?? 900);
  if (ctx.maxValidSeconds !== undefined) valid = Math.min(valid, ctx.maxValidSeconds);
  const o: CmbOrder = { orderId: biz.orderId ?? '', cmbOrderId: ctx.store.nextCmbOrderId(ctx.now), merId: biz.merId ?? '', userId: biz.userId ?? '', kind: 'qr', amountFen: Number(biz.txnAmt), subject: biz.body ?? '', state: 'P', createdAt: ctx.now, validUntil: ctx.now + valid * 1000, refunds: [], chargeCount: 0 };
  ctx.store.orders.set(o.orderId, o); ctx.store.usedIds.add(o.orderId); ctx.store.save();
  // [ref §2] qrCode is a 95516 URL; UAT rewrites its host before rendering [ref §3 UAT].
  return bizOk({ merId: o.merId, orderId: o.orderId, cmbOrderId: o.cmbOrderId, qrCode: `https://qr.95516.com/03080000/1004/${o.cmbOrderId}`, txnTime: txnTime(o.createdAt) }, ctx.sign);
}

function terminalInfo(cipher: string, key: string): Record<string, unknown> | null {
  try { return JSON.parse(sm4DecryptBase64(cipher, key)) as Record<string, unknown>; } catch { return null; }
}

export function pay(ctx: CmbCtx, biz: Biz, encryptKey: string | undefined): Reply & { lost?: boolean } {
  const e = fieldError(biz, ['merId', 'orderId', 'authCode', 'userId', 'termId', 'notifyUrl', 'txnAmt', 'encryptTerminalInfo'], { orderId: 32, authCode: 128, userId: 32, termId: 8, notifyUrl: 256, txnAmt: 13, body: 128, encryptTerminalInfo: 6000 });
  if (e) return bizFail(e, e, ctx.sign);
  // [ref §1.6, L §4.8.2] terminal info in the SM4 envelope, key SM2-wrapped for the bank.
  const key = encryptKey !== undefined ? openEnvelopeKey(encryptKey, SANDBOX_BANK_KEYS.privateKeyHex) : null;
  const info = key ? terminalInfo(biz.encryptTerminalInfo ?? '', key) : null;
  if (!info) return bizFail('ENCRYPTTERMINALINFO_NOT_LAWFUL', '终端信息无法解密（需 SM4 数字信封与 encryptKey）', ctx.sign);
  // [ref §1.6, L §2.7.1] device_type, device_id; types 04/09/10 also serial_num and location/device_ip.
  const dt = String(info.device_type ?? ''); const needsMore = ['04', '09', '10'].includes(dt);
  if (!['04', '09', '10', '11'].includes(dt) || typeof info.device_id !== 'string' || info.device_id.length > 8 || (needsMore && (!info.serial_num || (!info.location && !info.device_ip)))) {
    return bizFail('TERMINALINFO_NOT_LAWFUL', '终端信息不完整', ctx.sign);
  }
  const dup = newOrderId(ctx, biz.orderId); if (dup) return dup;
  const code = biz.authCode ?? '';
  const wallet = detectWallet(code);
  if (!wallet) return bizFail('AUTHCODE_NOT_LAWFUL', '付款码不合法', ctx.sign);
  const o: CmbOrder = { orderId: biz.orderId ?? '', cmbOrderId: ctx.store.nextCmbOrderId(ctx.now), merId: biz.merId ?? '', userId: biz.userId ?? '', kind: 'pay', amountFen: Number(biz.txnAmt), subject: biz.body ?? '', state: 'S', createdAt: ctx.now, validUntil: ctx.now, payType: PAYTYPE[wallet], refunds: [], chargeCount: 1, paidAt: ctx.now };
  // Behaviour by the code's last two digits, like the first sandbox: 11 password, 12 never confirmed, 21 no funds, 31 answer lost.
  const suffix = code.slice(-2);
  if (suffix === '21') Object.assign(o, { state: 'F', chargeCount: 0, paidAt: undefined });
  if (suffix === '11' || suffix === '12') Object.assign(o, { state: 'P', chargeCount: 0, paidAt: undefined, pendingUntil: ctx.now + ctx.passwordSeconds * 1000, pendingNever: suffix === '12' });
  ctx.store.orders.set(o.orderId, o); ctx.store.usedIds.add(o.orderId); ctx.store.save();
  const reply = bizOk({ ...orderBiz(o), ...(o.state === 'F' ? { errDescription: '余额不足' } : {}) }, ctx.sign);
  return suffix === '31' ? { ...reply, lost: true } : reply;
}

export function orderquery(ctx: CmbCtx, biz: Biz): Reply {
  const o = original(ctx, biz, 'orderId', 'cmbOrderId');
  if ('status' in o) return o;
  // [ref §3] an expired, never-closed QR: ORDERID_INVALID.
  if (o.expired) return bizFail('ORDERID_INVALID', '订单已失效', ctx.sign);
  return bizOk(orderBiz(o), ctx.sign);
}

export function close(ctx: CmbCtx, biz: Biz): Reply {
  const o = original(ctx, biz, 'origOrderId', 'origCmbOrderId');
  if ('status' in o) return o;
  // [ref §3, L §4.7.1] paid → ORDER_PAID; UnionPay orders cannot be closed.
  if (o.state === 'S' || o.state === 'R') return bizFail('ORDER_PAID', '订单已支付', ctx.sign);
  if (o.payType === 'YL') return bizFail('NOT_ALLOWED', '银联订单不允许关单', ctx.sign);
  if (o.state === 'D') return bizFail('TRADESTATE_NOT_LAWFUL', '订单已撤销', ctx.sign);
  Object.assign(o, { state: 'C', expired: false, endedAt: o.endedAt ?? ctx.now });
  ctx.store.save();
  return bizOk({ merId: o.merId, origOrderId: o.orderId, closeState: 'C', txnTime: txnTime(ctx.now) }, ctx.sign);
}

export function cancel(ctx: CmbCtx, biz: Biz): Reply {
  const o = original(ctx, biz, 'origOrderId', 'origCmbOrderId');
  if ('status' in o) return o;
  // [ref §3, L §4.9.1] payment-code orders only, within 7 days.
  if (o.kind !== 'pay') return bizFail('NOT_ALLOWED', '主扫订单不允许撤销，请关单', ctx.sign);
  if (ctx.now - o.createdAt > 7 * DAY_MS) return bizFail('TRADE_OVERDUE', '超过撤销期限', ctx.sign);
  if (o.state === 'R' || o.refunds.length > 0) return bizFail('TRADESTATE_NOT_LAWFUL', '已退款订单不允许撤销', ctx.sign);
  if (o.state === 'C') return bizOk({ merId: o.merId, origOrderId: o.orderId, cancelState: 'C', txnTime: txnTime(ctx.now) }, ctx.sign);
  // ❗ text vs diagram on cancelling a paid order [ref §3]: the sandbox follows the diagram (S→D, money back).
  Object.assign(o, { state: 'D', chargeCount: 0, pendingNever: true, endedAt: ctx.now });
  ctx.store.save();
  return bizOk({ merId: o.merId, origOrderId: o.orderId, cancelState: 'D', txnTime: txnTime(ctx.now) }, ctx.sign);
}

export function refund(ctx: CmbCtx, biz: Biz, refundSeconds: number): Reply {
  const e = fieldError(biz, ['merId', 'orderId', 'userId', 'txnAmt', 'refundAmt'], { orderId: 32, refundReason: 256 });
  if (e) return bizFail(e, e, ctx.sign);
  const again = ctx.store.refundById(biz.orderId ?? '');
  // [ref §3] a retry with the same refund id answers the first result, never refunds twice.
  if (again) {
    if (again.order.orderId !== biz.origOrderId && again.order.cmbOrderId !== biz.origCmbOrderId) return bizFail('ORDERID_DUPLICATION', '退款单号重复', ctx.sign);
    const r = again.refund;
    return bizOk({ merId: again.order.merId, orderId: r.orderId, cmbOrderId: r.cmbOrderId, origOrderId: again.order.orderId, refundAmt: String(r.amountFen), refundDscAmt: '0', refundState: r.state, txnTime: txnTime(r.at) }, ctx.sign);
  }
  const dup = newOrderId(ctx, biz.orderId); if (dup) return dup;
  const o = original(ctx, biz, 'origOrderId', 'origCmbOrderId');
  if ('status' in o) return o;
  if (o.state === 'P') return bizFail('UNPAIED_ORDER', '订单未支付', ctx.sign);
  if (o.state !== 'S' && o.state !== 'R') return bizFail('TRADESTATE_NOT_LAWFUL', '原交易状态不允许退款', ctx.sign);
  if (Number(biz.txnAmt) !== o.amountFen) return bizFail('TXNAMT_ERROR', '原交易金额不符', ctx.sign);
  const done = o.refunds.filter((r) => r.state !== 'F').reduce((s, r) => s + r.amountFen, 0);
  const amount = Number(biz.refundAmt);
  if (done + amount > o.amountFen) return bizFail('NOT_ENOUGH', '可退金额不足', ctx.sign);
  if (o.refunds.length >= 50) return bizFail('REFUNDAMT_ERROR', '退款次数超限', ctx.sign);
  // [ref §2] refundState P for WeChat originals, S for Alipay/UnionPay.
  const r = { orderId: biz.orderId ?? '', cmbOrderId: ctx.store.nextCmbOrderId(ctx.now), amountFen: amount, state: o.payType === 'WX' && refundSeconds > 0 ? 'P' as const : 'S' as const, at: ctx.now };
  if (r.state === 'S') Object.assign(r, { doneAt: ctx.now });
  o.refunds.push(r); o.state = 'R'; ctx.store.usedIds.add(r.orderId); ctx.store.save();
  return bizOk({ merId: o.merId, orderId: r.orderId, cmbOrderId: r.cmbOrderId, origOrderId: o.orderId, refundAmt: String(amount), refundDscAmt: '0', refundState: r.state, txnTime: txnTime(r.at) }, ctx.sign);
}

export function refundquery(ctx: CmbCtx, biz: Biz): Reply {
  const e = fieldError(biz, ['merId', 'userId'], {});
  if (e) return bizFail(e, e, ctx.sign);
  const found = ctx.store.refundById(biz.orderId ?? '');
  if (!found) return bizFail('ORDERID_NOT_EXIST', '退款单不存在', ctx.sign);
  if (found.order.userId !== biz.userId) return bizFail('USERID_CHECK_FAILED', '收银员与原订单不一致', ctx.sign);
  const r = found.refund;
  return bizOk({ merId: found.order.merId, orderId: r.orderId, cmbOrderId: r.cmbOrderId, refundAmt: String(r.amountFen), refundDscAmt: '0', tradeState: r.state, txnTime: txnTime(r.at) }, ctx.sign);
}

export function statementurl(ctx: CmbCtx, biz: Biz): Reply {
  const e = fieldError(biz, ['merId', 'billDate'], {});
  if (e) return bizFail(e, e, ctx.sign);
  if (!/^\d{8}$/.test(biz.billDate ?? '')) return bizFail('BILLDATE_NOT_LAWFUL', 'billDate 格式 yyyyMMdd', ctx.sign);
  if (biz.billType !== undefined && biz.billType !== 'zip') return bizFail('BILLTYPE_NOT_LAWFUL', 'billType 仅支持 zip', ctx.sign);
  return bizOk({ merId: biz.merId ?? '', billDate: biz.billDate ?? '', fileDownloadUrl: `${ctx.billBaseUrl}/bill/${biz.merId ?? ''}/${biz.billDate ?? ''}.csv` }, ctx.sign);
}

/** The customer pays the QR in the wallet page. F earlier → only the same wallet [ref §3, L §4.1.1]. */
export function walletPay(ctx: CmbCtx, o: CmbOrder, wallet: 'wechat' | 'alipay' | 'unionpay'): { ok: true } | { ok: false; message: string } {
  if (o.kind !== 'qr' || (o.state !== 'P' && o.state !== 'F') || ctx.now >= o.validUntil) return { ok: false, message: '二维码已失效' };
  const t = PAYTYPE[wallet] as PayType;
  if (o.state === 'F' && o.failedWallet !== undefined && o.failedWallet !== t) return { ok: false, message: '请使用同一钱包重新扫码' };
  Object.assign(o, { state: 'S', payType: t, paidAt: ctx.now, chargeCount: 1 });
  ctx.store.save();
  return { ok: true };
}

/** A failed scan (the customer's wallet declined): F, not final before the QR expires. */
export function walletFail(ctx: CmbCtx, o: CmbOrder, wallet?: 'wechat' | 'alipay' | 'unionpay'): { ok: true } | { ok: false; message: string } {
  if (o.kind !== 'qr' || o.state !== 'P' || ctx.now >= o.validUntil) return { ok: false, message: '二维码已失效' };
  Object.assign(o, { state: 'F', failedWallet: wallet ? PAYTYPE[wallet] : undefined });
  ctx.store.save();
  return { ok: true };
}
