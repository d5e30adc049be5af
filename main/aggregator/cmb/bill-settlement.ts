/**
 * The bank's settlement (结算) of one bill day, per acquirer account and 清算日期, read from the
 * bill rows (statement.ts). Where the bill is the unsettled one (before 16:30 T+1, no 手续费 or
 * 清算日期 [ref cmb-polypay.md §4, L §4.13.1]) the line is filled from the documented
 * assumptions (statement-format.ts SETTLEMENT) and marked assumed, so the screen can say so.
 * Integer fen throughout; fees per order half up, refunds return the fee pro rata (as the sandbox
 * bill and reports/settlement.ts do).
 */
import { addDays } from '../../shared/dates';
import type { StatementSettlementLine } from '../types';
import { walletOfPayType } from './map-answer';
import { SETTLEMENT } from './statement-format';
import type { BillRow } from './statement';

const halfUp = (a: number, b: number): number => Math.floor((2 * a + b) / (2 * b));
const isoDay = (yyyymmdd: string): string => `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;

/** The assumed fee of a payment of `fen` paid with `payType` (SETTLEMENT rate, half up per order). */
export function assumedFee(fen: number, payType: string): number {
  const w = walletOfPayType(payType);
  const bp = (SETTLEMENT.feeBp as Partial<Record<string, number>>)[w] ?? SETTLEMENT.defaultFeeBp;
  return halfUp(fen * bp, 10_000);
}

/**
 * `day`: the bill day (YYYY-MM-DD). Refund rows' 手续费 is the fee the bank gives back (positive);
 * without it, the payment's fee × refund / amount (the payment row of this bill, else the
 * refund's own amount at the rate).
 */
export function billSettlement(rows: readonly BillRow[], merId: string, day: string): StatementSettlementLine[] {
  const pays = new Map<string, BillRow>();
  for (const r of rows) if (r.kind === 'pay' && r.success) pays.set(r.orderId, r);
  const lines = new Map<string, StatementSettlementLine>();
  const account = SETTLEMENT.account(merId);
  for (const r of rows) {
    if (!r.success) continue;
    const dayAssumed = !/^\d{8}$/.test(r.settleDate);
    const settleDay = dayAssumed ? addDays(day, SETTLEMENT.settleDays) : isoDay(r.settleDate);
    const line = lines.get(settleDay) ?? { account, settleDay, dayAssumed, feeAssumed: false, count: 0, grossFen: 0, refundFen: 0, feeFen: 0, netFen: 0 };
    lines.set(settleDay, line);
    line.dayAssumed ||= dayAssumed;
    let fee = r.feeFen;
    if (fee === null) {
      line.feeAssumed = true;
      const pay = pays.get(r.orderId);
      fee = r.kind === 'pay' || !pay ? assumedFee(r.amountFen, r.payType) : halfUp(assumedFee(pay.amountFen, pay.payType) * r.amountFen, pay.amountFen);
    }
    if (r.kind === 'pay') {
      line.count++;
      line.grossFen += r.amountFen;
      line.feeFen += Math.abs(fee);
    } else {
      line.refundFen += r.amountFen;
      line.feeFen -= Math.abs(fee);
    }
  }
  const out = [...lines.values()].sort((a, b) => a.settleDay.localeCompare(b.settleDay));
  for (const l of out) l.netFen = l.grossFen - l.refundFen - l.feeFen;
  return out;
}
