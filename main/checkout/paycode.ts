/**
 * Payment-code (付款码) detection: a pure, table-driven first check on what the scanner read.
 * The prefix table is only a UI hint and an early sanity check (wallet icon, "that was a goods
 * barcode"): the aggregator detects the channel itself, and prefix rules change over time
 * (payment-protocols.md §4). Callers may therefore still choose to send an `unknown_format`
 * all-digit code onwards; `goods_barcode` and `not_digits` are never payment codes.
 */
import type { Wallet } from '../aggregator/types';
import { msg, type Msg } from '../../preload/messages';

export interface PaycodeRule {
  wallet: Wallet;
  minLength: number;
  maxLength: number;
  /** Allowed leading digits; a code matches when it starts with any of them. */
  prefixes: readonly string[];
  /** false where the rule comes from a single unattributed source. */
  confirmed: boolean;
}

export const DEFAULT_PAYCODE_TABLE: readonly PaycodeRule[] = [
  // WeChat Pay micropay: 18 digits, prefix 10–15 (WeChat micropay scene doc, quoted).
  { wallet: 'wechat', minLength: 18, maxLength: 18, prefixes: ['10', '11', '12', '13', '14', '15'], confirmed: true },
  // Alipay auth_code: 16–24 digits ("actual length as received"), prefix 25–30.
  { wallet: 'alipay', minLength: 16, maxLength: 24, prefixes: ['25', '26', '27', '28', '29', '30'], confirmed: true },
  // UnionPay QR (云闪付 / bank apps): 62 + 2-digit product id + 15 random = 19 digits.
  { wallet: 'unionpay', minLength: 19, maxLength: 19, prefixes: ['62'], confirmed: true },
  // e-CNY 数字人民币: UNCONFIRMED — one unattributed public source only (payment-protocols.md §4 ❓).
  { wallet: 'ecny', minLength: 19, maxLength: 19, prefixes: ['01'], confirmed: false },
];

export type PaycodeRefusal = 'empty' | 'not_digits' | 'goods_barcode' | 'unknown_format';

export type PaycodeResult =
  | { ok: true; wallet: Wallet; code: string }
  | { ok: false; reason: PaycodeRefusal; message: Msg };

const SHOWN_CHARS = 24;

export function detectPaycode(text: string, table: readonly PaycodeRule[] = DEFAULT_PAYCODE_TABLE): PaycodeResult {
  const code = normalise(text);
  if (code === '') return { ok: false, reason: 'empty', message: msg('paycode.empty') };
  if (!/^\d+$/.test(code)) {
    return { ok: false, reason: 'not_digits', message: msg('paycode.notDigits', { code: shown(code) }) };
  }
  const rule = table.find((r) => code.length >= r.minLength && code.length <= r.maxLength
    && r.prefixes.some((p) => code.startsWith(p)));
  if (rule) return { ok: true, wallet: rule.wallet, code };
  if (isGoodsBarcode(code)) {
    return { ok: false, reason: 'goods_barcode', message: msg('paycode.goodsBarcode', { code }) };
  }
  // Unknown digits may still be a real payment code from a new wallet: show it masked.
  return { ok: false, reason: 'unknown_format', message: msg('paycode.unknownFormat', { code: maskPaycode(code), length: code.length }) };
}

/** First 4 + **** + last 4, for receipts and logs; short strings are hidden entirely. */
export function maskPaycode(code: string): string {
  const c = code.trim();
  if (c.length <= 8) return '****';
  return `${c.slice(0, 4)}****${c.slice(-4)}`;
}

/** EAN-13, EAN-8 and UPC-A with a valid GS1 check digit: what goods barcodes look like. */
export function isGoodsBarcode(code: string): boolean {
  if (!/^\d+$/.test(code) || ![8, 12, 13].includes(code.length)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop() as number;
  // GS1: from the right (excluding the check digit), weights alternate 3, 1, 3, …
  const sum = digits.reverse().reduce((acc, d, i) => acc + d * (i % 2 === 0 ? 3 : 1), 0);
  return (10 - (sum % 10)) % 10 === check;
}

/** Trim whitespace/control characters and fold full-width digits (IME keyboard wedges). */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/^[\s\p{Cc}]+|[\s\p{Cc}]+$/gu, '');
}

/** What the cashier sees of a refused scan: printable, and not a screenful. */
function shown(text: string): string {
  const printable = text.replace(/\p{Cc}/gu, '�');
  const chars = [...printable];
  return chars.length > SHOWN_CHARS ? `${chars.slice(0, SHOWN_CHARS).join('')}…` : printable;
}
