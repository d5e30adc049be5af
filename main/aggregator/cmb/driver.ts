/**
 * The 招商银行 聚合收款 (polypay v3.x) driver behind the Aggregator interface. Every method
 * resolves; unknown outcomes (timeouts, SYSTERM_*, bad signatures) come back `unknown` so the
 * checkout queries, then closes/cancels. Rules: /work/shared/reference/cmb-polypay.md §2–§3.
 */
import type { AggOutcome, Aggregator, OrderData, OrderRef, PrecreateRequest } from '../types';
import { nodeHttpPost, type HttpPost } from '../upay/http';
import type { LogFn } from '../upay/client';
import { createCmbClient, type CmbClient } from './client';
import { QR_HOST, type CmbConfig } from './config';
import { malformed, messageOf, orderData, statusOfTradeState, unknownOf, type Answer } from './map-answer';
import * as rq from './requests';
import { createOrderBook, type OrderBook } from './order-book';
import { fetchStatement, type HttpGet } from './statement';
import { CMB_POLL_POLICY } from './poll-policy';
import { SETTLEMENT } from './statement-format';

export interface CmbDriverOptions {
  config: CmbConfig;
  http?: HttpPost;
  httpGet?: HttpGet;
  timeoutMs?: number;
  clock?: () => number;
  log?: LogFn;
  /** Remembers kind, cashier id, amount and QR validity per order id (in memory by default). */
  orders?: OrderBook;
}

