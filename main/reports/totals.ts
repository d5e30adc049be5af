/**
 * Totals computed from the journal's order views (the source of truth): by wallet, by operator,
 * by hour, with counts. Pure: the business day and the hour of a timestamp are injected so a
 * test (or a store with a 04:00 day change) decides them. An X report is just these totals for
 * the open shift, read without closing anything.
 *
 * Exactly once: a payment is counted once per clientSn even if the caller passes overlapping
 * lists, and only in its `paid` state (the order index already ignores duplicate finals).
 */
import type { Wallet } from '../aggregator/types';
import { localBusinessDay } from '../journal/index';
import type { OrderStatus, OrderView, RefundView } from '../journal/order-view';
import type { BucketTotals, HourBucket, Totals, TotalsPeriod } from './types';
import { hourOf } from '../shared/dates';

export interface TotalsOptions {
  /** Business day of a timestamp (YYYY-MM-DD); default the local calendar date, as the journal. */
  businessDay?: (ts: number) => string;
  /** Hour 0..23 of a timestamp; default local time. */
  hourOf?: (ts: number) => number;
}

const localHour = (ts: number): number => hourOf(ts);

export const emptyBucket = (): BucketTotals => ({ count: 0, paidFen: 0, refundCount: 0, refundFen: 0, netFen: 0 });

const emptyAttempts = (): Record<OrderStatus, number> => ({ pending: 0, needs_attention: 0, paid: 0, failed: 0, canceled: 0, expired: 0 });

/** Rules that decide what belongs to the period; the accumulation is shared. */
interface Rules {
  period: TotalsPeriod;
  /** The attempt belongs to the period (for attempt counts). */
  attempt(o: OrderView): boolean;
  /** Timestamp of a paid order inside the period (for the hour bucket), or undefined if outside. */
  paidAt(o: OrderView): number | undefined;
  /** Timestamp of a completed refund inside the period, or undefined if outside. */
  refundAt(r: RefundView): number | undefined;
}

class Acc {
  readonly total = emptyBucket();
  readonly attempts = emptyAttempts();
  readonly wallets = new Map<Wallet, BucketTotals>();
  readonly operators = new Map<string, BucketTotals>();
  readonly hours: HourBucket[] = Array.from({ length: 24 }, (_, hour) => ({ hour, count: 0, paidFen: 0, refundFen: 0 }));

  private static bucket<K>(m: Map<K, BucketTotals>, k: K): BucketTotals {
    let b = m.get(k);
    if (!b) m.set(k, (b = emptyBucket()));
    return b;
  }

  paid(o: OrderView, hour: number): void {
    for (const b of [this.total, Acc.bucket(this.wallets, o.wallet ?? 'other'), Acc.bucket(this.operators, o.operator)]) {
      b.count++;
      b.paidFen += o.amountFen;
    }
    const h = this.hours[hour];
    if (h) {
      h.count++;
      h.paidFen += o.amountFen;
    }
  }

  refund(o: OrderView, r: RefundView, hour: number): void {
    // The refund counts for whoever did it (the order's cashier when the journal has no operator).
    for (const b of [this.total, Acc.bucket(this.wallets, o.wallet ?? 'other'), Acc.bucket(this.operators, r.operator ?? o.operator)]) {
      b.refundCount++;
      b.refundFen += r.amountFen;
    }
    const h = this.hours[hour];
    if (h) h.refundFen += r.amountFen;
  }

  result(period: TotalsPeriod): Totals {
    const net = (b: BucketTotals): BucketTotals => ({ ...b, netFen: b.paidFen - b.refundFen });
    const byWallet: Partial<Record<Wallet, BucketTotals>> = {};
    for (const [k, b] of this.wallets) byWallet[k] = net(b);
    const byOperator: Record<string, BucketTotals> = {};
    for (const [k, b] of this.operators) byOperator[k] = net(b);
    return { period, ...net(this.total), attempts: this.attempts, byWallet, byOperator, byHour: this.hours };
  }
}

function accumulate(orders: readonly OrderView[], rules: Rules, hourOf: (ts: number) => number): Totals {
  const acc = new Acc();
  const seen = new Set<string>();
  for (const o of orders) {
    if (seen.has(o.clientSn)) continue;
    seen.add(o.clientSn);
    if (rules.attempt(o)) acc.attempts[o.status]++;
    if (o.status === 'paid') {
      const at = rules.paidAt(o);
      if (at !== undefined) acc.paid(o, hourOf(at));
    }
    for (const r of o.refunds) {
      if (r.status !== 'refunded') continue;
      const at = rules.refundAt(r);
      if (at !== undefined) acc.refund(o, r, hourOf(at));
    }
  }
  return acc.result(rules.period);
}

/**
 * A business day's totals. Paid orders count on the order's day (when the attempt was created,
 * as the journal's day totals do; a payment confirmed after midnight is on the platform's next
 * statement, a cross-day item in reconciliation); refunds on the day they completed. Hour buckets use the same timestamps.
 */
export function dayTotals(orders: readonly OrderView[], day: string, opts: TotalsOptions = {}): Totals {
  const businessDay = opts.businessDay ?? localBusinessDay;
  return accumulate(orders, {
    period: { kind: 'day', day },
    attempt: (o) => o.day === day,
    paidAt: (o) => (o.day === day ? o.createdAt : undefined),
    refundAt: (r) => (r.finishedAt !== undefined && businessDay(r.finishedAt) === day ? r.finishedAt : undefined),
  }, opts.hourOf ?? localHour);
}

/**
 * Totals of payments confirmed in (fromTs, toTs] — a shift. Paid orders count when their result
 * was journaled (finishedAt), so a payment recovered after a restart lands in the shift that
 * learned of it, and consecutive windows never count a payment twice.
 */
export function windowTotals(orders: readonly OrderView[], fromTs: number, toTs: number, opts: TotalsOptions = {}): Totals {
  const inside = (ts: number | undefined): number | undefined => (ts !== undefined && ts > fromTs && ts <= toTs ? ts : undefined);
  return accumulate(orders, {
    period: { kind: 'window', fromTs, toTs },
    attempt: (o) => o.createdAt > fromTs && o.createdAt <= toTs,
    paidAt: (o) => inside(o.finishedAt),
    refundAt: (r) => inside(r.finishedAt),
  }, opts.hourOf ?? localHour);
}
