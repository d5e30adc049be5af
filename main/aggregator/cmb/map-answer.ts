/**
 * polypay answers → the checkout's AggOutcome vocabulary (the Upay one: PAY_SUCCESS,
 * PAY_IN_PROGRESS, order_status PAID/CREATED/PAY_CANCELED/CANCELED…), so the checkout, the
 * refunds and recovery run unchanged. Rules: /work/shared/reference/cmb-polypay.md §3, §5.
 */
import { parseFenString } from '../../shared/money';
import type { AggOutcome, OrderData, Wallet } from '../types';
import type { CmbAnswer } from './client';

/** [ref §3, L §2.2/§4.2.1/附录4] system errors (spelled SYSTERM_ in the spec): outcome unknown. */
export const SYSTEM_ERRORS: ReadonlySet<string> = new Set(['SYSTERM_ERROR', 'SYSTERM_MAINTAINING']);

/** [ref §2 pay: payType] */
const WALLETS: Record<string, Wallet> = { ZF: 'alipay', WX: 'wechat', YL: 'unionpay', EC: 'ecny' };
export function walletOfPayType(t: string | undefined): Wallet { return (t !== undefined ? WALLETS[t] : undefined) ?? 'other'; }

export type Answer = Extract<CmbAnswer, { kind: 'answer' }>;

export function unknownOf(a: CmbAnswer | Answer, what: string): AggOutcome | null {
  if (a.kind === 'unknown') return { kind: 'unknown', reason: a.reason, message: a.message };
  if (a.errCode !== undefined && SYSTEM_ERRORS.has(a.errCode)) {
    return { kind: 'unknown', reason: 'server_error', message: `银行系统错误（${a.errCode}），${what}结果未知，请查询订单` };
  }
  return null;
}

export function messageOf(a: Answer): string { return a.respMsg ?? a.errCode ?? ''; } // nothing said: the caller's fallback words it

export function malformed(detail: string): AggOutcome {
  return { kind: 'unknown', reason: 'malformed', message: `银行应答内容不完整，结果未知，请查询订单 (${detail})` };
}

/** Order data from a biz_content; `status` is the Upay order_status we derived. */
export function orderData(biz: Record<string, string>, status: string, fallback: { orderId: string; amountFen?: number }): OrderData | string {
  const fen = biz.txnAmt !== undefined ? parseFenString(biz.txnAmt) : (fallback.amountFen ?? null);
  if (fen === null) return `txnAmt not a fen string: ${JSON.stringify(biz.txnAmt)}`;
  const data: OrderData = {
    sn: biz.cmbOrderId ?? '',
    clientSn: biz.orderId ?? fallback.orderId,
    orderStatus: status,
    wallet: walletOfPayType(biz.payType),
    totalFen: fen,
    raw: biz,
  };
  if (biz.payType) data.payway = biz.payType;
  if (biz.thirdOrderId) data.tradeNo = biz.thirdOrderId;
  if (biz.buyerLogonId) data.payerLogin = biz.buyerLogonId;
  if (biz.qrCode) data.qrCode = biz.qrCode;
  const t = parseTxnTime(biz.txnTime);
  if (t !== null && (status === 'PAID')) data.finishTime = t;
  // dscAmt is the wallet-side discount; what the shop is owed is still txnAmt [ref §2].
  return data;
}

/** yyyyMMddHHmmss Beijing time [ref §1.1] → ms epoch. */
export function parseTxnTime(s: string | undefined): number | null {
  const m = s !== undefined ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s) : null;
  if (!m) return null;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]! - 8, +m[5]!, +m[6]!);
}

/**
 * orderquery tradeState → order_status [ref §2 orderquery, §3]. `qrOpen`: this is a QR order
 * still inside its validity — a failed scan (F) is then not final, the customer may rescan
 * with the same wallet [ref §3 ❗, L §4.1.1]; the safe reading keeps it pending.
 */
export function statusOfTradeState(state: string | undefined, qrOpen: boolean): string | null {
  switch (state) {
    case 'S': return 'PAID';
    case 'R': return 'PARTIAL_REFUNDED'; // paid, refund requested; amounts unknown here
    case 'P': return 'CREATED';
    case 'F': return qrOpen ? 'CREATED' : 'PAY_CANCELED';
    case 'C': return 'PAY_CANCELED';
    case 'D': return 'CANCELED';
    default: return null;
  }
}
