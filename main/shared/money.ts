/**
 * Money is integer fen everywhere. Yuan strings typed by a cashier are parsed here without
 * floats; formatting to "¥12.30" happens only at the edges (screen, receipt, CSV).
 */
import { msg, type Msg } from '../../preload/messages';

export const DEFAULT_MAX_AMOUNT_FEN = 5_000_000; // ¥50,000.00

export type AmountParse =
  | { ok: true; fen: number }
  | { ok: false; reason: 'empty' | 'malformed' | 'too_many_decimals' | 'zero' | 'negative' | 'over_limit'; message: Msg };

/** Parse a yuan amount such as "12", "12.3", "12.30", "1,234.50" into integer fen. */
export function parseYuanToFen(input: string, maxFen: number = DEFAULT_MAX_AMOUNT_FEN): AmountParse {
  const grouped = input.replace(/\s/g, '').replace(/，/g, ',').replace(/^(-?)[¥￥]/, '$1');
  // A comma is only a thousands separator: "12,34" must not become ¥1,234.00.
  if (grouped.includes(',') && !/^-?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(grouped)) return { ok: false, reason: 'malformed', message: msg('amount.malformed', { input }) };
  const text = grouped.replace(/,/g, '');
  if (text === '') return { ok: false, reason: 'empty', message: msg('amount.required') };
  if (/^-/.test(text)) return { ok: false, reason: 'negative', message: msg('amount.negative') };
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!m) return { ok: false, reason: 'malformed', message: msg('amount.malformed', { input }) };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, reason: 'too_many_decimals', message: msg('amount.tooManyDecimals') };
  const fen = Number(m[1] || '0') * 100 + Number((decimals + '00').slice(0, 2));
  if (!Number.isSafeInteger(fen)) return { ok: false, reason: 'over_limit', message: msg('amount.overLimit', { maxFen }) };
  if (fen === 0) return { ok: false, reason: 'zero', message: msg('amount.mustBePositive') };
  if (fen > maxFen) return { ok: false, reason: 'over_limit', message: msg('amount.overLimit', { maxFen }) };
  return { ok: true, fen };
}

/** 1234 → "12.34" (no currency sign, no grouping): the form aggregators and CSV use. */
export function fenToYuanString(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** 123456 → "¥1,234.56" for screens and receipts. */
export function formatFen(fen: number): string {
  const [whole = '0', cents = '00'] = fenToYuanString(Math.abs(fen)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${fen < 0 ? '-' : ''}¥${grouped}.${cents}`;
}

/** Parse a fen string from the wire ("1000") strictly; null when it is not a non-negative integer. */
export function parseFenString(value: unknown): number | null {
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}