const thrown = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function createCmbDriver(opts: CmbDriverOptions): Aggregator & { testConnection(): Promise<{ ok: boolean; message: string }> } {
  const c = opts.config;
  const clock = opts.clock ?? Date.now;
  const log: LogFn = opts.log ?? (() => undefined);
  const book = opts.orders ?? createOrderBook();
  const client: CmbClient = createCmbClient({ baseUrl: c.baseUrl, appId: c.appId, appSecret: c.appSecret, privateKeyHex: c.privateKeyHex, cmbPublicKey: c.cmbPublicKey, http: opts.http ?? nodeHttpPost, timeoutMs: opts.timeoutMs ?? 15_000, clock, log });

  async function guard(what: string, fn: () => Promise<AggOutcome>): Promise<AggOutcome> {
    try { return await fn(); } catch (err) {
      log('error', 'cmb driver internal error', { what, error: thrown(err) });
      return { kind: 'unknown', reason: 'network', message: `内部错误，结果未知，请查询订单 (internal: ${thrown(err)})` };
    }
  }
  const orderIdOf = (ref: OrderRef): string => ref.clientSn ?? ref.sn ?? '';
  /** [ref §2, L §4.1.2/§4.2.2/§4.7.2] query/close/cancel must carry the original order's cashier. */
  const userIdOf = (orderId: string): string => book.get(orderId)?.userId ?? c.userId;

  async function query(ref: OrderRef): Promise<AggOutcome> {
    const orderId = orderIdOf(ref);
    const a = await client.post('orderquery', rq.orderQuery(c, userIdOf(orderId), orderId));
    const unk = unknownOf(a, '查询');
    if (unk) return unk;
    const ans = a as Answer;
    const known = book.get(orderId);
    if (ans.returnCode === 'FAIL' || ans.respCode === 'FAIL') {
      switch (ans.errCode) {
        // [ref §3] unpaid: keep polling until validity ends, then close.
        case 'UNPAIED_ORDER': case 'CMBORDERID_NOT_EXIST':
          return { kind: 'ok', bizCode: 'SUCCESS', data: synth(orderId, 'CREATED', known?.amountFen) };
        // [ref §3] expired: final.
        case 'ORDERID_INVALID':
          return { kind: 'ok', bizCode: 'SUCCESS', errorCode: 'TRADE_TIMEOUT', message: '二维码已过期', data: synth(orderId, 'PAY_CANCELED', known?.amountFen) };
        case 'ORDERID_NOT_EXIST':
          return { kind: 'ok', bizCode: 'FAIL', errorCode: 'ORDER_NOT_EXISTS', message: messageOf(ans) };
        default: // [ref §3] a failed query is not a failed payment: ask again (USERID_CHECK_FAILED too).
          return { kind: 'unknown', reason: 'server_error', message: `查询失败（${ans.errCode ?? ''} ${ans.respMsg ?? ''}），结果未知` };
      }
    }
    const qrOpen = known?.kind !== 'pay' && (known === undefined || clock() < known.validUntil);
    const status = statusOfTradeState(ans.biz.tradeState, qrOpen);
    if (status === null) return malformed(`tradeState ${JSON.stringify(ans.biz.tradeState)}`);
    const data = orderData(ans.biz, status, { orderId, amountFen: known?.amountFen });
    return typeof data === 'string' ? malformed(data) : { kind: 'ok', bizCode: 'SUCCESS', data };
  }

  function synth(orderId: string, status: string, amountFen = 0): OrderData {
    return { sn: '', clientSn: orderId, orderStatus: status, wallet: 'other', totalFen: amountFen, raw: {} };
  }

  /** close (QR) or cancel (payment code) → CANCEL_SUCCESS / CANCEL_FAIL / not found. */
  async function voidCall(api: 'close' | 'cancel', orderId: string): Promise<AggOutcome> {
    const a = await client.post(api, rq.origRef(c, userIdOf(orderId), orderId));
    // [ref §3] cancel: SYSTERM_*, OPERATING_FREQUENTLY, timeout → unknown, query the payment.
    const unk = unknownOf(a, api === 'close' ? '关单' : '撤销');
    if (unk) return unk;
    const ans = a as Answer;
    if (ans.errCode === 'OPERATING_FREQUENTLY') return { kind: 'unknown', reason: 'server_error', message: '操作过于频繁，撤销结果未知' };
    if (ans.returnCode === 'FAIL' || ans.respCode === 'FAIL') {
      if (ans.errCode === 'ORDERID_NOT_EXIST') return { kind: 'ok', bizCode: 'CANCEL_FAIL', errorCode: 'ORDER_NOT_EXISTS', message: messageOf(ans) };
      return { kind: 'ok', bizCode: 'CANCEL_FAIL', errorCode: ans.errCode ?? 'FAIL', message: messageOf(ans) };
    }
    const state = api === 'close' ? ans.biz.closeState : ans.biz.cancelState;
    // [ref §2] cancelState C/D, closeState C = done; F = failed, order unchanged.
    if (state === 'C' || state === 'D') return { kind: 'ok', bizCode: 'CANCEL_SUCCESS' };
    if (state === 'F') return { kind: 'ok', bizCode: 'CANCEL_FAIL', errorCode: 'FAIL' };
    return malformed(`${api}State ${JSON.stringify(state)}`);
  }

  const head: Pick<Aggregator, 'pollPolicy' | 'activate' | 'checkin' | 'precreate' | 'unifiedQr'> = {
    // [ref §3, L §4.2.1] the bank's own polling rules (poll-policy.ts).
    pollPolicy: CMB_POLL_POLICY,
    activate: () => Promise.resolve({ ok: false, definite: true, errorCode: 'NOT_SUPPORTED', message: 'no activation at CMB: merchant id, cashier id, APP ID and keys are set up in the settings' }),
    // No key rotation at CMB: the merchant key pair is registered with the bank once.
    checkin: () => Promise.resolve({ ok: true, terminalSn: c.userId, terminalKey: '' }),

    precreate: (req) => qrcodeapply(req),

    // unifiedQr = qrcodeapply (a network call): one 聚合银标码 every wallet pays [ref §2].
    async unifiedQr(req) {
      const out = await qrcodeapply(req);
      if (out.kind !== 'ok') return out;
      if (out.bizCode === 'PRECREATE_SUCCESS' && out.data?.qrCode) return { kind: 'ok', qrCode: out.data.qrCode, sn: out.data.sn };
      return { kind: 'rejected', errorCode: out.errorCode ?? 'FAIL', message: out.message ?? '' };
    },
  };

  function qrcodeapply(req: PrecreateRequest): Promise<AggOutcome> {
    return guard('qrcodeapply', async () => {
      book.put(req.clientSn, { kind: 'qr', userId: c.userId, amountFen: req.amountFen, validUntil: clock() + c.payValidTimeSeconds * 1000 });
      const a = await client.post('qrcodeapply', rq.qrcodeApply(c, req.clientSn, req.amountFen, req.subject));
      const unk = unknownOf(a, '下单');
      if (unk) return unk;
      const ans = a as Answer;
      // [ref §3] qrcodeapply FAIL: not created (a new order id next time).
      if (ans.returnCode === 'FAIL') return { kind: 'rejected', errorCode: ans.errCode ?? 'FAIL', message: messageOf(ans) };
      if (ans.respCode === 'FAIL') return { kind: 'ok', bizCode: 'PRECREATE_FAIL', errorCode: ans.errCode ?? 'FAIL', message: messageOf(ans) };
      if (!ans.biz.qrCode) return malformed('qrcodeapply SUCCESS without qrCode');
      const qrCode = c.qrHostRewrite && ans.biz.qrCode.startsWith(QR_HOST) ? c.qrHostRewrite + ans.biz.qrCode.slice(QR_HOST.length) : ans.biz.qrCode;
      const data = orderData({ ...ans.biz, qrCode, orderId: req.clientSn }, 'CREATED', { orderId: req.clientSn, amountFen: req.amountFen });
      return typeof data === 'string' ? malformed(data) : { kind: 'ok', bizCode: 'PRECREATE_SUCCESS', data };
    });
  }

  const rest: Omit<Aggregator, 'pollPolicy' | 'activate' | 'checkin' | 'precreate' | 'unifiedQr'> & { testConnection(): Promise<{ ok: boolean; message: string }> } = {

    pay: (req) => guard('pay', async () => {
      book.put(req.clientSn, { kind: 'pay', userId: c.userId, amountFen: req.amountFen, validUntil: 0 });
      const built = rq.pay(c, req.clientSn, req.amountFen, req.dynamicId, req.subject);
      const a = await client.post('pay', built.biz, built.encryptKey);
      const unk = unknownOf(a, '支付');
      if (unk) return unk;
      const ans = a as Answer;
      // [ref §3] other returnCode FAIL: no order exists; respCode FAIL: failed.
      if (ans.returnCode === 'FAIL') return { kind: 'rejected', errorCode: ans.errCode ?? 'FAIL', message: messageOf(ans) };
      if (ans.respCode === 'FAIL') return { kind: 'ok', bizCode: 'PAY_FAIL', errorCode: ans.errCode ?? 'FAIL', message: messageOf(ans) };
      const st = ans.biz.tradeState;
      if (st === 'F') return { kind: 'ok', bizCode: 'PAY_FAIL', errorCode: 'FAIL', ...(ans.biz.errDescription ? { message: ans.biz.errDescription } : {}) };
      if (st !== 'S' && st !== 'P') return malformed(`pay tradeState ${JSON.stringify(st)}`);
      // [ref §3] P is the USERPAYING analogue: query.
      const data = orderData({ ...ans.biz, orderId: req.clientSn }, st === 'S' ? 'PAID' : 'CREATED', { orderId: req.clientSn, amountFen: req.amountFen });
      if (typeof data === 'string') return malformed(data);
      return { kind: 'ok', bizCode: st === 'S' ? 'PAY_SUCCESS' : 'PAY_IN_PROGRESS', data };
    }),

    query: (ref) => guard('orderquery', () => query(ref)),

    cancel: (ref) => guard('cancel', async () => {
      const orderId = orderIdOf(ref);
      const kind = book.get(orderId)?.kind;
      // [ref §3] cancel is for payment-code orders only (QR → NOT_ALLOWED); QR orders are closed.
      if (kind === 'qr') return voidCall('close', orderId);
      const first = await voidCall('cancel', orderId);
      if (kind === undefined && first.kind === 'ok' && first.errorCode === 'NOT_ALLOWED') return voidCall('close', orderId);
      return first;
    }),

    refund: (req) => guard('refund', async () => {
      const origId = req.clientSn ?? req.sn ?? '';
      // txnAmt must be the original amount [ref §2 refund]: read it from the bank first.
      const q = await query({ clientSn: origId });
      if (q.kind !== 'ok' || !q.data || q.data.totalFen <= 0) return { kind: 'unknown', reason: 'network', message: '无法查询原订单金额，退款未发出，请稍后重试' };
      const a = await client.post('refund', rq.refund(c, userIdOf(origId), origId, req.refundRequestNo, q.data.totalFen, req.amountFen));
      const unk = unknownOf(a, '退款');
      if (unk) return unk;
      const ans = a as Answer;
      // [ref §3] refund FAIL (non-system) / F: failed, retry with the same refund id.
      if (ans.returnCode === 'FAIL' || ans.respCode === 'FAIL') return { kind: 'ok', bizCode: 'REFUND_FAIL', errorCode: ans.errCode ?? 'FAIL', message: messageOf(ans) };
      switch (ans.biz.refundState) {
        case 'S': return { kind: 'ok', bizCode: 'REFUND_SUCCESS' };
        case 'F': return { kind: 'ok', bizCode: 'REFUND_FAIL', errorCode: 'FAIL', ...(ans.biz.failureReason ? { message: ans.biz.failureReason } : {}) };
        // [ref §2/§3] P (WeChat originals): accepted, still processing — not done yet.
        case 'P': return { kind: 'unknown', reason: 'server_error', message: '退款处理中（微信原路退回需要时间），请稍后“再次查询”' };
        default: return malformed(`refundState ${JSON.stringify(ans.biz.refundState)}`);
      }
    }),

    refundQuery: (req) => guard('refundquery', async () => {
      const a = await client.post('refundquery', rq.refundQuery(c, userIdOf(req.clientSn), req.refundRequestNo));
      const unk = unknownOf(a, '退款查询');
      if (unk) return unk;
      const ans = a as Answer;
      if (ans.returnCode === 'FAIL' || ans.respCode === 'FAIL') {
        // The bank has no refund of that number: the request never reached it (re-send, same number).
        if (ans.errCode === 'ORDERID_NOT_EXIST') return { kind: 'ok', bizCode: 'FAIL', errorCode: 'ORDER_NOT_EXISTS', message: messageOf(ans) };
        // [ref §3] a failed query is not a failed refund: ask again.
        return { kind: 'unknown', reason: 'server_error', message: `退款查询失败（${ans.errCode ?? ''} ${ans.respMsg ?? ''}），结果未知` };
      }
      // [ref §2 refundquery] tradeState P 预退款完成 / S / F (+ failureReason).
      switch (ans.biz.tradeState) {
        case 'S': return { kind: 'ok', bizCode: 'REFUND_SUCCESS' };
        case 'F': return { kind: 'ok', bizCode: 'REFUND_FAIL', errorCode: 'FAIL', message: ans.biz.failureReason ?? '退款失败' };
        // [ref §3] refundquery P: keep querying.
        case 'P': return { kind: 'unknown', reason: 'server_error', message: '退款处理中（微信原路退回需要时间）' };
        default: return malformed(`refundquery tradeState ${JSON.stringify(ans.biz.tradeState)}`);
      }
    }),

    // Voiding a paid order: the text forbids it (ORDER_PAID, use refund) [ref §3 ❗]; safe reading: refund.
    revoke: () => Promise.resolve({ kind: 'rejected', errorCode: 'VOID_NOT_SUPPORTED', message: 'CMB cannot void a paid order; refund it instead' }),

    // Fees and T+N are the bank's, from the one documented place (statement-format.ts SETTLEMENT).
    settlementTerms: { defaultFeeBp: SETTLEMENT.defaultFeeBp, feeBp: SETTLEMENT.feeBp, settleDays: SETTLEMENT.settleDays },
    statement: (day) => fetchStatement({ client, config: c, httpGet: opts.httpGet, day, timeoutMs: opts.timeoutMs ?? 15_000 }),

    async testConnection() {
      // A signed query of an order id that cannot exist: a signed, verified answer proves keys, app id and reachability.
      const a = await client.post('orderquery', rq.orderQuery(c, c.userId, `yima-probe-${clock()}`));
      if (a.kind === 'unknown') return { ok: false, message: a.message };
      if (a.errCode === 'SIGN_ERROR' || a.errCode === 'MERID_NOT_EXIST' || a.errCode === 'USERID_NOT_EXIST') return { ok: false, message: `${a.errCode} ${a.respMsg ?? ''}` };
      return { ok: true, message: `连接正常：银行应答已验签（${a.errCode ?? a.respCode ?? a.returnCode}）` };
    },
  };
  return { ...head, ...rest };
}
