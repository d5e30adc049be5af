/**
 * Cash tender arithmetic in integer fen: the change to give, the quick amounts a cashier taps
 * (exact, the next whole yuan, the usual notes), and why a tender is refused. Pure.
 */
import { msg, type Msg } from '../../preload/messages';

/** The notes offered as quick buttons (¥10, ¥20, ¥50, ¥100). */
export const QUICK_NOTES_FEN: readonly number[] = [1_000, 2_000, 5_000, 10_000];

export type ChangeResult =
  | { ok: true; changeFen: number }
  | { ok: false; shortFen: number; message: Msg };

/** Change for `receivedFen` against `amountFen`; received below the amount is refused. */
export function changeFor(amountFen: number, receivedFen: number): ChangeResult {
  if (!Number.isSafeInteger(amountFen) || !Number.isSafeInteger(receivedFen) || amountFen <= 0 || receivedFen < 0) {
    return { ok: false, shortFen: Math.max(0, amountFen), message: msg('amount.mustBePositive') };
  }
  if (receivedFen < amountFen) {
    const shortFen = amountFen - receivedFen;
    return { ok: false, shortFen, message: msg('cash.short', { receivedFen, dueFen: amountFen, shortFen }) };
  }
  return { ok: true, changeFen: receivedFen - amountFen };
}

/** Quick amounts for the cash dialog: exact, the next whole yuan (整数), then notes that cover the amount. */
export function quickTenders(amountFen: number): number[] {
  const out = [amountFen];
  const whole = Math.ceil(amountFen / 100) * 100;
  if (whole !== amountFen) out.push(whole);
  for (const note of QUICK_NOTES_FEN) if (note > amountFen && !out.includes(note)) out.push(note);
  return out;
}
