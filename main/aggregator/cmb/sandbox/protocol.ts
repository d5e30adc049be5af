/**
 * The sandbox's half of the wire [ref /work/shared/reference/cmb-polypay.md §1.2–1.4, §7.1–7.4]:
 * POST JSON only; version 0.0.1, encoding UTF-8, signMethod 02, string biz_content, sign;
 * headers appid/timestamp/apisign; SM2withSM3 over the sorted fields with the merchant key;
 * every reply signed with the bank key, FAIL ones too, codes at top level, data in a
 * biz_content string, none on returnCode FAIL.
 */
import { apiSign, sm2Sign } from '../gm';
import { CMB_ENCODING, CMB_SIGN_METHOD, CMB_VERSION, parseBiz, parseTop, signContent, verifyFields } from '../wire';
import { SANDBOX_BANK_KEYS, SANDBOX_MERCHANT } from './test-keys';

/** The bank's times (txnTime, billDate) are Beijing time, UTC+8, whatever the PC's zone. */
export const BEIJING = 480;

export interface Reply { status: number; body: string; contentType?: string; headers?: Record<string, string>; destroy?: boolean }
export type Biz = Record<string, string>;

export type Checked = { ok: true; biz: Biz; encryptKey?: string } | { ok: false; reply: Reply };

export interface SignOptions {
  /** Emit CMB-style non-minimal DER (a 00 pad on s) [ref §1.5]. */
  paddedDer?: boolean;
  /** Sign with a wrong key (a fault: the driver must not trust the answer). */
  wrongKey?: boolean;
}

/** Re-encodes a minimal DER signature with 33-byte INTEGERs, as CMB's UAT does [ref §1.5]. */
function padDer(b64: string): string {
  const der = Buffer.from(b64, 'base64');
  const ints: Buffer[] = [];
  let i = 2;
  for (let k = 0; k < 2; k++) {
    const n = der[i + 1] ?? 0;
    let v = der.subarray(i + 2, i + 2 + n);
    i += 2 + n;
    while (v.length > 1 && v[0] === 0) v = v.subarray(1);
    ints.push(Buffer.concat([Buffer.from([0x02, 33]), Buffer.alloc(33 - v.length), v]));
  }
  const body = Buffer.concat(ints);
  return Buffer.concat([Buffer.from([0x30, body.length]), body]).toString('base64');
}

export function signedReply(top: Biz, biz: Biz | null, opts: SignOptions = {}): Reply {
  const fields: Biz = { version: CMB_VERSION, encoding: CMB_ENCODING, signMethod: CMB_SIGN_METHOD, ...top };
  if (biz !== null) fields.biz_content = JSON.stringify(biz);
  const key = opts.wrongKey ? SANDBOX_MERCHANT.privateKeyHex : SANDBOX_BANK_KEYS.privateKeyHex;
  let sign = sm2Sign(signContent(fields), key);
  if (opts.paddedDer) sign = padDer(sign);
  return { status: 200, body: JSON.stringify({ ...fields, sign }), contentType: 'application/json;charset=UTF-8' };
}

/** returnCode FAIL: the message itself was refused; nothing was done. */
export const protocolFail = (errCode: string, respMsg: string, o?: SignOptions): Reply => signedReply({ returnCode: 'FAIL', errCode, respMsg }, null, o);
/** respCode FAIL: a business refusal. */
export const bizFail = (errCode: string, respMsg: string, o?: SignOptions): Reply => signedReply({ returnCode: 'SUCCESS', respCode: 'FAIL', errCode, respMsg }, null, o);
export const bizOk = (biz: Biz, o?: SignOptions): Reply => signedReply({ returnCode: 'SUCCESS', respCode: 'SUCCESS' }, biz, o);

const header = (h: Record<string, string | string[] | undefined>, k: string): string => {
  const v = h[k];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
};

