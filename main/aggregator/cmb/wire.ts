/**
 * The polypay message envelope, shared by the driver and the sandbox
 * [ref /work/shared/reference/cmb-polypay.md §1.2, §1.4]: top-level `version` 0.0.1,
 * `encoding` UTF-8, `signMethod` 02, `sign`, and `biz_content` as a JSON *string*; the sign
 * string is every top-level field but `sign`, keys sorted by ASCII, `key=value` joined by `&`,
 * no URL-encoding; empty values skipped (JS/P do; moot since we never send empties [§1.2]).
 */
import { sm2Sign, sm2Verify } from './gm';

export const CMB_VERSION = '0.0.1';
export const CMB_ENCODING = 'UTF-8';
export const CMB_SIGN_METHOD = '02';

/** The string that is signed: sorted `k=v` of every field but `sign`. */
export function signContent(fields: Record<string, string>): string {
  return Object.keys(fields)
    .filter((k) => k !== 'sign' && fields[k] !== '')
    .sort()
    .map((k) => `${k}=${fields[k]}`)
    .join('&');
}

export function signFields(fields: Record<string, string>, privateKeyHex: string): Record<string, string> {
  return { ...fields, sign: sm2Sign(signContent(fields), privateKeyHex) };
}

/** A signed request body: `biz_content` stringified once, sent byte for byte as signed. */
export function buildRequestFields(biz: Record<string, string>, privateKeyHex: string, encryptKey?: string): Record<string, string> {
  const fields: Record<string, string> = { version: CMB_VERSION, encoding: CMB_ENCODING, signMethod: CMB_SIGN_METHOD, biz_content: JSON.stringify(biz) };
  // [ref §1.4 🟡] encryptKey is signed too, as P does (L §2.4.4's sample sign verifies with neither
  // published key, so it cannot settle this); the sandbox requires it.
  if (encryptKey !== undefined) fields.encryptKey = encryptKey;
  return signFields(fields, privateKeyHex);
}

export type ParsedTop =
  | { ok: true; fields: Record<string, string> }
  | { ok: false; problem: string };

/** A JSON object whose every top-level value is a string (as every polypay field is). */
export function parseTop(text: string): ParsedTop {
  let json: unknown;
  try { json = JSON.parse(text); } catch (err) { return { ok: false, problem: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` }; }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, problem: 'not a JSON object' };
  const fields: Record<string, string> = {};
  for (const [k, v] of Object.entries(json)) {
    if (typeof v !== 'string') return { ok: false, problem: `field ${k} is not a string` };
    fields[k] = v;
  }
  return { ok: true, fields };
}

/**
 * Verifies a signed message with the other side's SPKI public key. [ref §1.4] says replies with
 * URLs may need `/`→`\/` before verifying; we try the exact text first, then that variant.
 */
export function verifyFields(fields: Record<string, string>, publicKeyBase64: string): boolean {
  const sign = fields.sign;
  if (sign === undefined || sign === '') return false;
  const content = signContent(fields);
  if (sm2Verify(content, sign, publicKeyBase64)) return true;
  return content.includes('/') && sm2Verify(content.replace(/\//g, '\\/'), sign, publicKeyBase64);
}

/** `biz_content` parsed to a flat record of strings (nested values are kept as JSON text). */
export function parseBiz(text: string | undefined): Record<string, string> | null {
  if (text === undefined) return null;
  try {
    const v: unknown = JSON.parse(text);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return null;
    const out: Record<string, string> = {};
    for (const [k, x] of Object.entries(v)) {
      if (x === null || x === undefined) continue;
      out[k] = typeof x === 'string' ? x : typeof x === 'number' ? String(x) : JSON.stringify(x);
    }
    return out;
  } catch {
    return null;
  }
}
