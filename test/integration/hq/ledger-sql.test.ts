/**
 * Head office's ledger and reconciliation are folded by PostgreSQL (hq/store-orders.ts). On a
 * generated store (two counters, three days, every path of the order fold, custom fees and T+2)
 * they must equal what the counter's own JS fold gives for the same records — the way head office
 * computed them before (replaying the store's day in an OrderBook: kept here as the reference) —
 * on the real PostgreSQL server and on the embedded PGlite.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPglite, type Sql } from '../../../main/hq/db';
import { storeLedger, storeOrders, reconcileStore } from '../../../main/hq/ledger';
import { migrate } from '../../../main/hq/migrate';
import { addStore } from '../../../main/hq/provision';
import { OrderBook, type OrderView } from '../../../main/journal/order-index';
import { reconcile } from '../../../main/reports/reconcile';
import { expectedSettlement, type SettlementConfig } from '../../../main/reports/settlement';
import { parseStatement } from '../../../main/reports/statement';
import { DAYS, MIDDLE, generatedStore, statementWithDifferences, type GenRecord } from '../../support/generated-store-day';
import { freshDatabase, type TestDb } from '../../support/pg-database';

const FEES: SettlementConfig = { defaultFeeBp: 25, feeBp: { wechat: 60, alipay: 38, cash: 0 }, settleDays: 2 };
const ORDER_TYPES = ['ATTEMPT_CREATED', 'QR_READY', 'PAYMENT_FINAL', 'NEEDS_ATTENTION', 'CANCEL_REQUESTED', 'REFUND_REQUESTED', 'REFUND_FINAL', 'CASH_SALE'];
const records = generatedStore();

/** Into journal_records as the counters' batches would (200 at a time: the per-batch fold runs across batches). */
async function load(sql: Sql, storeId: string): Promise<void> {
  for (const t of ['T1', 'T2']) {
    const mine = records.filter((r) => r.terminalId === t);
    for (let i = 0; i < mine.length; i += 200) {
      const b = mine.slice(i, i + 200);
      await sql.query(
        `INSERT INTO journal_records (store_id, terminal_id, seq, ts, day, hour, type, body)
         SELECT $1, $2, r.seq, r.ts, r.day, r.hour, r.type, r.body
         FROM unnest($3::bigint[], $4::bigint[], $5::date[], $6::smallint[], $7::text[], $8::jsonb[]) AS r(seq, ts, day, hour, type, body)`,
        [storeId, t, b.map((x) => x.rec.seq), b.map((x) => x.rec.ts), b.map((x) => x.day), b.map((x) => new Date(x.rec.ts).getHours()), b.map((x) => x.rec.type), b.map((x) => JSON.stringify(x.rec))]);
    }
  }
}

/**
 * The reference: head office's former JS fold. The day's records, plus the payment day's records
 * of orders refunded that day but paid earlier (payment and refund days as the trigger's
 * payments/refunds tables record them: the first PAID, the first REFUNDED), replayed per counter.
 */
function jsOrders(day: string): { orders: OrderView[]; businessDay: (ts: number) => string } {
  const key = (g: GenRecord, x: string) => `${g.terminalId}|${x}`;
  const payDay = new Map<string, string>();
  const refundFirst = new Map<string, GenRecord>();
  for (const g of records) {
    const r = g.rec as { type: string; outcome?: string; clientSn?: string; refundRequestNo?: string };
    if ((r.type === 'PAYMENT_FINAL' && r.outcome === 'PAID') || r.type === 'CASH_SALE') { if (!payDay.has(key(g, r.clientSn!))) payDay.set(key(g, r.clientSn!), g.day); }
    if (r.type === 'REFUND_FINAL' && r.outcome === 'REFUNDED' && !refundFirst.has(key(g, r.refundRequestNo!))) refundFirst.set(key(g, r.refundRequestNo!), g);
  }
  const older = new Set<string>();
  for (const g of refundFirst.values()) {
    const cs = (g.rec as { clientSn: string }).clientSn;
    const pd = payDay.get(key(g, cs));
    if (g.day === day && pd !== undefined && pd < day) older.add(`${g.terminalId}|${pd}|${cs}`);
  }
  const bySeq = (a: GenRecord, b: GenRecord) => a.terminalId.localeCompare(b.terminalId) || a.rec.seq - b.rec.seq;
  const wanted = records.filter((g) => ORDER_TYPES.includes(g.rec.type));
  const rows = [
    ...wanted.filter((g) => older.has(`${g.terminalId}|${g.day}|${(g.rec as { clientSn?: string }).clientSn}`)).sort(bySeq),
    ...wanted.filter((g) => g.day === day).sort(bySeq),
  ];
  const dayOf = new Map<number, string>();
  const businessDay = (ts: number) => dayOf.get(ts) ?? '';
  const books = new Map<string, OrderBook>();
  for (const g of rows) {
    dayOf.set(g.rec.ts, g.day);
    let book = books.get(g.terminalId);
    if (!book) books.set(g.terminalId, (book = new OrderBook(businessDay, () => undefined)));
    book.apply(g.rec);
  }
  return { orders: [...books.values()].flatMap((b) => b.list()), businessDay };
}

