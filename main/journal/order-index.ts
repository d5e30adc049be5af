/**
 * The order index, folded from journal records (at replay and on every append). One order per
 * clientSn (the idempotency key). Finals are sticky and idempotent: a duplicate PAYMENT_FINAL or
 * REFUND_FINAL never counts twice.
 * Index snapshots (snapshot.ts) store this fold's state: a change to what apply() does must bump
 * SNAPSHOT_VERSION (snapshot-file.ts), and a new field must be added to book-state.ts.
 */
import { DayTotalsBook, type DayTotals, type TotalsDump } from './day-totals';
import { intern, internMsg, OrderRec } from './order-record';
import type { OrderFilter, OrderIndex, OrderStatus, OrderView, RefundStatus } from './order-view';
import type { JournalRecord } from './records';
import { msg } from '../../preload/messages';
import { zhText } from '../shared/zh-text';

export type { OrderFilter, OrderIndex, OrderStatus, OrderView, RefundStatus, RefundView } from './order-view';

const OUTCOME_STATUS = { PAID: 'paid', FAILED: 'failed', CANCELED: 'canceled', EXPIRED: 'expired' } as const;
const FINAL = new Set<OrderStatus>(['paid', 'failed', 'canceled', 'expired']);

const copy = (o: OrderRec): OrderView => o.view();

export class OrderBook implements OrderIndex {
  /** Record types apply() ignores: replay may skip parsing them. */
  static readonly IGNORED_TYPES = ['REQUEST_SENT', 'OPERATOR_ACTION'];

  private readonly orders = new Map<string, OrderRec>();
  /** aggregator sn → order; built on the first bySn() (replay does not pay for it), then kept up to date. */
  private readonly sns = new Map<string, OrderRec>();
  private snsBuilt = false;
  private readonly byDay = new Map<string, OrderRec[]>();
  /** Orders not final yet; filled once at the end of replay, then kept up to date. */
  private readonly open = new Set<OrderRec>();
  /** Records that arrived before their ATTEMPT_CREATED (e.g. the clock went back across files). */
  private readonly orphans = new Map<string, JournalRecord[]>();
  private readonly totalsBook = new DayTotalsBook();
  private live = false;

  constructor(
    private readonly businessDay: (ts: number) => string,
    private readonly warn: (msg: string) => void,
  ) {}

  apply(rec: JournalRecord): void {
    if (rec.type === 'OPERATOR_ACTION') return;
    if (rec.type === 'ATTEMPT_CREATED') return this.create(rec);
    if (rec.type === 'CASH_SALE') return this.cashSale(rec);
    const clientSn = (rec as { clientSn?: unknown }).clientSn;
    if (typeof clientSn !== 'string') return; // unknown future record type
    const o = this.orders.get(clientSn);
    if (!o) {
      const list = this.orphans.get(clientSn);
      if (list) list.push(rec);
      else this.orphans.set(clientSn, [rec]);
      if (this.live) this.reconstruct(clientSn);
      return;
    }
    switch (rec.type) {
      case 'QR_READY':
        if (rec.sn) this.setSn(o, rec.sn);
        if (!FINAL.has(o.status)) o.qrCode = rec.qrCode;
        o.expiresAt = rec.expiresAt;
        return;
      case 'CANCEL_REQUESTED':
        o.cancelReason = intern(rec.reason);
        return;
      case 'NEEDS_ATTENTION':
        if (rec.sn) this.setSn(o, rec.sn);
        if (FINAL.has(o.status)) return;
        o.status = 'needs_attention';
        o.message = intern(rec.reason);
        o.note = internMsg(rec.msg ? msg('result.needsAttention', { reasonMsg: rec.msg }) : undefined);
        return;
      case 'PAYMENT_FINAL':
        return this.final(o, rec);
      case 'REFUND_REQUESTED':
        if (!o.refunds?.some((r) => r.refundRequestNo === rec.refundRequestNo)) {
          (o.refunds ??= []).push({ refundRequestNo: rec.refundRequestNo, amountFen: rec.amountFen, status: 'pending', operator: rec.operator, requestedAt: rec.ts, ...(rec.kind ? { kind: rec.kind } : {}) });
        }
        return;
      case 'REFUND_FINAL':
        return this.refundFinal(o, rec);
      default:
        return; // REQUEST_SENT and unknown types do not change the view
    }
  }

  /**
   * After replay: records whose ATTEMPT_CREATED never appeared (it sat on a corrupt line) are not
   * dropped: the order is rebuilt from them, flagged `reconstructed`, and left needs_attention
   * unless a final settles it, so recovery re-queries the gateway by its clientSn.
   */
  endReplay(): void {
    this.live = true;
    for (const o of this.orders.values()) if (!FINAL.has(o.status)) this.open.add(o);
    if (this.orphans.size === 0) return;
    const sns = [...this.orphans.keys()];
    this.warn(`journal: ${sns.length} order(s) without ATTEMPT_CREATED rebuilt from their later records, e.g. ${sns.slice(0, 3).join(', ')}`);
    for (const sn of sns) this.reconstruct(sn);
  }

