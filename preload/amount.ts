/**
 * The one yuan → fen parser, used by main (every amount a cashier types is parsed again there and
 * decides) and by the screen (its live arithmetic, e.g. change due). Integer fen, never floats.
 */
import { msg, type Msg } from './messages';

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

