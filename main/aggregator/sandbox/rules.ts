/**
 * The request rules of the 收钱吧 Upay v2 documentation the sandbox enforces (as strictly as the
 * docs; see README.md). Each rule names its source page in WoSai/shouqianba-doc. A broken rule
 * is refused with INVALID_PARAMS (as the platform does) and recorded as a violation.
 */
import type { Fields } from './protocol';
import { shortValue, type Violation } from './violations';

export type RuleOp = 'activate' | 'checkin' | 'precreate' | 'pay' | 'query' | 'cancel' | 'refund' | 'revoke' | 'statement' | 'gateway';

interface FieldRule { max?: number; required?: boolean; amount?: boolean; digits?: boolean }
interface OpRules { source: string; fields: Record<string, FieldRule>; oneOf?: readonly string[] }

/** query.md: sn String(16), client_sn String(64) (the order pages say 32: a query may look up either). */
const REF = { terminal_sn: { required: true, max: 32 }, sn: { max: 16 }, client_sn: { max: 64 } };

/** Field tables of the request pages (String(n) = at most n characters). */
export const REQUEST_RULES: Readonly<Record<RuleOp, OpRules>> = {
  activate: { source: 'zh-cn/api/interface/activate.md', fields: {
    app_id: { required: true }, code: { required: true }, device_id: { required: true, max: 128 }, client_sn: { max: 50 },
    name: { max: 128 }, os_info: { max: 45 }, sdk_version: { max: 45 },
  } },
  checkin: { source: 'zh-cn/api/interface/checkin.md', fields: {
    terminal_sn: { required: true, max: 32 }, device_id: { required: true, max: 128 }, os_info: { max: 45 }, sdk_version: { max: 45 },
  } },
  pay: { source: 'zh-cn/api/interface/pay.md', fields: {
    terminal_sn: { required: true, max: 32 }, client_sn: { required: true, max: 32 }, total_amount: { required: true, amount: true },
    dynamic_id: { required: true, max: 32 }, subject: { required: true, max: 64 }, operator: { required: true, max: 32 },
    payway: { digits: true }, description: { max: 256 }, extended: { max: 256 }, reflect: { max: 64 }, notify_url: { max: 128 },
  } },
  precreate: { source: 'zh-cn/api/interface/precreate.md', fields: {
    terminal_sn: { required: true, max: 32 }, client_sn: { required: true, max: 32 }, total_amount: { required: true, amount: true },
    payway: { required: true, digits: true }, sub_payway: { digits: true }, payer_uid: { max: 64 },
    subject: { required: true, max: 64 }, operator: { required: true, max: 32 }, description: { max: 256 },
    extended: { max: 256 }, reflect: { max: 64 }, notify_url: { max: 128 },
  } },
  query: { source: 'zh-cn/api/interface/query.md', fields: REF, oneOf: ['sn', 'client_sn'] },
  cancel: { source: 'zh-cn/api/interface/revoke&cancel.md', fields: REF, oneOf: ['sn', 'client_sn'] },
  revoke: { source: 'zh-cn/api/interface/revoke&cancel.md', fields: REF, oneOf: ['sn', 'client_sn'] },
  refund: { source: 'zh-cn/api/interface/refund.md', fields: {
    ...REF, client_sn: { max: 32 }, refund_request_no: { required: true, max: 20 }, refund_amount: { required: true, amount: true },
    operator: { required: true, max: 64 }, client_tsn: { max: 32 },
  }, oneOf: ['sn', 'client_sn'] },
  statement: { source: 'README.md (sandbox extension, no documented page)', fields: { terminal_sn: { required: true, max: 32 }, date: { required: true } } },
  gateway: { source: 'zh-cn/api/wap2.md', fields: {
    terminal_sn: { required: true, max: 32 }, client_sn: { required: true, max: 32 }, total_amount: { required: true, amount: true },
    subject: { required: true, max: 64 }, operator: { required: true, max: 32 }, return_url: { required: true, max: 128 },
    sign: { required: true, max: 32 }, payway: { digits: true }, description: { max: 256 }, extended: { max: 256 },
    reflect: { max: 64 }, notify_url: { max: 128 },
  } },
};

/** JSON-typed fields (the docs give them as JSON, not String). */
const JSON_FIELDS = new Set(['goods_details', 'extended', 'payment_list']);

export type Broken = Omit<Violation, 'at' | 'refused'>;

/** Every rule `body` breaks for `op` (empty: conforms). */
export function checkRules(op: RuleOp, body: Fields): Broken[] {
  const r = REQUEST_RULES[op];
  const out: Broken[] = [];
  const add = (field: string, rule: string, value?: unknown, source = r.source) =>
    out.push({ op, field, rule, source, ...(value !== undefined ? { value: shortValue(value) } : {}) });
  for (const [name, v] of Object.entries(body)) {
    if (typeof v !== 'string' && !JSON_FIELDS.has(name)) add(name, '每个值都必须是字符串 (every value is a string)', v, 'zh-cn/api/sign.md');
  }
  for (const [name, rule] of Object.entries(r.fields)) {
    const v = body[name];
    if (v === undefined || v === '') {
      if (rule.required) add(name, '必填 (required)');
      continue;
    }
    if (typeof v !== 'string') continue; // reported above
    if (rule.max !== undefined && [...v].length > rule.max) add(name, `长度不超过 ${rule.max} (String(${rule.max}))`, v);
    if (rule.amount && !/^[1-9]\d{0,9}$/.test(v)) add(name, '以分为单位，不超过10位纯数字字符串 (fen, ≤ 10 digits)', v);
    if (rule.digits && !/^\d{1,2}$/.test(v)) add(name, '内容为数字的字符串 (digits)', v);
  }
  if (r.oneOf && r.oneOf.every((n) => body[n] === undefined || body[n] === '')) add(r.oneOf.join('|'), `${r.oneOf.join(' 与 ')} 不能同时为空`);
  return out;
}

export function describeBroken(b: readonly Broken[]): string {
  return b.map((x) => `${x.field}: ${x.rule}`).join('; ');
}
