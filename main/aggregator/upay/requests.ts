/**
 * Request bodies for the /upay/v2 endpoints. Inputs are checked locally first against the
 * documented fields (required, String(n) lengths, amounts) so that junk is refused before
 * anything is sent — such a refusal is definite because nothing reached the platform.
 * Every value is sent as a string (zh-cn/api/sign.md, payment-protocols.md §1.1).
 */
import type { OrderRef, PayRequest, PrecreateRequest, RefundRequest } from '../types';
import { checkRequestFields } from './limits';
import { isDocumentedPayway, isDocumentedSubPayway, UPAY_SUB_PAYWAY } from './payway';
import { serializeBody } from './sign';

export type Built = { ok: true; body: string } | { ok: false; message: string };

/** Upay amounts are String(10) fen: a positive integer of at most 10 digits. */
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

function build(fields: Record<string, string | undefined>, required: readonly string[]): Built {
  const check = checkRequestFields(fields, required);
  if (!check.ok) return { ok: false, message: `请求参数不符合收钱吧文档：${check.message}` };
  return { ok: true, body: serializeBody(fields) };
}

/** pay.md: terminal_sn, client_sn, total_amount, dynamic_id, subject, operator required. */
export function buildPay(terminalSn: string, req: PayRequest): Built {
  const amount = fen(req.amountFen, '金额');
  if (typeof amount !== 'string') return { ok: false, message: amount.error };
  // No payway on purpose: setting it would disable the platform's detection from dynamic_id.
  return build({
    terminal_sn: terminalSn, client_sn: req.clientSn, total_amount: amount,
    dynamic_id: req.dynamicId, subject: req.subject, operator: req.operator,
  }, ['terminal_sn', 'client_sn', 'total_amount', 'dynamic_id', 'subject', 'operator']);
}

/**
 * precreate.md: payway is required ("Y"); sub_payway '2' (二维码支付) for a counter QR. The QR
 * every wallet can pay is the WAP gateway URL (unifiedQr), not a payway-less precreate.
 */
export function buildPrecreate(terminalSn: string, req: PrecreateRequest): Built {
  const amount = fen(req.amountFen, '金额');
  if (typeof amount !== 'string') return { ok: false, message: amount.error };
  if (!req.payway) return { ok: false, message: '缺少支付方式 payway（预下单必填；多码合一请用 WAP 网关二维码）' };
  if (!isDocumentedPayway(req.payway)) return { ok: false, message: `未知支付方式 payway：${req.payway}` };
  const subPayway = req.subPayway || UPAY_SUB_PAYWAY.QR;
  if (!isDocumentedSubPayway(subPayway)) return { ok: false, message: `未知二级支付方式 sub_payway：${subPayway}` };
  return build({
    terminal_sn: terminalSn, client_sn: req.clientSn, total_amount: amount,
    payway: req.payway, sub_payway: subPayway, subject: req.subject, operator: req.operator,
  }, ['terminal_sn', 'client_sn', 'total_amount', 'payway', 'subject', 'operator']);
}

export function buildRef(terminalSn: string, r: OrderRef): Built {
  const fields = ref(r);
  if (fields === null) return { ok: false, message: '缺少订单号（sn 或 client_sn）' };
  return build({ terminal_sn: terminalSn, ...fields }, ['terminal_sn']);
}

/** refund.md: refund_request_no (String(20)), refund_amount and operator required. */
export function buildRefund(terminalSn: string, req: RefundRequest): Built {
  const fields = ref(req);
  if (fields === null) return { ok: false, message: '缺少订单号（sn 或 client_sn）' };
  const amount = fen(req.amountFen, '退款金额');
  if (typeof amount !== 'string') return { ok: false, message: amount.error };
  if (!req.refundRequestNo) return { ok: false, message: '缺少退款请求号 refund_request_no' };
  return build({
    terminal_sn: terminalSn, ...fields, refund_request_no: req.refundRequestNo,
    refund_amount: amount, operator: req.operator,
  }, ['terminal_sn', 'refund_request_no', 'refund_amount', 'operator']);
}

export function buildStatement(terminalSn: string, day: string): Built {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return { ok: false, message: `日期格式应为 YYYY-MM-DD：${day}` };
  return { ok: true, body: serializeBody({ terminal_sn: terminalSn, date: day }) };
}
