/**
 * Mixed tender (part by wallet, rest in cash): the pure state machine of one sale. Each part is
 * its own journaled order (a cash part is one CASH_SALE record; a wallet part is a normal
 * attempt), tagged with the sale id and total, so the sale is never half-recorded: it is
 * `open` while parts are missing, `paying` while a wallet part is in flight, `paid` once the
 * parts cover the total, `abandoned` once its cash was handed back.
 */
import { msg, type Msg } from '../../preload/messages';

export type PartStatus = 'pending' | 'paid' | 'failed' | 'refunded';
export interface SalePart { clientSn: string; tender: 'cash' | 'wallet'; amountFen: number; status: PartStatus }
export interface MixedSale { saleId: string; totalFen: number; parts: SalePart[] }
export type SaleState = 'open' | 'paying' | 'paid' | 'abandoned';

export type Step = { ok: true; sale: MixedSale } | { ok: false; message: Msg };

export const paidFen = (s: MixedSale): number => s.parts.filter((p) => p.status === 'paid').reduce((n, p) => n + p.amountFen, 0);
export const cashFen = (s: MixedSale): number => s.parts.filter((p) => p.status === 'paid' && p.tender === 'cash').reduce((n, p) => n + p.amountFen, 0);
export const remainingFen = (s: MixedSale): number => Math.max(0, s.totalFen - paidFen(s));

export function saleState(s: MixedSale): SaleState {
  if (s.parts.some((p) => p.status === 'refunded')) return 'abandoned';
  if (paidFen(s) >= s.totalFen) return 'paid';
  if (s.parts.some((p) => p.status === 'pending')) return 'paying';
  return 'open';
}

export function openSale(saleId: string, totalFen: number): MixedSale {
  return { saleId, totalFen, parts: [] };
}

/**
 * A cash part: the cash applied is at most what is still due; more than that is change, and
 * only allowed when it completes the sale. Returns the applied amount and the change.
 */
export function addCash(s: MixedSale, clientSn: string, receivedFen: number): { ok: true; sale: MixedSale; appliedFen: number; changeFen: number } | { ok: false; message: Msg } {
  const state = saleState(s);
  if (state !== 'open') return { ok: false, message: msg(state === 'paying' ? 'cash.walletPartPending' : 'cash.saleFinished') };
  if (!Number.isSafeInteger(receivedFen) || receivedFen <= 0) return { ok: false, message: msg('amount.mustBePositive') };
  const due = remainingFen(s);
  const appliedFen = Math.min(receivedFen, due);
  const part: SalePart = { clientSn, tender: 'cash', amountFen: appliedFen, status: 'paid' };
  return { ok: true, sale: { ...s, parts: [...s.parts, part] }, appliedFen, changeFen: receivedFen - appliedFen };
}

/** A wallet part for (at most) what is still due; one at a time. */
export function startWallet(s: MixedSale, clientSn: string, amountFen: number): Step {
  const state = saleState(s);
  if (state !== 'open') return { ok: false, message: msg(state === 'paying' ? 'cash.walletPartPending' : 'cash.saleFinished') };
  const due = remainingFen(s);
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) return { ok: false, message: msg('amount.mustBePositive') };
  if (amountFen > due) return { ok: false, message: msg('cash.overDue', { dueFen: due }) };
  return { ok: true, sale: { ...s, parts: [...s.parts, { clientSn, tender: 'wallet', amountFen, status: 'pending' }] } };
}

/** The wallet part ended: paid counts, anything else leaves the sale open with the cash kept. */
export function walletFinished(s: MixedSale, clientSn: string, paid: boolean): MixedSale {
  return { ...s, parts: s.parts.map((p) => (p.clientSn === clientSn && p.tender === 'wallet' ? { ...p, status: paid ? 'paid' : 'failed' } : p)) };
}

/** Abandoning an open sale hands its cash back: every paid cash part becomes refunded. */
export function abandon(s: MixedSale): Step {
  const state = saleState(s);
  if (state !== 'open') return { ok: false, message: msg(state === 'paying' ? 'cash.walletPartPending' : 'cash.saleFinished') };
  return { ok: true, sale: { ...s, parts: s.parts.map((p) => (p.tender === 'cash' && p.status === 'paid' ? { ...p, status: 'refunded' } : p)) } };
}

/** What the order index knows of a part. */
export interface PartOrder {
  clientSn: string; method: string; amountFen: number; status: string; refundedFen: number;
  sale?: { saleId: string; totalFen: number };
}

/** The sales rebuilt from the journal's orders (at start, and after each part). */
export function salesFromOrders(orders: readonly PartOrder[]): MixedSale[] {
  const sales = new Map<string, MixedSale>();
  for (const o of orders) {
    if (!o.sale) continue;
    let s = sales.get(o.sale.saleId);
    if (!s) sales.set(o.sale.saleId, (s = openSale(o.sale.saleId, o.sale.totalFen)));
    const status: PartStatus = o.status === 'paid' ? (o.refundedFen > 0 ? 'refunded' : 'paid')
      : o.status === 'pending' || o.status === 'needs_attention' ? 'pending' : 'failed';
    s.parts.push({ clientSn: o.clientSn, tender: o.method === 'cash' ? 'cash' : 'wallet', amountFen: o.amountFen, status });
  }
  return [...sales.values()];
}

/** The sales still owed money (open, or a wallet part in flight): each blocks a shift close. */
export function unfinishedSales(orders: readonly PartOrder[]): MixedSale[] {
  return salesFromOrders(orders).filter((s) => saleState(s) === 'open' || saleState(s) === 'paying');
}

/** Why the shift cannot close while a mixed sale is still owed money (which sale, how much), or null. */
export function openSaleRefusal(orders: readonly PartOrder[]): { saleId: string; message: Msg } | null {
  const s = unfinishedSales(orders)[0];
  if (!s) return null;
  return {
    saleId: s.saleId,
    message: msg('shift.mixedOpen', { saleId: s.saleId, totalFen: s.totalFen, paidFen: paidFen(s), dueFen: remainingFen(s) }),
  };
}
