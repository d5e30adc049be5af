/**
 * Masking for log lines: payment codes (付款码) and keys never reach a log file in the clear.
 * - a run of 16–24 digits that starts like a payment code (10–15 WeChat, 25–30 Alipay, 62 UnionPay
 *   and bank cards, 01 e-CNY) → first 4 + **** + last 4; order numbers and timestamps stay readable
 * - values of key-like fields (terminal_key, vendorKey, sign, authorization, pin, token, password…)
 *   in JSON (`"terminal_key":"…"`) and in `name=value` / `name: value` text → ****
 * - an `Authorization: <sn> <sign>` header → the sn stays, the signature goes
 * Pure: the same text always gives the same masked text.
 */

const SECRET_NAMES = '(?:[a-z_]*key|sign|signature|authorization|pin|old_?pin|token|password|passwd|secret|activation_?code|code_?raw|dynamic_?id|auth_?code)';

const JSON_FIELD = new RegExp(`("${SECRET_NAMES}"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
// In plain text the Authorization header is handled below (the sn may stay, the signature may not).
const TEXT_NAMES = SECRET_NAMES.replace('authorization|', '');
const TEXT_FIELD = new RegExp(`\\b(${TEXT_NAMES}\\s*[=:]\\s*)(?!["{\\[])([^\\s,;&"'}]+)`, 'gi');
const BEARER = /\b(Bearer\s+)[^\s,;"']+/gi;
const UPAY_AUTH = /\b(Authorization:?\s*"?)(\d{6,20})\s+([0-9a-f]{32})\b/gi;
const PAYCODE = /(?<!\d)((?:1[0-5]|2[5-9]|30|62|01)\d{2})\d{8,16}(\d{4})(?!\d)/g;
const HEX_KEY = /(?<![0-9a-f])[0-9a-f]{32,}(?![0-9a-f])/gi;

export const MASK = '****';

export function maskSecrets(text: string): string {
  return text
    .replace(UPAY_AUTH, (_m, pre: string, sn: string) => `${pre}${sn} ${MASK}`)
    .replace(BEARER, (_m, pre: string) => `${pre}${MASK}`)
    .replace(JSON_FIELD, (_m, pre: string) => `${pre}"${MASK}"`)
    .replace(TEXT_FIELD, (_m, pre: string) => `${pre}${MASK}`)
    .replace(PAYCODE, (_m, head: string, tail: string) => `${head}${MASK}${tail}`)
    .replace(HEX_KEY, MASK);
}

/** Masks a value for logging: strings as they are, errors with their stack, objects as JSON. */
export function maskValue(value: unknown): string {
  if (value === undefined) return '';
  if (value instanceof Error) return maskSecrets(value.stack ?? `${value.name}: ${value.message}`);
  if (typeof value === 'string') return maskSecrets(value);
  try {
    return maskSecrets(JSON.stringify(value));
  } catch {
    return maskSecrets(String(value));
  }
}
