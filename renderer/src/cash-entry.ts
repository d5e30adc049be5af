/**
 * The cash dialog's live arithmetic (display only: main parses the typed text again and
 * decides), with the same parser (preload/amount.ts). Integer fen, never floats.
 */
import { fenToYuanString, yuanToFen } from '../../preload/amount';

/** The typed text in fen for the live arithmetic (0 for "0"), or null while it is not an amount yet. */
export function yuanTextToFen(text: string): number | null {
  const r = yuanToFen(text, Number.MAX_SAFE_INTEGER);
  return r.ok ? r.fen : r.reason === 'zero' ? 0 : null;
}

/** 1234 → "12.34", the text main parses back. */
export const fenToYuanText = fenToYuanString;

/** Exact, the next whole yuan (整数), then the notes that cover the amount. */
export function quickAmounts(amountFen: number): { kind: 'exact' | 'whole' | 'note'; fen: number }[] {
  const out: { kind: 'exact' | 'whole' | 'note'; fen: number }[] = [{ kind: 'exact', fen: amountFen }];
  const whole = Math.ceil(amountFen / 100) * 100;
  if (whole !== amountFen) out.push({ kind: 'whole', fen: whole });
  for (const note of [1_000, 2_000, 5_000, 10_000]) if (note > amountFen && note !== whole) out.push({ kind: 'note', fen: note });
  return out;
}
