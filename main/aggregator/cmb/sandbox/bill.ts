/**
 * The sandbox's 对账单 in the format assumed in ../statement-format.ts (the real layout is
 * unknown [ref cmb-polypay.md §4 🟡]). Timing [ref §4, L §4.13.1]: none before T+1 10:30 Beijing
 * time; fees and 清算日期 only from 16:30 (the 清分 bill). Fees: the sandbox's 0.38 %, per order,
 * half up; refunds return it pro rata. Settlement T+1 into the merchant's CMB account (assumed).
 */
import { BILL_COLUMNS, BILL_SUCCESS, BILL_TYPES } from '../statement-format';
import type { CmbStore } from './state';
import { formatDate } from '../../../shared/dates';
import { BEIJING } from './protocol';

export const SANDBOX_FEE_BP = 38;
const bj = (ms: number): string => formatDate(ms, 'YYYYMMDDHHmmss', BEIJING);
const fee = (fen: number): number => Math.floor((fen * SANDBOX_FEE_BP + 5_000) / 10_000);

/** Beijing-time ms when the bill of yyyyMMdd becomes available; `settled` = the 16:30 one. */
export function billReadyAt(billDate: string, settled: boolean): number {
  const y = +billDate.slice(0, 4); const mo = +billDate.slice(4, 6) - 1; const d = +billDate.slice(6, 8);
  return Date.UTC(y, mo, d + 1, settled ? 16 - 8 : 10 - 8, 30);
}

export type BillResult = { ok: true; csv: string } | { ok: false; status: number; message: string };

export function billCsv(store: CmbStore, merId: string, billDate: string, now: number, omit: ReadonlySet<string> = new Set(), amend: ReadonlyMap<string, number> = new Map()): BillResult {
  if (now < billReadyAt(billDate, false)) return { ok: false, status: 404, message: '对账单 T+1 10:30 后提供' };
  const settled = now >= billReadyAt(billDate, true);
  const next = formatDate(billReadyAt(billDate, false), 'YYYYMMDD', BEIJING);
  const cols = Object.values(BILL_COLUMNS);
  const lines = [cols.join(',')];
  const row = (at: number, o: { orderId: string; cmbOrderId: string; payType?: string }, refundId: string, type: string, fen: number, feeFen: number): void => {
    const t = bj(at);
    lines.push([t.slice(0, 8), t.slice(8, 14), o.orderId, o.cmbOrderId, refundId, o.payType ?? '', type, String(fen), settled ? String(feeFen) : '', settled ? next : '', BILL_SUCCESS].join(','));
  };
  for (const o of store.orders.values()) {
    if (o.merId !== merId || omit.has(o.orderId)) continue;
    const f = fee(o.amountFen);
    if (o.paidAt !== undefined && o.chargeCount > 0 && bj(o.paidAt).startsWith(billDate)) row(o.paidAt, o, '', BILL_TYPES.pay, amend.get(o.orderId) ?? o.amountFen, f);
    for (const r of o.refunds) {
      if (r.state === 'S' && r.doneAt !== undefined && bj(r.doneAt).startsWith(billDate)) row(r.doneAt, o, r.orderId, BILL_TYPES.refund, r.amountFen, Math.floor((f * r.amountFen * 2 + o.amountFen) / (2 * o.amountFen)));
    }
  }
  return { ok: true, csv: `${lines.join('\n')}\n` };
}