/** Checks envelope, APP ID header and signature; returns the business fields. */
export function checkRequest(raw: Buffer, headers: Record<string, string | string[] | undefined>, now: number, o?: SignOptions): Checked {
  const fail = (code: string, msg: string): Checked => ({ ok: false, reply: protocolFail(code, msg, o) });
  if (raw.length === 0) return fail('POST_DATA_EMPTY', '请求报文为空');
  const top = parseTop(raw.toString('utf8'));
  if (!top.ok) return fail('JSON_FORMAT_ERROR', `报文格式错误：${top.problem}`);
  const f = top.fields;
  if (f.version !== CMB_VERSION) return fail('VERSION_ERROR', '版本号错误');
  if (f.encoding !== CMB_ENCODING) return fail('ENCODING_ERROR', '编码方式错误');
  if (f.signMethod !== CMB_SIGN_METHOD) return fail('SIGNMETHOD_ERROR', '签名方式错误');
  if (typeof f.biz_content !== 'string' || typeof f.sign !== 'string') return fail('UNDEFINED_PRAM', '缺少 biz_content 或 sign');
  const known = new Set(['version', 'encoding', 'signMethod', 'biz_content', 'sign', 'encryptKey']);
  const extra = Object.keys(f).find((k) => !known.has(k));
  if (extra) return fail('UNDEFINED_PRAM', `未定义的参数 ${extra}`);
  if (!verifyFields(f, SANDBOX_MERCHANT.publicKeyBase64)) return fail('SIGN_ERROR', '签名错误:RQZ7014');
  // [ref §1.3] apisign = md5(appid, secret, sign, timestamp); the error code for it is undocumented (🟡): SIGN_ERROR.
  const appid = header(headers, 'appid'); const ts = header(headers, 'timestamp');
  if (appid !== SANDBOX_MERCHANT.appId || !/^\d{10}$/.test(ts) || header(headers, 'apisign') !== apiSign(appid, SANDBOX_MERCHANT.appSecret, f.sign, ts)) {
    return fail('SIGN_ERROR', 'APP ID 校验失败');
  }
  // Skew limit undocumented (🟡); the sandbox allows 5 minutes.
  if (Math.abs(Number(ts) * 1000 - now) > 300_000) return fail('SIGN_ERROR', 'timestamp 超出允许范围');
  const biz = parseBiz(f.biz_content);
  if (biz === null) return fail('JSON_FORMAT_ERROR', 'biz_content 不是 JSON 对象字符串');
  // [ref §1.2, L §2.3] optional fields, if sent, need a real value.
  const empty = Object.entries(biz).find(([, v]) => v === '');
  if (empty) return fail('UNDEFINED_PRAM', `${empty[0]} 不能为空`);
  return f.encryptKey !== undefined ? { ok: true, biz, encryptKey: f.encryptKey } : { ok: true, biz };
}

/** [ref §2] String(n) limits and fen digit strings. Null when fine. */
export function fieldError(biz: Biz, required: string[], limits: Record<string, number>): string | null {
  for (const k of required) if (biz[k] === undefined) return `${k.toUpperCase()}_NOT_LAWFUL`;
  for (const [k, n] of Object.entries(limits)) if (biz[k] !== undefined && [...(biz[k] ?? '')].length > n) return `${k.toUpperCase()}_NOT_LAWFUL`;
  for (const k of ['txnAmt', 'refundAmt']) if (biz[k] !== undefined && !/^[1-9]\d{0,12}$/.test(biz[k] ?? '')) return `${k.toUpperCase()}_NOT_LAWFUL`;
  if (biz.currencyCode !== undefined && biz.currencyCode !== '156') return 'CURRENCYCODE_NOT_LAWFUL';
  if (biz.merId !== undefined && biz.merId !== SANDBOX_MERCHANT.merId) return 'MERID_NOT_EXIST';
  // [ref §2, §5] userId is a CMB-issued cashier of this merchant: any other is USERID_NOT_EXIST (every API that carries one).
  if (biz.userId !== undefined && biz.userId !== SANDBOX_MERCHANT.userId && biz.userId !== SANDBOX_MERCHANT.otherUserId) return 'USERID_NOT_EXIST';
  return null;
}
