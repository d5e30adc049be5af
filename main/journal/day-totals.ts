/**
 * Per-business-day money aggregates, kept incrementally by the order index so a day's totals
 * are a constant-time lookup even after replaying millions of records.
 * Paid amounts count on the order's business day (when the attempt was created — that is the
 * day the gateway's statement shows, even if the result was only recovered after a restart);
 * refunds count on the business day of the REFUND_FINAL record.
 */
import type { Wallet } from '../aggregator/types';

export interface WalletTotals {
  count: number;
  paidFen: number;
  refundFen: number;
}

export interface DayTotals {
  day: string;
  /** Paid payments, each counted exactly once. */
  count: number;
  paidFen: number;
  /** Completed refunds on this day. */
  refundCount: number;
  refundFen: number;
  netFen: number;
  /** Only wallets with activity on that day. */
  byWallet: Partial<Record<Wallet, WalletTotals>>;
}

interface Acc {
  count: number;
  paidFen: number;
  refundCount: number;
  refundFen: number;
  byWallet: Map<Wallet, WalletTotals>;
}

export type TotalsDump = [day: string, count: number, paidFen: number, refundCount: number, refundFen: number, wallets: [Wallet, number, number, number][]][];

export class DayTotalsBook {
  private readonly days = new Map<string, Acc>();

  private acc(day: string): Acc {
    let a = this.days.get(day);
    if (!a) {
      a = { count: 0, paidFen: 0, refundCount: 0, refundFen: 0, byWallet: new Map() };
      this.days.set(day, a);
    }
    return a;
  }

  private wallet(a: Acc, wallet: Wallet): WalletTotals {
    let w = a.byWallet.get(wallet);
    if (!w) {
      w = { count: 0, paidFen: 0, refundFen: 0 };
      a.byWallet.set(wallet, w);
    }
    return w;
  }

  addPaid(day: string, wallet: Wallet, amountFen: number): void {
    const a = this.acc(day);
    a.count++;
    a.paidFen += amountFen;
    const w = this.wallet(a, wallet);
    w.count++;
    w.paidFen += amountFen;
  }

  addRefund(day: string, wallet: Wallet, amountFen: number): void {
    const a = this.acc(day);
    a.refundCount++;
    a.refundFen += amountFen;
    this.wallet(a, wallet).refundFen += amountFen;
  }

  /** Every day's accumulators in insertion order (index snapshots); plain JSON values. */
  dump(): TotalsDump {
    return [...this.days].map(([day, a]) => [day, a.count, a.paidFen, a.refundCount, a.refundFen, [...a.byWallet].map(([w, t]) => [w, t.count, t.paidFen, t.refundFen])]);
  }

  /** Replace everything with a dump(); the book must be empty. */
  load(dump: TotalsDump): void {
    this.days.clear();
    for (const [day, count, paidFen, refundCount, refundFen, wallets] of dump) {
      const byWallet = new Map<Wallet, WalletTotals>();
      for (const [w, c, p, r] of wallets) byWallet.set(w, { count: c, paidFen: p, refundFen: r });
      this.days.set(day, { count, paidFen, refundCount, refundFen, byWallet });
    }
  }

  totals(day: string): DayTotals {
    const a = this.days.get(day);
    const byWallet: Partial<Record<Wallet, WalletTotals>> = {};
    if (!a) return { day, count: 0, paidFen: 0, refundCount: 0, refundFen: 0, netFen: 0, byWallet };
    for (const [k, w] of a.byWallet) byWallet[k] = { ...w };
    return { day, count: a.count, paidFen: a.paidFen, refundCount: a.refundCount, refundFen: a.refundFen, netFen: a.paidFen - a.refundFen, byWallet };
  }

  /** Days with any paid payment or refund, ascending. */
  daysWithActivity(): string[] {
    return [...this.days.keys()].sort();
  }
}