function sameAsJs(sqlOf: () => Sql, storeId: () => string): void {
  test.each(DAYS)('ledger of %s: the SQL settlement equals the JS fold (wallet lines in the same order)', async (day) => {
    const { orders, businessDay } = jsOrders(day);
    const want = expectedSettlement(orders, day, FEES, { businessDay });
    const got = (await storeLedger(sqlOf(), storeId(), day))!.settlement;
    expect(got).toEqual(want);
    expect(Object.keys(got.byWallet)).toEqual(Object.keys(want.byWallet));
    if (day === MIDDLE) {
      expect(got.total.count).toBeGreaterThan(200); // the generated day really is a day
      expect(got.total.refundFen).toBeGreaterThan(0);
      expect(got.arrivalDay).toBe('2026-12-03');
    }
  });

  test.each(DAYS)('orders of %s: each folded as the JS fold does (status, wallet, sn, the day\'s refunds)', async (day) => {
    const { orders, businessDay } = jsOrders(day);
    const got = await storeOrders(sqlOf(), storeId(), day);
    const view = (o: { clientSn: string; day: string; status: string; amountFen: number; operator: string; wallet?: string; sn?: string; refunds: { refundRequestNo: string; amountFen: number; status: string; finishedAt?: number }[] }, bd: (ts: number) => string) =>
      [o.clientSn, o.day, o.status, o.amountFen, o.operator, o.wallet, o.sn, o.refunds.filter((r) => r.status === 'refunded' && r.finishedAt !== undefined && bd(r.finishedAt) === day).map((r) => [r.refundRequestNo, r.amountFen, r.finishedAt])];
    expect(got.orders.map((o) => view(o, got.businessDay))).toEqual(orders.map((o) => view(o, businessDay)));
  });

  test('reconciliation of the middle day: the same items, in the same order', async () => {
    const { orders, businessDay } = jsOrders(MIDDLE);
    const csv = statementWithDifferences(orders, businessDay);
    const want = reconcile(orders, parseStatement(csv), MIDDLE, { businessDay });
    const got = await reconcileStore(sqlOf(), storeId(), MIDDLE, csv);
    expect(got).toEqual(want);
    // Every kind of difference is in the generated statement, so the comparison covers them all.
    const kinds = new Set(got.items.map((i) => i.kind));
    for (const k of ['matched', 'only_counter', 'only_aggregator', 'amount_differs', 'status_differs', 'other_day', 'unparsable'] as const) expect(kinds).toContain(k);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['paid', 'failed', 'canceled', 'expired', 'needs_attention', 'pending']));
  });
}

describe('PostgreSQL server', () => {
  let db: TestDb;
  let id = '';
  beforeAll(async () => {
    db = await freshDatabase();
    id = (await db.store('GS')).storeId;
    await db.sql.query('UPDATE stores SET fee_config = $2::jsonb WHERE store_id = $1', [id, JSON.stringify(FEES)]);
    await load(db.sql, id);
  }, 120_000);
  afterAll(async () => { await db?.drop(); });
  sameAsJs(() => db.sql, () => id);
});

describe('embedded PGlite', () => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openPglite();
    await migrate(sql);
    await addStore(sql, { storeId: 'GS1', name: '生成的店', password: 'password-gs1-123', feeConfig: { ...FEES, feeBp: { ...FEES.feeBp } } });
    await load(sql, 'GS1');
  }, 120_000);
  afterAll(async () => { await sql?.close(); });
  sameAsJs(() => sql, () => 'GS1');
});
