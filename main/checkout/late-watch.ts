/**
 * Watching a withdrawn QR for a late payment. A unified QR is a WAP-gateway URL with no expiry
 * parameter: a customer can still open and pay it after the counter gave up (countdown ran out,
 * or the cashier pressed 取消) — payment-protocols.md §1.6a. So each withdrawn QR attempt is
 * queried by client_sn with backoff for a while (default 10 minutes). A late PAID is journaled
 * (it then counts in the day's totals and the order list) and reported to the cashier, who may
 * keep it or refund it. A CANCELED / PAY_CANCELED order is over: nothing more can happen. An
 * order still CREATED when the watch ends is closed (query → cancel), as a terminal must.
 * Watches live in memory; `resumeFromJournal` restarts them after a restart.
 */
import type { Aggregator, OrderData, Wallet } from '../aggregator/types';
import type { JournalPort } from './checkout-types';
import { closeOut } from './close-out';
import { interpretQuery } from './interpret';
import type { Clock, Timers } from './time';

/** The message journaled with a late PAID (also how the order list and a restart recognise one). */
export const LATE_PAID_MESSAGE = '顾客在二维码撤销后付款';

export interface LateWatchConfig {
  /** How long after withdrawal the QR is watched; 0 = not at all. */
  watchMs: number;
  /** First query this long after withdrawal, then each wait × factor, capped at maxDelayMs. */
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

export const LATE_WATCH_BACKOFF = { firstDelayMs: 2_000, factor: 1.6, maxDelayMs: 60_000 } as const;

export interface WithdrawnQr { clientSn: string; amountFen: number; withdrawnAt: number }

export interface LatePayment {
  clientSn: string;
  amountFen: number;
  wallet: Wallet;
  sn: string;
  /** When the wallet paid (the platform's finish time), else when we saw it. */
  paidAt: number;
  detectedAt: number;
  /** The platform's amount differs from the QR's: journaled as received, never counted. */
  amountMismatch?: boolean;
}

export interface LateWatchDeps {
  aggregator: Aggregator;
  journal: JournalPort;
  clock: Clock;
  timers: Timers;
  config: () => LateWatchConfig;
  onLate: (p: LatePayment) => void;
  log?: (msg: string, err?: unknown) => void;
}

interface Watch { entry: WithdrawnQr; timer: unknown; delay: number; lastSeen: 'none' | 'created'; busy: boolean }

export class LateWatch {
  private readonly watches = new Map<string, Watch>();
  private stopped = false;

  constructor(private readonly deps: LateWatchDeps) {}

  /** Starts watching (once per client_sn) unless the watch time is already over. */
  watch(entry: WithdrawnQr): void {
    const cfg = this.deps.config();
    if (this.stopped || cfg.watchMs <= 0 || this.watches.has(entry.clientSn)) return;
    if (this.deps.clock.now() >= entry.withdrawnAt + cfg.watchMs) return;
    const w: Watch = { entry, timer: null, delay: cfg.firstDelayMs, lastSeen: 'none', busy: false };
    this.watches.set(entry.clientSn, w);
    this.schedule(w, cfg.firstDelayMs);
  }

  /** client_sns being watched (diagnostics, tests). */
  watching(): string[] { return [...this.watches.keys()]; }

  stop(): void {
    this.stopped = true;
    for (const w of this.watches.values()) if (w.timer !== null) this.deps.timers.clearTimeout(w.timer);
    this.watches.clear();
  }

  private schedule(w: Watch, delay: number): void {
    const end = w.entry.withdrawnAt + this.deps.config().watchMs;
    const at = Math.min(this.deps.clock.now() + delay, end);
    w.timer = this.deps.timers.setTimeout(() => { w.timer = null; void this.tick(w); }, Math.max(0, at - this.deps.clock.now()));
  }

  private async tick(w: Watch): Promise<void> {
    if (this.stopped || w.busy) return;
    w.busy = true;
    try {
      const cfg = this.deps.config();
      const last = this.deps.clock.now() >= w.entry.withdrawnAt + cfg.watchMs;
      const state = interpretQuery(await this.deps.aggregator.query({ clientSn: w.entry.clientSn }));
      if (state.kind === 'paid') return await this.paid(w, state.data);
      if (state.kind === 'canceled' || state.kind === 'failed') return this.end(w); // closed for good
      if (state.kind === 'pending') w.lastSeen = 'created';
      if (last) return await this.finish(w);
      w.delay = Math.min(cfg.maxDelayMs, Math.round(w.delay * cfg.factor));
      this.schedule(w, w.delay);
    } catch (err) {
      // The journal refused the late payment: keep watching, the next tick journals it again.
      this.deps.log?.(`late watch ${w.entry.clientSn}`, err);
      if (!this.stopped && this.watches.has(w.entry.clientSn)) this.schedule(w, this.deps.config().maxDelayMs);
    } finally {
      w.busy = false;
    }
  }

  /** Watch time is over. An order a wallet opened but did not pay is closed, not left open. */
  private async finish(w: Watch): Promise<void> {
    if (w.lastSeen === 'created') {
      const res = await closeOut(w.entry.clientSn, {
        aggregator: this.deps.aggregator, timers: this.deps.timers,
        beforeCancel: async () => { await this.deps.journal.append({ type: 'CANCEL_REQUESTED', clientSn: w.entry.clientSn, reason: 'expired' }); },
      });
      if (res.kind === 'paid') return this.paid(w, res.state.data);
    }
    this.end(w);
  }

  private async paid(w: Watch, data: OrderData): Promise<void> {
    const now = this.deps.clock.now();
    const mismatch = data.totalFen !== w.entry.amountFen;
    // Journaled first (fsync): the order turns paid and counts in the day's totals. A different
    // amount is journaled as received; the order index never counts it (reconciliation lists it).
    await this.deps.journal.append({
      type: 'PAYMENT_FINAL', clientSn: w.entry.clientSn, outcome: 'PAID', amountFen: data.totalFen, sn: data.sn,
      tradeNo: data.tradeNo, wallet: data.wallet, message: LATE_PAID_MESSAGE, late: true,
    });
    this.end(w);
    this.deps.onLate({
      clientSn: w.entry.clientSn, amountFen: data.totalFen, wallet: data.wallet, sn: data.sn,
      paidAt: data.finishTime ?? now, detectedAt: now, ...(mismatch ? { amountMismatch: true } : {}),
    });
  }

  private end(w: Watch): void {
    if (w.timer !== null) this.deps.timers.clearTimeout(w.timer);
    this.watches.delete(w.entry.clientSn);
  }
}

/** The journal's view of an order, as far as resuming watches needs it. */
export interface JournalOrder { clientSn: string; method: string; status: string; amountFen: number; finishedAt?: number; message?: string; refundedFen: number }

/** QR attempts withdrawn within the watch time: their watches resume at start. */
export function withdrawnSince(orders: readonly JournalOrder[], now: number, watchMs: number): WithdrawnQr[] {
  if (watchMs <= 0) return [];
  return orders
    .filter((o) => o.method === 'qr' && (o.status === 'canceled' || o.status === 'expired') && o.finishedAt !== undefined && o.finishedAt + watchMs > now)
    .map((o) => ({ clientSn: o.clientSn, amountFen: o.amountFen, withdrawnAt: o.finishedAt as number }));
}
