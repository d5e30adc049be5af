/**
 * Expected settlement (预计结算) of a business day: gross, fees, net, arrival day T+N.
 * Fees are a configured rate per wallet in basis points (38 = 0.38 %). Rounding, as the sandbox
 * statement does it (main/aggregator/sandbox/statement.ts): the fee of each payment is rounded to
 * the fen half up, per order (never on the day's sum); a refund returns the fee pro rata,
 * round(fee × refund / amount), also half up. All in integer arithmetic — no floats.
 */
import type { Wallet } from '../aggregator/types';
import { localBusinessDay } from '../journal/index';
import type { OrderView } from '../journal/order-view';
import { addDays } from '../shared/dates';

export interface SettlementConfig {
  /** Rate per wallet in basis points; wallets not listed use defaultFeeBp. */
  feeBp?: Partial<Record<Wallet, number>>;
  defaultFeeBp: number;
  /** Money arrives N calendar days later (T+1 → 1). No holiday calendar. */
  settleDays: number;
}

export interface SettlementLine {
  count: number;
  grossFen: number;
  refundFen: number;
  /** Fees charged minus fees returned by refunds. */
  feeFen: number;
  netFen: number;
}

export interface Settlement {
  day: string;
  arrivalDay: string;
  byWallet: Partial<Record<Wallet, SettlementLine & { feeBp: number }>>;
  total: SettlementLine;
}

/** round(a / b) half up for a ≥ 0, b > 0, in integers. */
const divRoundHalfUp = (a: number, b: number): number => Math.floor((2 * a + b) / (2 * b));

/** Fee of one payment, rounded half up to the fen. */
export function feeFen(amountFen: number, bp: number): number {
  return divRoundHalfUp(amountFen * bp, 10_000);
}

/** The share of a payment's fee returned by a refund of refundFen (half up). */
export function refundFeeFen(paymentFeeFen: number, refundFen: number, amountFen: number): number {
  return amountFen > 0 ? divRoundHalfUp(paymentFeeFen * refundFen, amountFen) : 0;
}

/** YYYY-MM-DD plus n calendar days (main/shared/dates.ts). */
export { addDays };

const empty = (): SettlementLine => ({ count: 0, grossFen: 0, refundFen: 0, feeFen: 0, netFen: 0 });

/**
 * Payments count on the order's day, refunds on the day they completed (as the statement lists
 * them), so pass the day's orders plus older orders refunded that day (index.list() is fine).
 */
export function expectedSettlement(
  orders: readonly OrderView[], day: string, cfg: SettlementConfig, opts: { businessDay?: (ts: number) => string } = {},
): Settlement {
  const businessDay = opts.businessDay ?? localBusinessDay;
  const rate = (w: Wallet): number => cfg.feeBp?.[w] ?? cfg.defaultFeeBp;
  const byWallet: Settlement['byWallet'] = {};
  const total = empty();
  const seen = new Set<string>();
  const line = (w: Wallet): SettlementLine => (byWallet[w] ??= { ...empty(), feeBp: rate(w) });
  for (const o of orders) {
    if (o.status !== 'paid' || seen.has(o.clientSn)) continue;
    seen.add(o.clientSn);
    const w = o.wallet ?? 'other';
    const fee = feeFen(o.amountFen, rate(w));
    const targets = (): SettlementLine[] => [line(w), total]; // lazily: no empty wallet lines
    if (o.day === day) {
      for (const t of targets()) {
        t.count++;
        t.grossFen += o.amountFen;
        t.feeFen += fee;
      }
    }
    for (const r of o.refunds) {
      if (r.status !== 'refunded' || r.finishedAt === undefined || businessDay(r.finishedAt) !== day) continue;
      const back = refundFeeFen(fee, r.amountFen, o.amountFen);
      for (const t of targets()) {
        t.refundFen += r.amountFen;
        t.feeFen -= back;
      }
    }
  }
  for (const t of [...Object.values(byWallet), total]) t.netFen = t.grossFen - t.refundFen - t.feeFen;
  return { day, arrivalDay: addDays(day, cfg.settleDays), byWallet, total };
}
