/**
 * Cash in the drawer at shift close (交班点钞): the count by denomination, the cash the drawer
 * should hold (opening float + cash sales − cash refunds − payouts) and the difference
 * (长款 = more than expected, 短款 = less). Pure, integer fen.
 */
import type { Totals } from './types';
import { msg, type Msg } from '../../preload/messages';

/** ¥100, ¥50, ¥20, ¥10, ¥5, ¥1, ¥0.5, ¥0.1 in fen. */
export const DENOMINATIONS_FEN: readonly number[] = [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10];

export interface CashCount {
  /** Pieces per denomination (key: the denomination in fen). */
  denominations?: Record<string, number>;
  /** Or the counted total directly. */
  totalFen?: number;
}

export type DifferenceKind = 'even' | 'over' | 'short';

export interface CashSummary {
  floatFen: number;
  salesFen: number;
  refundsFen: number;
  payoutsFen: number;
  expectedFen: number;
  countedFen?: number;
  /** counted − expected: positive 长款, negative 短款. */
  differenceFen?: number;
  difference?: DifferenceKind;
  denominations?: Record<string, number>;
}

/** The counted total of a denomination count; refuses unknown denominations and bad counts. */
export function countedTotal(count: CashCount): { ok: true; fen: number } | { ok: false; message: Msg } {
  if (count.denominations) {
    let fen = 0;
    for (const [k, n] of Object.entries(count.denominations)) {
      const d = Number(k);
      if (!DENOMINATIONS_FEN.includes(d)) return { ok: false, message: msg('cash.badDenomination', { fen: k }) };
      if (!Number.isSafeInteger(n) || n < 0) return { ok: false, message: msg('cash.badPieces', { n: String(n) }) };
      fen += d * n;
    }
    return { ok: true, fen };
  }
  if (count.totalFen !== undefined && Number.isSafeInteger(count.totalFen) && count.totalFen >= 0) return { ok: true, fen: count.totalFen };
  return { ok: false, message: msg('cash.countRequired') };
}

export function expectedCash(p: { floatFen: number; salesFen: number; refundsFen: number; payoutsFen: number }): number {
  return p.floatFen + p.salesFen - p.refundsFen - p.payoutsFen;
}

export function cashDifference(expectedFen: number, countedFen: number): { kind: DifferenceKind; fen: number } {
  const d = countedFen - expectedFen;
  return { kind: d === 0 ? 'even' : d > 0 ? 'over' : 'short', fen: d };
}

/** 长款 / 短款 / 无差异 as printed and shown. */
export const DIFFERENCE_NAME: Record<DifferenceKind, string> = { even: '无差异', over: '长款', short: '短款' };

/** The shift's cash lines from its totals (cash wallet), the float, the payouts and the count if any. */
export function cashSummary(totals: Totals, floatFen: number, payoutsFen: number, count?: CashCount): CashSummary {
  const cash = totals.byWallet.cash;
  const base = { floatFen, salesFen: cash?.paidFen ?? 0, refundsFen: cash?.refundFen ?? 0, payoutsFen };
  const summary: CashSummary = { ...base, expectedFen: expectedCash(base) };
  if (!count) return summary;
  const counted = countedTotal(count);
  if (!counted.ok) return summary;
  const diff = cashDifference(summary.expectedFen, counted.fen);
  summary.countedFen = counted.fen;
  summary.differenceFen = diff.fen;
  summary.difference = diff.kind;
  if (count.denominations) summary.denominations = { ...count.denominations };
  return summary;
}
