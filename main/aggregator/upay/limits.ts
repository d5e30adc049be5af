/**
 * Documented field limits of the Upay v2 and WAP requests, checked before anything is sent
 * (a refusal here is definite: nothing reached the platform). Lengths are in characters; the
 * docs' String(n) (zh-cn/api/interface/pay.md, precreate.md, refund.md, wap2.md).
 */

/** Maximum length per request field (String(n) in the docs). */
export const UPAY_FIELD_MAX: Readonly<Record<string, number>> = {
  terminal_sn: 32, // pay.md
  client_sn: 32, // pay.md / precreate.md / wap2.md: 长度不超过32字节
  total_amount: 10, // pay.md: 不超过10位纯数字字符串
  refund_amount: 10, // refund.md
  dynamic_id: 32, // pay.md
  subject: 64, // pay.md
  operator: 32, // pay.md
  description: 256, // pay.md
  reflect: 64, // pay.md
  notify_url: 128, // pay.md
  return_url: 128, // wap2.md
  refund_request_no: 20, // refund.md
  device_id: 128, // activate.md
  payer_uid: 64, // precreate.md
};

/** Fields that are fen amounts: a positive integer of at most 10 digits. */
const AMOUNT_FIELDS = new Set(['total_amount', 'refund_amount']);

export type FieldCheck = { ok: true } | { ok: false; message: string };

/** Required fields present and non-empty, every field within its documented length. */
export function checkRequestFields(fields: Readonly<Record<string, string | undefined>>, required: readonly string[]): FieldCheck {
  for (const name of required) {
    const v = fields[name];
    if (v === undefined || v === '') return { ok: false, message: `缺少必填参数 ${name}` };
  }
  for (const [name, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (AMOUNT_FIELDS.has(name) && !/^[1-9]\d{0,9}$/.test(v)) return { ok: false, message: `${name} 须为不超过10位的正整数分：${v}` };
    const max = UPAY_FIELD_MAX[name];
    if (max !== undefined && [...v].length > max) return { ok: false, message: `${name} 超过 ${max} 个字符（${[...v].length}）` };
  }
  return { ok: true };
}
