/** OrderView builders for report tests. Time is UTC so results do not depend on the machine's zone. */
import type { Wallet } from '../../../../main/aggregator/types';
import type { OrderStatus, OrderView, RefundView } from '../../../../main/journal/order-view';

export const HOUR = 3_600_000;
export const DAY = '2026-01-15';
export const T0 = Date.UTC(2026, 0, 15, 0, 0, 0);
export const utcDay = (ts: number): string => new Date(ts).toISOString().slice(0, 10);
export const utcHour = (ts: number): number => new Date(ts).getUTCHours();
export const utc = { businessDay: utcDay, hourOf: utcHour };

export interface OrderSpec {
  amountFen?: number;
  at?: number;
  finishedAt?: number;
  status?: OrderStatus;
  wallet?: Wallet;
  operator?: string;
  sn?: string;
  refunds?: Partial<RefundView>[];
}

export function order(clientSn: string, spec: OrderSpec = {}): OrderView {
  const at = spec.at ?? T0 + 10 * HOUR;
  const status = spec.status ?? 'paid';
  const refunds: RefundView[] = (spec.refunds ?? []).map((r, i) => ({
    refundRequestNo: `${clientSn}-R${i}`, amountFen: 100, status: 'refunded', finishedAt: at + HOUR, ...r,
  }));
  const o: OrderView = {
    clientSn, day: utcDay(at), method: 'scan', amountFen: spec.amountFen ?? 1000, operator: spec.operator ?? '001', subject: '商品',
    createdAt: at, status, windowMs: 45_000, refunds,
    refundedFen: refunds.filter((r) => r.status === 'refunded').reduce((a, r) => a + r.amountFen, 0),
  };
  if (status !== 'pending' && status !== 'needs_attention') o.finishedAt = spec.finishedAt ?? at + 5_000;
  o.wallet = spec.wallet ?? 'wechat';
  if (spec.sn) o.sn = spec.sn;
  return o;
}
