/**
 * The dashboard's chain-wide queries. They read the folds the trigger keeps (takings_hourly:
 * ~200k rows for a whole chain's day) and the counters' own status, never the raw journal.
 */
import type { Sql } from './db';

import type { CounterHealth, Takings, TakingsRow } from '../../preload/hq-shapes';

export type { CounterHealth, Takings, TakingsRow };

type Agg = { key: string; count: number; paid: number; rcount: number; refund: number };
const toRow = (r: Agg): TakingsRow => ({ key: String(r.key), count: r.count, paidFen: r.paid, refundCount: r.rcount, refundFen: r.refund, netFen: r.paid - r.refund });
const SUMS = 'sum(pay_count)::int AS count, coalesce(sum(paid_fen), 0)::bigint AS paid, sum(refund_count)::int AS rcount, coalesce(sum(refund_fen), 0)::bigint AS refund';

/** Today's takings of the chain by store, wallet and hour (one pass each over the day's rollup). */
export async function chainTakings(sql: Sql, day: string): Promise<Takings> {
  const [stores, wallets, hours] = await Promise.all([
    sql.query<Agg & { name: string }>(`SELECT t.store_id AS key, s.name, ${SUMS} FROM takings_hourly t LEFT JOIN stores s USING (store_id) WHERE t.day = $1 GROUP BY t.store_id, s.name ORDER BY t.store_id`, [day]),
    sql.query<Agg>(`SELECT wallet AS key, ${SUMS} FROM takings_hourly WHERE day = $1 GROUP BY wallet ORDER BY paid DESC`, [day]),
    sql.query<Agg>(`SELECT hour AS key, ${SUMS} FROM takings_hourly WHERE day = $1 GROUP BY hour ORDER BY hour`, [day]),
  ]);
  const total = { count: 0, paidFen: 0, refundCount: 0, refundFen: 0, netFen: 0 };
  for (const r of stores.rows) {
    total.count += r.count; total.paidFen += r.paid; total.refundCount += r.rcount; total.refundFen += r.refund;
  }
  total.netFen = total.paidFen - total.refundFen;
  return { day, total, byStore: stores.rows.map((r) => ({ ...toRow(r), name: r.name ?? '' })), byWallet: wallets.rows.map(toRow), byHour: hours.rows.map(toRow) };
}

/** One store's day by counter, wallet and hour. */
export async function storeTakings(sql: Sql, storeId: string, day: string): Promise<{ byTerminal: (TakingsRow & { name: string })[]; byWallet: TakingsRow[]; byHour: TakingsRow[] }> {
  const [terms, wallets, hours] = await Promise.all([
    sql.query<Agg & { name: string }>(`SELECT t.terminal_id AS key, coalesce(max(s.terminal_name), '') AS name, ${SUMS} FROM takings_hourly t LEFT JOIN terminal_status s USING (store_id, terminal_id) WHERE t.day = $1 AND t.store_id = $2 GROUP BY t.terminal_id ORDER BY t.terminal_id`, [day, storeId]),
    sql.query<Agg>(`SELECT wallet AS key, ${SUMS} FROM takings_hourly WHERE day = $1 AND store_id = $2 GROUP BY wallet ORDER BY paid DESC`, [day, storeId]),
    sql.query<Agg>(`SELECT hour AS key, ${SUMS} FROM takings_hourly WHERE day = $1 AND store_id = $2 GROUP BY hour ORDER BY hour`, [day, storeId]),
  ]);
  return { byTerminal: terms.rows.map((r) => ({ ...toRow(r), name: r.name })), byWallet: wallets.rows.map(toRow), byHour: hours.rows.map(toRow) };
}

/**
 * Counters behind (records on the counter not yet here) or silent (no report for longer than
 * silentAfterS) — and stores with no counter reporting at all.
 */
export async function counterHealth(sql: Sql, silentAfterS = 600): Promise<CounterHealth[]> {
  const r = await sql.query<{ store_id: string; store_name: string; terminal_id: string | null; terminal_name: string | null; head_seq: number | null; synced_seq: number | null; age: number | null }>(
    `SELECT s.store_id, s.name AS store_name, t.terminal_id, t.terminal_name, t.head_seq, t.synced_seq,
            extract(epoch FROM now() - t.reported_at)::int AS age
     FROM stores s LEFT JOIN terminal_status t USING (store_id) ORDER BY s.store_id, t.terminal_id`);
  return r.rows.map((x) => {
    const behind = Math.max(0, (x.head_seq ?? 0) - (x.synced_seq ?? 0));
    const state: CounterHealth['state'] = x.terminal_id === null ? 'never' : (x.age ?? 0) > silentAfterS ? 'silent' : behind > 0 ? 'behind' : 'ok';
    return { storeId: x.store_id, storeName: x.store_name, terminalId: x.terminal_id ?? '', terminalName: x.terminal_name ?? '', headSeq: x.head_seq ?? 0, syncedSeq: x.synced_seq ?? 0, behind, silentSeconds: x.age, state };
  });
}

export async function listStores(sql: Sql): Promise<{ storeId: string; name: string; settleAccount: string }[]> {
  const r = await sql.query<{ store_id: string; name: string; settle_account: string }>('SELECT store_id, name, settle_account FROM stores ORDER BY store_id');
  return r.rows.map((x) => ({ storeId: x.store_id, name: x.name, settleAccount: x.settle_account }));
}
