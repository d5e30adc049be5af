/**
 * Shift close (交接班) and the Z report. Shifts live in the journal: SHIFT_OPENED and
 * SHIFT_CLOSED records, folded here by ShiftBook (feed it every journal record, at replay and on
 * append). Closing freezes the numbers: the Z report is stored inside SHIFT_CLOSED, and a reprint
 * returns that stored report, never a recomputation (late corrections show in the next shift).
 *
 * A shift covers payments confirmed in (previous close's toTs, this close's toTs]; the Z number
 * increases by one per close over the life of the install.
 */
import type { JournalRecord, JournalRecordBody } from '../journal/records';
import type { OrderView } from '../journal/order-view';
import { windowTotals, type TotalsOptions } from './totals';
import type { Totals, ZReport } from './types';
import { cashSummary, type CashCount, type CashSummary } from './cash-count';
import { openSaleRefusal } from '../checkout/mixed-tender';
import { msg, type Msg } from '../../preload/messages';

type Opened = Extract<JournalRecord, { type: 'SHIFT_OPENED' }>;
type Closed = Extract<JournalRecord, { type: 'SHIFT_CLOSED' }>;

export interface CurrentShift {
  shiftNo: number;
  /** Payments confirmed after this instant belong to the shift (exclusive). */
  fromTs: number;
  openedBy?: string;
  openedAt?: number;
  openingFloatFen?: number;
}

/** Folds shift records; ignores everything else. */
export class ShiftBook {
  private lastZNo = 0;
  private lastShiftNo = 0;
  private lastClose: Closed | undefined;
  private opened: Opened | undefined;
  private readonly reports = new Map<number, ZReport>();
  private payouts: { ts: number; amountFen: number }[] = [];

  apply(rec: JournalRecord): void {
    if (rec.type === 'CASH_PAYOUT') {
      this.payouts.push({ ts: rec.ts, amountFen: rec.amountFen });
    } else if (rec.type === 'SHIFT_OPENED') {
      this.opened = rec;
      this.lastShiftNo = Math.max(this.lastShiftNo, rec.shiftNo);
    } else if (rec.type === 'SHIFT_CLOSED') {
      if (this.reports.has(rec.zNo)) return; // a Z number is used once
      this.lastClose = rec;
      this.opened = undefined;
      this.lastZNo = Math.max(this.lastZNo, rec.zNo);
      this.lastShiftNo = Math.max(this.lastShiftNo, rec.shiftNo);
      this.reports.set(rec.zNo, rec.report as ZReport); // written by closeShift below, as a ZReport
      this.payouts = this.payouts.filter((p) => p.ts > rec.toTs);
    }
  }

  /** Cash paid out of the drawer during the open shift. */
  payoutsFen(): number {
    const from = this.lastClose?.toTs ?? 0;
    return this.payouts.reduce((n, p) => (p.ts > from ? n + p.amountFen : n), 0);
  }

  /** The open shift (implicitly opened right after the last close when no SHIFT_OPENED exists). */
  current(): CurrentShift {
    const o = this.opened;
    const shift: CurrentShift = { shiftNo: o ? o.shiftNo : this.lastShiftNo + 1, fromTs: this.lastClose?.toTs ?? 0 };
    if (o) {
      shift.openedBy = o.operator;
      shift.openedAt = o.ts;
      if (o.openingFloatFen !== undefined) shift.openingFloatFen = o.openingFloatFen;
    }
    return shift;
  }

  get nextZNo(): number {
    return this.lastZNo + 1;
  }

  get isOpen(): boolean {
    return this.opened !== undefined;
  }

  /** The frozen report of a past close (for reprint). */
  report(zNo: number): ZReport | undefined {
    return this.reports.get(zNo);
  }

  /** Past Z reports, newest first. */
  history(): ZReport[] {
    return [...this.reports.values()].sort((a, b) => b.zNo - a.zNo);
  }
}

/** SHIFT_OPENED for the next shift (the caller appends it); refused while one is open. */
export function openShiftRecord(
  book: ShiftBook, operator: string, openingFloatFen?: number,
): { ok: true; record: Extract<JournalRecordBody, { type: 'SHIFT_OPENED' }> } | { ok: false; message: Msg } {
  const cur = book.current();
  if (book.isOpen) return { ok: false, message: msg('shift.openFirst', { shiftNo: cur.shiftNo, openedBy: cur.openedBy ?? '' }) };
  const record: Extract<JournalRecordBody, { type: 'SHIFT_OPENED' }> = { type: 'SHIFT_OPENED', shiftNo: cur.shiftNo, operator };
  if (openingFloatFen !== undefined) record.openingFloatFen = openingFloatFen;
  return { ok: true, record };
}

