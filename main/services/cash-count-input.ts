/** The counted drawer as typed at shift close (yuan text or pieces per denomination) → fen. */
import type { CashCount } from '../reports/cash-count';
import type { CashCountInput } from '../../preload/contract-cash-shapes';

export function cashCountOf(input: CashCountInput, fenOf: (yuan: string) => number): CashCount | undefined {
  if (input.denominations && Object.keys(input.denominations).length > 0) return { denominations: input.denominations };
  const total = input.total?.trim();
  if (!total) return undefined;
  if (/^0+(\.0*)?$/.test(total)) return { totalFen: 0 };
  return { totalFen: fenOf(total) };
}
