/**
 * Money is integer fen everywhere. Yuan strings typed by a cashier are parsed here without
 * floats; formatting to "¥12.30" happens only at the edges (screen, receipt, CSV).
 */
// The yuan → fen parser is shared with the screen (its live arithmetic), so it lives beside the contract.
export { DEFAULT_MAX_AMOUNT_FEN, fenToYuanString, parseYuanToFen, type AmountParse } from '../../preload/amount';
import { fenToYuanString } from '../../preload/amount';

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
