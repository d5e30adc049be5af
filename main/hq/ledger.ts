/**
 * A store's ledger (分户帐) and its reconciliation at head office. PostgreSQL folds the store's
 * journal records into orders and sums the settlement (store-orders.ts: the counter's own fold
 * and settlement rules — fee per order half up, refunds return the fee pro rata, T+N — in SQL);
 * Node only words the result, and compares a statement file with the orders using the counter's
 * own reconciliation (reports/reconcile.ts).
 */
import type { Wallet } from '../aggregator/types';
import type { OrderStatus } from '../journal/order-view';
import { parseManagerConfig } from '../manager/manager-config';
import { reconcile, type ReconcileOrder, type ReconcileResult } from '../reports/reconcile';
import { addDays, type Settlement, type SettlementConfig, type SettlementLine } from '../reports/settlement';
import { parseStatement } from '../reports/statement';
import type { Sql } from './db';
import { ORDERS_SQL, SETTLEMENT_SQL } from './store-orders';

export interface StoreLedger {
  storeId: string;
  name: string;
  settleAccount: string;
  settlement: Settlement;
}

interface StoreRow { name: string; settle_account: string; fee_config: unknown }

async function storeRow(sql: Sql, storeId: string): Promise<StoreRow | undefined> {
  const s = await sql.query<StoreRow>('SELECT name, settle_account, fee_config FROM stores WHERE store_id = $1', [storeId]);
  return s.rows[0];
}

/** The store's fee rates and T+N, validated as the counter validates its manager.json. */
const configOf = (store: StoreRow): SettlementConfig =>
  parseManagerConfig(typeof store.fee_config === 'string' ? JSON.parse(store.fee_config) : store.fee_config, () => undefined);

/** The day's expected settlement of a store, summed by PostgreSQL (SETTLEMENT_SQL). */
export async function storeSettlement(sql: Sql, storeId: string, day: string, cfg: SettlementConfig): Promise<Settlement> {
  const r = await sql.query<{ wallet: Wallet; fee_bp: number; count: number; gross_fen: number; refund_fen: number; fee_fen: number }>(
    SETTLEMENT_SQL, [storeId, day, JSON.stringify(cfg.feeBp ?? {}), cfg.defaultFeeBp], 'hq_store_settlement');
  const byWallet: Settlement['byWallet'] = {};
  const total: SettlementLine = { count: 0, grossFen: 0, refundFen: 0, feeFen: 0, netFen: 0 };
  for (const x of r.rows) {
    const line = { count: x.count, grossFen: x.gross_fen, refundFen: x.refund_fen, feeFen: x.fee_fen, netFen: x.gross_fen - x.refund_fen - x.fee_fen, feeBp: x.fee_bp };
    byWallet[x.wallet] = line;
    total.count += line.count;
    total.grossFen += line.grossFen;
    total.refundFen += line.refundFen;
    total.feeFen += line.feeFen;
  }
  total.netFen = total.grossFen - total.refundFen - total.feeFen;
  return { day, arrivalDay: addDays(day, cfg.settleDays), byWallet, total };
}

export async function storeLedger(sql: Sql, storeId: string, day: string): Promise<StoreLedger | null> {
  const store = await storeRow(sql, storeId);
  if (!store) return null;
  return { storeId, name: store.name, settleAccount: store.settle_account, settlement: await storeSettlement(sql, storeId, day, configOf(store)) };
}

export interface StoreOrders {
  /** The day's orders and earlier orders refunded that day; refunds are those completed that day. */
  orders: ReconcileOrder[];
  /** The business day of a listed refund's completion time, and of a paid order's PAID final. */
  businessDay: (ts: number) => string;
}

/** The store's orders touching `day`, folded by PostgreSQL (ORDERS_SQL). */
export async function storeOrders(sql: Sql, storeId: string, day: string): Promise<StoreOrders> {
  const r = await sql.query<{ client_sn: string; day: string; status: OrderStatus; amount_fen: number; operator: string | null; wallet: Wallet | null; sn: string | null; paid_ts: number | string | null; paid_day: string | null; refunds: string | { no: string; fen: number; ts: number }[] }>(
    ORDERS_SQL, [storeId, day], 'hq_store_orders');
  const dayOf = new Map<number, string>();
  const orders = r.rows.map((x): ReconcileOrder => {
    const refunds = (typeof x.refunds === 'string' ? JSON.parse(x.refunds) : x.refunds) as { no: string; fen: number; ts: number }[];
    for (const f of refunds) dayOf.set(f.ts, day);
    // The day the PAID final was journaled: reconciliation expects the order on that day's statement.
    const paidTs = x.paid_ts === null ? undefined : Number(x.paid_ts);
    if (paidTs !== undefined && x.paid_day !== null) dayOf.set(paidTs, x.paid_day);
    return {
      clientSn: x.client_sn, day: x.day, status: x.status, amountFen: x.amount_fen, operator: x.operator ?? '',
      ...(x.wallet !== null ? { wallet: x.wallet } : {}), ...(x.sn !== null ? { sn: x.sn } : {}),
      ...(paidTs !== undefined ? { finishedAt: paidTs } : {}),
      refunds: refunds.map((f) => ({ refundRequestNo: f.no, amountFen: f.fen, status: 'refunded' as const, finishedAt: f.ts })),
    };
  });
  return { orders, businessDay: (ts) => dayOf.get(ts) ?? '' };
}

/** One store's statement file against what its counters journaled. */
export async function reconcileStore(sql: Sql, storeId: string, day: string, csv: string): Promise<ReconcileResult> {
  const statement = parseStatement(csv);
  const { orders, businessDay } = await storeOrders(sql, storeId, day);
  return reconcile(orders, statement, day, { businessDay });
}

/** Which store a statement file is for: a known store id standing alone in its name (the longest wins). */
export function storeOfFile(fileName: string, storeIds: readonly string[]): string | null {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const esc = (id: string) => id.replace(/[-]/g, '\\-');
  const hits = storeIds.filter((id) => new RegExp(`(^|[^A-Za-z0-9])${esc(id)}($|[^A-Za-z0-9])`).test(base));
  hits.sort((a, b) => b.length - a.length);
  return hits[0] ?? null;
}
