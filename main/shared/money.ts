/**
 * Money is integer fen everywhere. Yuan strings typed by a cashier are parsed here without
 * floats; formatting to "¥12.30" happens only at the edges (screen, receipt, CSV).
 */
import { msg, type Msg } from '../../preload/messages';
// The yuan → fen parser is shared with the screen (its live arithmetic), so it lives beside the contract.
import { DEFAULT_MAX_AMOUNT_FEN, fenToYuanString, yuanToFen, type AmountProblem } from '../../preload/amount';

export { DEFAULT_MAX_AMOUNT_FEN, fenToYuanString };

export type AmountParse = { ok: true; fen: number } | { ok: false; reason: AmountProblem; message: Msg };

/** Parse a yuan amount such as "12", "12.3", "12.30", "1,234.50" into integer fen, with main's message for a problem. */
export function parseYuanToFen(input: string, maxFen: number = DEFAULT_MAX_AMOUNT_FEN): AmountParse {
  const r = yuanToFen(input, maxFen);
  if (r.ok) return r;
  const message = r.reason === 'malformed' ? msg('amount.malformed', { input })
    : r.reason === 'empty' ? msg('amount.required')
      : r.reason === 'negative' ? msg('amount.negative')
        : r.reason === 'too_many_decimals' ? msg('amount.tooManyDecimals')
          : r.reason === 'zero' ? msg('amount.mustBePositive')
            : msg('amount.overLimit', { maxFen });
  return { ok: false, reason: r.reason, message };
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