  private reconstruct(clientSn: string): void {
    const recs = this.orphans.get(clientSn);
    const first = recs?.[0];
    if (!recs || !first) return;
    const withAmount = recs.find((r) => r.type === 'PAYMENT_FINAL' || r.type === 'REFUND_REQUESTED');
    const amountFen = withAmount && 'amountFen' in withAmount ? withAmount.amountFen : 0;
    this.create({
      type: 'ATTEMPT_CREATED', clientSn, amountFen, operator: '', subject: '', windowMs: 0, seq: first.seq, ts: first.ts,
      method: recs.some((r) => r.type === 'QR_READY') ? 'qr' : 'scan',
    });
    const o = this.orders.get(clientSn);
    if (!o) return;
    o.reconstructed = true;
    if (!FINAL.has(o.status)) {
      o.status = 'needs_attention';
      o.note = msg('order.attemptMissing');
      o.message = zhText(o.note);
    }
  }

  private create(rec: Extract<JournalRecord, { type: 'ATTEMPT_CREATED' }>): void {
    if (this.orders.has(rec.clientSn)) {
      this.warn(`journal: duplicate ATTEMPT_CREATED for ${rec.clientSn} (seq ${rec.seq}) ignored: an order number is never reused`);
      return;
    }
    const o = new OrderRec(
      rec.clientSn, intern(this.businessDay(rec.ts)), rec.method === 'qr' || rec.method === 'cash' ? rec.method : 'scan', rec.amountFen, intern(rec.operator),
      intern(rec.subject), rec.ts, rec.windowMs, intern(rec.wallet), intern(rec.codeMasked),
    );
    if (rec.saleId !== undefined && rec.saleTotalFen !== undefined) o.sale = { saleId: rec.saleId, totalFen: rec.saleTotalFen };
    this.orders.set(o.clientSn, o);
    const day = this.byDay.get(o.day);
    if (day) day.push(o);
    else this.byDay.set(o.day, [o]);
    if (this.live) this.open.add(o);
    const orphans = this.orphans.get(rec.clientSn);
    if (orphans) {
      this.orphans.delete(rec.clientSn);
      for (const r of orphans) this.apply(r);
    }
  }

  /** A cash sale is created and paid by one record: never pending, never half-recorded. */
  private cashSale(rec: Extract<JournalRecord, { type: 'CASH_SALE' }>): void {
    this.create({ type: 'ATTEMPT_CREATED', clientSn: rec.clientSn, method: 'cash', amountFen: rec.amountFen, operator: rec.operator, subject: rec.subject, wallet: 'cash', windowMs: 0, saleId: rec.saleId, saleTotalFen: rec.saleTotalFen, seq: rec.seq, ts: rec.ts });
    const o = this.orders.get(rec.clientSn);
    if (!o || o.status !== 'pending') return;
    o.cash = { receivedFen: rec.receivedFen, changeFen: rec.changeFen };
    this.final(o, { type: 'PAYMENT_FINAL', clientSn: rec.clientSn, outcome: 'PAID', amountFen: rec.amountFen, wallet: 'cash', seq: rec.seq, ts: rec.ts });
  }

  private setSn(o: OrderRec, sn: string): void {
    if (o.sn === sn) return;
    o.sn = sn;
    if (this.snsBuilt) this.sns.set(sn, o);
  }

