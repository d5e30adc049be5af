/**
 * The unified QR (多码合一): a signed GET URL on the 收钱吧 WAP gateway, built locally.
 * Source: zh-cn/api/wap2.md (parameters, 签名规则) and payment-protocols.md §1.6a.
 * This is the ONE place the QR content is built, so a redirect host can be put in front later.
 */
import { createHash } from 'node:crypto';
import type { UnifiedQrRequest } from '../types';
import { checkRequestFields, type FieldCheck } from './limits';

/** Production gateway (doc.shouqianba.com/zh-cn/api/wap2.html). */
export const DEFAULT_GATEWAY_URL = 'https://qr.shouqianba.com/gateway';
/** return_url is required (String(128), wap2.md); the page the wallet shows after paying. */
export const DEFAULT_RETURN_URL = 'https://www.shouqianba.com';

/**
 * WAP signature (wap2.md 签名规则): every parameter except sign/sign_type, sorted by name (ASCII),
 * `k=v` joined with `&`, then `&key=<terminal_key>`, MD5, upper case. Values are signed raw
 * (not URL-encoded): the doc's PHP sample signs the plain string.
 */
export function wapSign(params: Readonly<Record<string, string>>, key: string): string {
  const text = Object.keys(params)
    .filter((k) => k !== 'sign' && k !== 'sign_type')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHash('md5').update(`${text}&key=${key}`, 'utf8').digest('hex').toUpperCase();
}

export interface GatewayTarget { gatewayUrl: string; returnUrl: string; terminalSn: string; terminalKey: string }

/** Build the signed gateway URL, or say which documented limit the request breaks. */
export function buildUnifiedQrUrl(t: GatewayTarget, req: UnifiedQrRequest): { ok: true; url: string } | { ok: false; message: string } {
  const params: Record<string, string> = {
    client_sn: req.clientSn,
    operator: req.operator,
    return_url: t.returnUrl,
    subject: req.subject,
    terminal_sn: t.terminalSn,
    total_amount: String(req.amountFen), // checked below: a positive integer of ≤ 10 digits
  };
  const bad: FieldCheck = checkRequestFields(params, ['client_sn', 'operator', 'return_url', 'subject', 'terminal_sn', 'total_amount']);
  if (!bad.ok) return bad;
  const sign = wapSign(params, t.terminalKey);
  const query = Object.keys(params).sort().map((k) => `${k}=${encodeURIComponent(params[k]!)}`).join('&');
  const sep = t.gatewayUrl.includes('?') ? '&' : '?';
  return { ok: true, url: `${t.gatewayUrl}${sep}${query}&sign=${sign}` };
}
