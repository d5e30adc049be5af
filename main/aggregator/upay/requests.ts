/**
 * Request bodies for the /upay/v2 endpoints. Inputs are checked locally first so that junk
 * (a fractional amount, an order with no reference) is refused before anything is sent —
 * such a refusal is definite because nothing reached the platform.
 */
import type { OrderRef, PayRequest, PrecreateRequest, RefundRequest } from '../types';
import { serializeBody } from './sign';

export type Built = { ok: true; body: string } | { ok: false; message: string };

/** Upay total_amount is String(10) fen: a positive integer of at most 10 digits. */
function fen(amount: number, what: string): string | { error: string } {
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > 9_999_999_999) {
    return { error: `${what}无效：${amount}（须为正整数分）` };
  }
  return String(amount);
}

function ref(r: OrderRef): { sn?: string; client_sn?: string } | null {
  const sn = r.sn || undefined;
  const clientSn = r.clientSn || undefined;
  if (sn === undefined && clientSn === undefined) return null;
  return { sn, client_sn: clientSn };
}

export function buildPay(terminalSn: string, req: PayRequest): Built {
  const amount = fen(req.amountFen, '金额');
  if (typeof amount !== 'string') return { ok: false, message: amount.error };
  // No payway on purpose: setting it would disable the platform's detection from dynamic_id.
  return { ok: true, body: serializeBody({
    terminal_sn: terminalSn, client_sn: req.clientSn, total_amount: amount,
    dynamic_id: req.dynamicId, subject: req.subject, operator: req.operator,
  }) };
}

export function buildPrecreate(terminalSn: string, req: PrecreateRequest): Built {
  const amount = fen(req.amountFen, '金额');
  if (typeof amount !== 'string') return { ok: false, message: amount.error };
  // payway omitted → unified 多码合一 QR that any wallet can pay.
  return { ok: true, body: serializeBody({
    terminal_sn: terminalSn, client_sn: req.clientSn, total_amount: amount,
    payway: req.payway || undefined, subject: req.subject, operator: req.operator,
  }) };
}

export function buildRef(terminalSn: string, r: OrderRef): Built {
  const fields = ref(r);
  if (fields === null) return { ok: false, message: '缺少订单号（sn 或 client_sn）' };
  return { ok: true, body: serializeBody({ terminal_sn: terminalSn, ...fields }) };
}

export function buildRefund(terminalSn: string, req: RefundRequest): Built {
  const fields = ref(req);
  if (fields === null) return { ok: false, message: '缺少订单号（sn 或 client_sn）' };
  const amount = fen(req.amountFen, '退款金额');
  if (typeof amount !== 'string') return { ok: false, message: amount.error };
  if (!req.refundRequestNo) return { ok: false, message: '缺少退款请求号 refund_request_no' };
  return { ok: true, body: serializeBody({
    terminal_sn: terminalSn, ...fields, refund_request_no: req.refundRequestNo,
    refund_amount: amount, operator: req.operator,
  }) };
}

export function buildStatement(terminalSn: string, day: string): Built {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { ok: false, message: `日期格式应为 YYYY-MM-DD：${day}` };
  return { ok: true, body: serializeBody({ terminal_sn: terminalSn, date: day }) };
}
