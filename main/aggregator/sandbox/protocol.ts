/** Upay v2 wire format: signatures, request parsing, answer envelopes. */
import { createHash } from 'node:crypto';

export interface Reply {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Destroy the socket instead of answering (after processing). */
  destroy?: boolean;
}

export type Fields = Record<string, unknown>;

/** sign = md5(rawBodyBytes + key), lower-case hex. */
export function sign(raw: Buffer | string, key: string): string {
  return createHash('md5').update(raw).update(key, 'utf8').digest('hex');
}

export function parseAuthorization(header: string | undefined): { sn: string; sign: string } | null {
  if (!header) return null;
  const m = /^\s*(\S+) (\S+)\s*$/.exec(header);
  if (!m || !m[1] || !m[2]) return null;
  return { sn: m[1], sign: m[2] };
}

export function verify(raw: Buffer, key: string, given: string): boolean {
  return sign(raw, key) === given;
}

export function parseJsonObject(raw: Buffer): Fields | null {
  try {
    const v: unknown = JSON.parse(raw.toString('utf8'));
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Fields) : null;
  } catch {
    return null;
  }
}

export function str(body: Fields, name: string): string | undefined {
  const v = body[name];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

export function json(status: number, value: unknown): Reply {
  return { status, body: JSON.stringify(value), contentType: 'application/json; charset=utf-8' };
}

export function transportError(code: string, message: string, resultCode = '400'): Reply {
  return json(200, { result_code: resultCode, error_code: code, error_message: message });
}

export const illegalSign = (): Reply => transportError('ILLEGAL_SIGN', '签名错误');
export const invalidParams = (message: string): Reply => transportError('INVALID_PARAMS', message);

export interface BizError { code: string; message: string }

/** Transport 200 with a business result; every data value is a string. */
export function biz(resultCode: string, data?: Record<string, string>, error?: BizError): Reply {
  const bizResponse: Record<string, unknown> = { result_code: resultCode };
  if (error) {
    bizResponse.error_code = error.code;
    bizResponse.error_message = error.message;
  }
  if (data) bizResponse.data = data;
  return json(200, { result_code: '200', biz_response: bizResponse });
}

/** Drops undefined values so every remaining value is a string. */
export function strings(input: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(input)) if (v !== undefined) out[k] = String(v);
  return out;
}

/** A non-negative integer amount in fen, given as a digit string of at most 10 digits. */
export function parseFen(v: string | undefined): number | null {
  if (v === undefined || !/^\d{1,10}$/.test(v)) return null;
  return Number(v);
}