/** X report: the open shift's totals up to now, nothing closed or journaled. */
export function xReport(orders: readonly OrderView[], book: ShiftBook, now: number, opts: TotalsOptions = {}): { shift: CurrentShift; totals: Totals; cash: CashSummary } {
  const shift = book.current();
  const totals = windowTotals(orders, shift.fromTs, now, opts);
  return { shift, totals, cash: cashSummary(totals, shift.openingFloatFen ?? 0, book.payoutsFen()) };
}

export type ZResult =
  | { ok: true; report: ZReport; record: Extract<JournalRecordBody, { type: 'SHIFT_CLOSED' }> }
  | { ok: false; reason: 'pending' | 'open_sale'; message: Msg; pending: string[] };

export interface ZInput extends TotalsOptions {
  /** Orders touching the shift plus every unfinished one: pass index.list() (or recent days + index.unfinished()). */
  orders: readonly OrderView[];
  book: ShiftBook;
  /** Who closes the shift. */
  operator: string;
  now: number;
  /** The drawer as counted at close (absent: the report shows the expected cash only). */
  count?: CashCount;
}

/** What blocks a close: a payment or refund whose outcome is not known yet. */
export function pendingWork(orders: readonly OrderView[]): { payments: string[]; refunds: string[] } {
  const payments = new Set<string>();
  const refunds = new Set<string>();
  for (const o of orders) {
    if (o.status === 'pending' || o.status === 'needs_attention') payments.add(o.clientSn);
    if (o.refunds.some((r) => r.status === 'pending')) refunds.add(o.clientSn);
  }
  return { payments: [...payments], refunds: [...refunds] };
}

function pendingMessage(p: { payments: string[]; refunds: string[] }): Msg {
  // Order numbers are the same in every language: the first three, then an ellipsis.
  const list = (xs: string[]): string => xs.slice(0, 3).join(', ') + (xs.length > 3 ? ', …' : '');
  const payments = p.payments.length ? msg('shift.unsettledPayments', { n: p.payments.length, list: list(p.payments) }) : undefined;
  const refunds = p.refunds.length ? msg('shift.unsettledRefunds', { n: p.refunds.length, list: list(p.refunds) }) : undefined;
  const parts = payments && refunds ? msg('shift.unsettledBoth', { paymentsMsg: payments, refundsMsg: refunds }) : (payments ?? refunds)!;
  return msg('shift.unsettled', { partsMsg: parts });
}

/** Pure: the Z report for the open shift, or why it cannot close now. */
export function computeZReport(input: ZInput): ZResult {
  const pending = pendingWork(input.orders);
  if (pending.payments.length || pending.refunds.length) {
    return { ok: false, reason: 'pending', message: pendingMessage(pending), pending: [...pending.payments, ...pending.refunds] };
  }
  // A mixed sale still owed money would leave its cash part in this shift and the rest nowhere.
  const openSale = openSaleRefusal(input.orders);
  if (openSale) return { ok: false, reason: 'open_sale', message: openSale.message, pending: [openSale.saleId] };
  const shift = input.book.current();
  const toTs = Math.max(input.now, shift.fromTs); // a clock that went back must not reopen a closed window
  const report: ZReport = {
    zNo: input.book.nextZNo,
    shiftNo: shift.shiftNo,
    operator: input.operator,
    fromTs: shift.fromTs,
    toTs,
    totals: windowTotals(input.orders, shift.fromTs, toTs, input),
  };
  report.cash = cashSummary(report.totals, shift.openingFloatFen ?? 0, input.book.payoutsFen(), input.count);
  if (shift.openedBy !== undefined) report.openedBy = shift.openedBy;
  if (shift.openedAt !== undefined) report.openedAt = shift.openedAt;
  if (shift.openingFloatFen !== undefined) report.openingFloatFen = shift.openingFloatFen;
  return {
    ok: true,
    report,
    record: { type: 'SHIFT_CLOSED', shiftNo: report.shiftNo, zNo: report.zNo, operator: input.operator, fromTs: report.fromTs, toTs, report },
  };
}

export interface CloseShiftDeps extends Omit<ZInput, 'now'> {
  clock: () => number;
  /** journal.append: resolves after the record is on disk. */
  append: (body: JournalRecordBody) => Promise<JournalRecord>;
}

/**
 * Compute, journal and fold the close. The report is only returned once SHIFT_CLOSED is on disk,
 * so a printed Z report always has its record. If the caller already feeds the book from
 * journal.onRecord, folding twice is harmless (a Z number is used once).
 */
export async function closeShift(deps: CloseShiftDeps): Promise<ZResult> {
  const res = computeZReport({ ...deps, now: deps.clock() });
  if (!res.ok) return res;
  const rec = await deps.append(res.record);
  deps.book.apply(rec);
  return res;
}

/** A past Z report for reprint, marked as such. */
export function reprintZ(book: ShiftBook, zNo: number): { ok: true; report: ZReport; reprint: true } | { ok: false; message: Msg } {
  const report = book.report(zNo);
  return report ? { ok: true, report, reprint: true } : { ok: false, message: msg('shift.noZReport', { zNo }) };
}