  private final(o: OrderRec, rec: Extract<JournalRecord, { type: 'PAYMENT_FINAL' }>): void {
    const status = OUTCOME_STATUS[rec.outcome];
    if (FINAL.has(o.status)) {
      if (o.status === status) return; // duplicate final: already counted
      if (!(status === 'paid' && rec.amountFen === o.amountFen)) {
        this.warn(`journal: ${o.clientSn} is already ${o.status}; later ${rec.outcome} (seq ${rec.seq}) ignored`);
        return;
      }
      // A late PAID beats an earlier FAILED/CANCELED/EXPIRED: the money did move.
      this.warn(`journal: ${o.clientSn} was ${o.status}, now PAID (seq ${rec.seq})`);
    }
    if (rec.sn) this.setSn(o, rec.sn);
    if (status === 'paid' && rec.amountFen !== o.amountFen) {
      o.status = 'needs_attention';
      // A damaged record may carry no usable amount: the note says so rather than "undefined" (and stays JSON for snapshots).
      const fenOk = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);
      o.note = fenOk(o.amountFen) && fenOk(rec.amountFen) ? msg('order.amountMismatch', { orderFen: o.amountFen, resultFen: rec.amountFen }) : msg('order.amountUnreadable');
      o.message = zhText(o.note);
      if (this.live) this.open.add(o);
      this.warn(`journal: ${o.clientSn} PAID with amount ${rec.amountFen} ≠ ${o.amountFen}; needs attention, not counted`);
      return;
    }
    o.status = status;
    if (rec.tradeNo !== undefined) o.tradeNo = rec.tradeNo;
    if (rec.wallet !== undefined) o.wallet = intern(rec.wallet);
    if (rec.message !== undefined) o.message = intern(rec.message);
    if (rec.msg !== undefined) o.note = internMsg(rec.msg);
    if (rec.recovered !== undefined) o.recovered = rec.recovered;
    o.finishedAt = rec.ts;
    o.qrCode = undefined; // only useful while the customer can still scan it
    this.open.delete(o);
    if (status === 'paid') this.totalsBook.addPaid(o.day, o.wallet ?? 'other', o.amountFen);
  }

  private refundFinal(o: OrderRec, rec: Extract<JournalRecord, { type: 'REFUND_FINAL' }>): void {
    const status: RefundStatus = rec.outcome === 'REFUNDED' ? 'refunded' : 'failed';
    let r = o.refunds?.find((x) => x.refundRequestNo === rec.refundRequestNo);
    if (!r) {
      r = { refundRequestNo: rec.refundRequestNo, amountFen: rec.amountFen, status: 'pending' };
      (o.refunds ??= []).push(r);
    }
    if (r.status === status || r.status === 'refunded') {
      if (r.status !== status) this.warn(`journal: refund ${rec.refundRequestNo} already refunded; later ${rec.outcome} ignored`);
      return; // duplicate final: counted once
    }
    r.status = status;
    r.finishedAt = rec.ts;
    if (rec.message !== undefined) r.message = rec.message;
    if (rec.msg !== undefined) r.note = rec.msg;
    if (status === 'refunded') {
      r.amountFen = rec.amountFen;
      o.refundedFen += rec.amountFen;
      this.totalsBook.addRefund(this.businessDay(rec.ts), o.wallet ?? 'other', rec.amountFen);
    }
  }

  /** The fold's whole state, during replay only (index snapshots, book-state.ts). Do not mutate. */
  exportState(): { orders: OrderRec[]; orphans: [string, JournalRecord[]][]; totals: TotalsDump } {
    if (this.live) throw new Error('OrderBook.exportState after replay');
    return { orders: [...this.orders.values()], orphans: [...this.orphans], totals: this.totalsBook.dump() };
  }

  /** Start replay from a decoded snapshot: the book must be fresh (nothing applied yet). */
  importState(orders: OrderRec[], orphans: [string, JournalRecord[]][], totals: TotalsDump): void {
    if (this.live || this.orders.size > 0 || this.orphans.size > 0) throw new Error('OrderBook.importState on a used book');
    for (const o of orders) {
      this.orders.set(o.clientSn, o);
      const day = this.byDay.get(o.day);
      if (day) day.push(o);
      else this.byDay.set(o.day, [o]);
    }
    for (const [sn, recs] of orphans) this.orphans.set(sn, recs);
    this.totalsBook.load(totals);
  }

  get(clientSn: string): OrderView | undefined {
    const o = this.orders.get(clientSn);
    return o && copy(o);
  }

  bySn(sn: string): OrderView | undefined {
    if (!this.snsBuilt) {
      for (const x of this.orders.values()) if (x.sn !== undefined) this.sns.set(x.sn, x);
      this.snsBuilt = true;
    }
    const o = this.sns.get(sn);
    return o && copy(o);
  }

  list(filter: OrderFilter = {}): OrderView[] {
    const source: Iterable<OrderRec> = filter.day !== undefined ? (this.byDay.get(filter.day) ?? []) : this.orders.values();
    const statuses = filter.status === undefined ? undefined : new Set(Array.isArray(filter.status) ? filter.status : [filter.status]);
    const out: OrderView[] = [];
    for (const o of source) {
      if (statuses && !statuses.has(o.status)) continue;
      if (filter.fromTs !== undefined && o.createdAt < filter.fromTs) continue;
      if (filter.toTs !== undefined && o.createdAt > filter.toTs) continue;
      if (filter.wallet !== undefined && o.wallet !== filter.wallet) continue;
      if (filter.amountFen !== undefined && o.amountFen !== filter.amountFen) continue;
      out.push(copy(o));
    }
    return out;
  }

  unfinished(): OrderView[] {
    return [...this.open].filter((o) => o.status === 'pending' || o.status === 'needs_attention').map(copy);
  }

  totals(day: string): DayTotals {
    return this.totalsBook.totals(day);
  }

  /** Number of orders (diagnostics, benchmarks). */
  get size(): number {
    return this.orders.size;
  }
}
