/**
 * History search for the manager: by day, time range, exact amount, wallet, status and order
 * number (ours, the aggregator's or the wallet's; a typed part or a scanned receipt QR). Newest first.
 */
import type { Wallet } from '../aggregator/types';
import type { OrderFilter, OrderIndex, OrderStatus, OrderView } from '../journal/order-view';
import { refundableFen, voidRefusal } from '../refunds';
import type { Msg } from '../../preload/messages';

export interface SearchQuery {
  day?: string;
  fromTs?: number;
  toTs?: number;
  amountFen?: number;
  wallet?: Wallet;
  orderNo?: string;
  status?: OrderStatus;
  limit?: number;
}

export interface ManagerOrderView extends Omit<OrderView, 'qrCode' | 'expiresAt' | 'windowMs' | 'recovered' | 'reconstructed' | 'cancelReason'> {
  refundableFen: number;
  voidRefusal?: Msg;
}

/** A scanned receipt QR may carry a URL or a prefix; keep the order-number characters. */
export function normalizeOrderNo(text: string): string {
  const t = text.trim();
  const tail = /[A-Za-z0-9]{6,}$/.exec(t);
  return (tail ? tail[0] : t).toUpperCase();
}

export function searchOrders(index: OrderIndex, q: SearchQuery): { orders: OrderView[]; total: number } {
  const filter: OrderFilter = {};
  if (q.day !== undefined) filter.day = q.day;
  if (q.fromTs !== undefined) filter.fromTs = q.fromTs;
  if (q.toTs !== undefined) filter.toTs = q.toTs;
  if (q.amountFen !== undefined) filter.amountFen = q.amountFen;
  if (q.wallet !== undefined) filter.wallet = q.wallet;
  if (q.status !== undefined) filter.status = q.status;
  let list = index.list(filter);
  const no = q.orderNo ? normalizeOrderNo(q.orderNo) : '';
  if (no) {
    const exact = index.get(no) ?? index.bySn(no);
    list = exact && list.some((o) => o.clientSn === exact.clientSn)
      ? [exact]
      : list.filter((o) => [o.clientSn, o.sn, o.tradeNo].some((x) => x !== undefined && x.toUpperCase().includes(no)));
  }
  list.sort((a, b) => b.createdAt - a.createdAt);
  return { orders: list.slice(0, q.limit ?? 200), total: list.length };
}

export function toManagerOrder(o: OrderView, today: string): ManagerOrderView {
  const v: ManagerOrderView = {
    clientSn: o.clientSn, day: o.day, method: o.method, amountFen: o.amountFen, status: o.status, operator: o.operator, subject: o.subject,
    createdAt: o.createdAt, refunds: o.refunds, refundedFen: o.refundedFen, refundableFen: refundableFen(o),
  };
  for (const k of ['finishedAt', 'wallet', 'sn', 'tradeNo', 'codeMasked', 'message', 'note'] as const) {
    if (o[k] !== undefined) (v as unknown as Record<string, unknown>)[k] = o[k];
  }
  const why = voidRefusal(o, today);
  if (why) v.voidRefusal = why;
  return v;
}
