/**
 * The one yuan → fen parser, used by main (every amount a cashier types is parsed again there and
 * decides; main/shared/money.ts adds the message for each problem) and by the screen (its live
 * arithmetic, e.g. change due). Integer fen, never floats. No imports: the screen bundles it as is.
 */

export const DEFAULT_MAX_AMOUNT_FEN = 5_000_000; // ¥50,000.00

export type AmountProblem = 'empty' | 'malformed' | 'too_many_decimals' | 'zero' | 'negative' | 'over_limit';
export type YuanParse = { ok: true; fen: number } | { ok: false; reason: AmountProblem };

/** Parse a yuan amount such as "12", "12.3", "12.30", "1,234.50" into integer fen. */
export function yuanToFen(input: string, maxFen: number = DEFAULT_MAX_AMOUNT_FEN): YuanParse {
  const grouped = input.replace(/\s/g, '').replace(/，/g, ',').replace(/^(-?)[¥￥]/, '$1');
  // A comma is only a thousands separator: "12,34" must not become ¥1,234.00.
  if (grouped.includes(',') && !/^-?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(grouped)) return { ok: false, reason: 'malformed' };
  const text = grouped.replace(/,/g, '');
  if (text === '') return { ok: false, reason: 'empty' };
  if (/^-/.test(text)) return { ok: false, reason: 'negative' };
  const m = /^(\d{1,12})(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!m) return { ok: false, reason: 'malformed' };
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return { ok: false, reason: 'too_many_decimals' };
  const fen = Number(m[1] || '0') * 100 + Number((decimals + '00').slice(0, 2));
  if (!Number.isSafeInteger(fen)) return { ok: false, reason: 'over_limit' };
  if (fen === 0) return { ok: false, reason: 'zero' };
  if (fen > maxFen) return { ok: false, reason: 'over_limit' };
  return { ok: true, fen };
}

/** 1234 → "12.34" (no currency sign, no grouping): the form aggregators and CSV use. */
export function fenToYuanString(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
