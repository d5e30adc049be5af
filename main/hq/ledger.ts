/**
 * A store's ledger (分户帐) and its reconciliation, from the journal records head office holds,
 * folded exactly as the counter folds them (journal/order-index.ts) and priced with the counter's
 * own settlement rules (reports/settlement.ts: fee per order half up, refunds return the fee pro
 * rata, T+N) and reconciliation (reports/reconcile.ts).
 */
import { OrderBook } from '../journal/order-index';
import type { OrderView } from '../journal/order-view';
import type { JournalRecord } from '../journal/records';
import { localBusinessDay } from '../journal';
import { parseManagerConfig } from '../manager/manager-config';
import { reconcile, type ReconcileResult } from '../reports/reconcile';
import { expectedSettlement, type Settlement } from '../reports/settlement';
import { parseStatement } from '../reports/statement';
import type { Sql } from './db';

const ORDER_TYPES = ['ATTEMPT_CREATED', 'QR_READY', 'PAYMENT_FINAL', 'NEEDS_ATTENTION', 'CANCEL_REQUESTED', 'REFUND_REQUESTED', 'REFUND_FINAL', 'CASH_SALE'];

export interface StoreOrders {
  orders: OrderView[];
  /** The counter's business day of a record's timestamp (as its journal file says). */
  businessDay: (ts: number) => string;
}

/**
 * The store's orders touching `day`: that day's records, plus the earlier records of orders
 * refunded that day (a refund counts on the day it completed).
 */
export async function storeOrders(sql: Sql, storeId: string, day: string): Promise<StoreOrders> {
  const [r, older] = await Promise.all([sql.query<{ terminal_id: string; day: string; body: string }>(
    'SELECT terminal_id, day, body::text AS body FROM journal_records WHERE store_id = $1 AND day = $2 AND type = ANY($3) ORDER BY terminal_id, seq',
    [storeId, day, ORDER_TYPES]),
  sql.query<{ terminal_id: string; day: string; body: string }>(
    `SELECT j.terminal_id, j.day, j.body::text AS body FROM refunds f
       JOIN payments p ON p.store_id = f.store_id AND p.terminal_id = f.terminal_id AND p.client_sn = f.client_sn AND p.day < f.day
       JOIN journal_records j ON j.store_id = p.store_id AND j.terminal_id = p.terminal_id AND j.day = p.day AND j.body->>'clientSn' = p.client_sn
     WHERE f.store_id = $1 AND f.day = $2 AND j.type = ANY($3) ORDER BY j.terminal_id, j.seq`,
    [storeId, day, ORDER_TYPES])]);
  const dayOf = new Map<number, string>();
  const businessDay = (ts: number): string => dayOf.get(ts) ?? localBusinessDay(ts);
  const books = new Map<string, OrderBook>();
  for (const row of [...older.rows, ...r.rows]) {
    const rec = JSON.parse(row.body) as JournalRecord;
    dayOf.set(rec.ts, row.day);
    let book = books.get(row.terminal_id);
    if (!book) books.set(row.terminal_id, (book = new OrderBook(businessDay, () => undefined)));
    book.apply(rec);
  }
  const orders: OrderView[] = [];
  for (const b of books.values()) orders.push(...b.list());
  return { orders, businessDay };
}

export interface StoreLedger {
  storeId: string;
  name: string;
  settleAccount: string;
  settlement: Settlement;
}

export async function storeLedger(sql: Sql, storeId: string, day: string): Promise<StoreLedger | null> {
  const [s, { orders, businessDay }] = await Promise.all([
    sql.query<{ name: string; settle_account: string; fee_config: unknown }>('SELECT name, settle_account, fee_config FROM stores WHERE store_id = $1', [storeId]),
    storeOrders(sql, storeId, day),
  ]);
  const store = s.rows[0];
  if (!store) return null;
  const cfg = parseManagerConfig(typeof store.fee_config === 'string' ? JSON.parse(store.fee_config) : store.fee_config, () => undefined);
  return { storeId, name: store.name, settleAccount: store.settle_account, settlement: expectedSettlement(orders, day, cfg, { businessDay }) };
}

/** One store's statement file against what its counters journaled. */
export async function reconcileStore(sql: Sql, storeId: string, day: string, csv: string): Promise<ReconcileResult> {
  const { orders, businessDay } = await storeOrders(sql, storeId, day);
  return reconcile(orders, parseStatement(csv), day, { businessDay });
}

/** Which store a statement file is for: a known store id standing alone in its name (the longest wins). */
export function storeOfFile(fileName: string, storeIds: readonly string[]): string | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const esc = (id: string) => id.replace(/[-]/g, '\\-');
  const hits = storeIds.filter((id) => new RegExp(`(^|[^A-Za-z0-9])${esc(id)}($|[^A-Za-z0-9])`).test(base));
  hits.sort((a, b) => b.length - a.length);
  return hits[0] ?? null;
}
