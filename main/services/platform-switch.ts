/**
 * The one rule for changing the payment platform, whichever way it is changed (the engineer's
 * platform form, a settings import): refused while payments or refunds are unfinished, because
 * recovery would query them on the other platform, which does not know them.
 */
import type { OrderIndex } from '../journal';
import { msg, type Msg } from '../../preload/messages';

export type OrdersPort = Pick<OrderIndex, 'unfinished' | 'list'>;

/** Unfinished payments and refunds (queries cover 15 days at the bank [cmb-polypay.md §3]). */
export function unfinishedOrders(orders: OrdersPort, now: number): string[] {
  const pay = orders.unfinished().map((o) => o.clientSn);
  const refunds = orders.list({ fromTs: now - 16 * 86_400_000 }).filter((o) => o.refunds.some((r) => r.status === 'pending')).map((o) => o.clientSn);
  return [...new Set([...pay, ...refunds])];
}

/** Why `target` cannot replace the running platform now, or null when it can (or is no change). */
export function platformSwitchRefusal(orders: OrdersPort, now: number, running: string, target: string): Msg | null {
  if (target === running) return null;
  const open = unfinishedOrders(orders, now);
  if (open.length === 0) return null;
  return msg('bank.switchRefused', { count: open.length, orders: open.slice(0, 3).join('、') + (open.length > 3 ? '…' : '') });
}
