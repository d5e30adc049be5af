/**
 * A payment that straddles midnight: its ATTEMPT_CREATED journaled at 23:59:5x on day D, its
 * PAYMENT_FINAL at 00:00:0x on D+1, so its records sit in two journal days. The counter books
 * the order on D (the day of its ATTEMPT_CREATED: journal/order-index.ts, reports/totals.ts,
 * reports/settlement.ts); the platform lists the payment in the statement of the day it was paid,
 * D+1 (payment-protocols.md §6.4 (f); the sandbox's statement.ts lists 收款 by paidAt). Head
 * office must count it once, on D, in the store's ledger, and its reconciliation must find it on
 * D+1's statement without a false 短款 on D or 长款 on D+1 — on the PostgreSQL server and PGlite.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STATEMENT_HEADER } from '../../../main/aggregator/sandbox/statement';
import { openPglite, type Sql } from '../../../main/hq/db';
import { reconcileStore, storeLedger } from '../../../main/hq/ledger';
import { migrate } from '../../../main/hq/migrate';
import { addStore } from '../../../main/hq/provision';
import { OrderBook } from '../../../main/journal/order-index';
import type { JournalRecord } from '../../../main/journal/records';
import { reconcile } from '../../../main/reports/reconcile';
import { expectedSettlement, type SettlementConfig } from '../../../main/reports/settlement';
import { parseStatement } from '../../../main/reports/statement';
import { localDay } from '../../../main/shared/dates';
import { freshDatabase, type TestDb } from '../../support/pg-database';

const FEES: SettlementConfig = { defaultFeeBp: 38, feeBp: { wechat: 60 }, settleDays: 1 };
const D = '2026-12-01';
const D1 = '2026-12-02';
const at = (day: number, h: number, m: number, s: number) => new Date(2026, 11, day, h, m, s).getTime();

/** One counter's journal, in seq order: the day's ordinary sales and three records split by midnight. */
function journal(): JournalRecord[] {
  const created = (clientSn: string, amountFen: number) => ({ type: 'ATTEMPT_CREATED', clientSn, method: 'qr', amountFen, operator: '收银员', subject: '店', windowMs: 45_000 });
  const paid = (clientSn: string, amountFen: number, wallet: string) => ({ type: 'PAYMENT_FINAL', clientSn, outcome: 'PAID', amountFen, sn: `SN-${clientSn}`, wallet });
  const refund = (clientSn: string, no: string, amountFen: number) => [
    { type: 'REFUND_REQUESTED', clientSn, refundRequestNo: no, amountFen, operator: '店长' },
    { type: 'REFUND_FINAL', clientSn, refundRequestNo: no, amountFen, outcome: 'REFUNDED' },
  ];
  const [bReq, bFin] = refund('B', 'B-r1', 300);
  const [yReq, yFin] = refund('Y', 'Y-r1', 200);
  const rows: [number, object][] = [
    [at(1, 12, 0, 0), created('A', 500)], [at(1, 12, 0, 4), paid('A', 500, 'alipay')],
    [at(1, 15, 0, 0), created('B', 800)], [at(1, 15, 0, 4), paid('B', 800, 'alipay')],
    [at(1, 23, 59, 55), created('X', 1000)], // X: paid across midnight
    [at(1, 23, 59, 57), created('Y', 600)], // Y: paid across midnight, partly refunded the next morning
    [at(1, 23, 59, 58), bReq!], // B's refund: requested before midnight, completed after
    [at(2, 0, 0, 2), bFin!],
    [at(2, 0, 0, 3), paid('X', 1000, 'wechat')],
    [at(2, 0, 0, 4), paid('Y', 600, 'wechat')],
    [at(2, 9, 0, 0), created('C', 700)], [at(2, 9, 0, 4), paid('C', 700, 'alipay')],
    [at(2, 10, 0, 0), yReq!], [at(2, 10, 0, 1), yFin!],
  ];
  return rows.map(([ts, body], i) => ({ ...body, seq: i + 1, ts }) as JournalRecord);
}
const records = journal();

/** Pushed as the sync worker does: one row per record, `day` the counter's journal day. */
async function load(sql: Sql, storeId: string): Promise<void> {
  for (let i = 0; i < records.length; i += 5) {
    const b = records.slice(i, i + 5);
    await sql.query(
      `INSERT INTO journal_records (store_id, terminal_id, seq, ts, day, hour, type, body)
       SELECT $1, 'T1', r.seq, r.ts, r.day, r.hour, r.type, r.body
       FROM unnest($2::bigint[], $3::bigint[], $4::date[], $5::smallint[], $6::text[], $7::jsonb[]) AS r(seq, ts, day, hour, type, body)`,
      [storeId, b.map((x) => x.seq), b.map((x) => x.ts), b.map((x) => localDay(x.ts)), b.map((x) => new Date(x.ts).getHours()), b.map((x) => x.type), b.map((x) => JSON.stringify(x))]);
  }
}

/** The counter's own fold of the same journal (its index, its settlement and reconciliation). */
function counterBook(): OrderBook {
  const book = new OrderBook(localDay, () => undefined);
  for (const r of records) book.apply(r);
  book.endReplay();
  return book;
}

/** The platform's statements: each row on the day the platform paid or refunded (after midnight for X, Y and B's refund). */
const row = (time: string, cs: string, type: string, yuan: string, wallet = '支付宝') => `${time},${cs},SN-${cs},${wallet},${type},${yuan},0.00,成功`;
const STATEMENT: Record<string, string> = {
  [D]: [STATEMENT_HEADER, row(`${D} 12:00:03`, 'A', '收款', '5.00'), row(`${D} 15:00:03`, 'B', '收款', '8.00')].join('\n'),
  [D1]: [STATEMENT_HEADER,
    row(`${D1} 00:00:01`, 'B', '退款', '3.00'),
    row(`${D1} 00:00:02`, 'X', '收款', '10.00', '微信支付'),
    row(`${D1} 00:00:03`, 'Y', '收款', '6.00', '微信支付'),
    row(`${D1} 09:00:03`, 'C', '收款', '7.00'),
    row(`${D1} 10:00:00`, 'Y', '退款', '2.00', '微信支付')].join('\n'),
};

function straddling(sqlOf: () => Sql, storeId: () => string): void {
  test('the ledger counts each straddling payment once, on the day the counter books it, and the straddling refund on the day it completed', async () => {
    const d = (await storeLedger(sqlOf(), storeId(), D))!.settlement;
    const d1 = (await storeLedger(sqlOf(), storeId(), D1))!.settlement;
    expect(d.total).toMatchObject({ count: 4, grossFen: 500 + 800 + 1000 + 600, refundFen: 0 });
    expect(d.byWallet.wechat).toMatchObject({ count: 2, grossFen: 1600 });
    expect(d1.total).toMatchObject({ count: 1, grossFen: 700, refundFen: 300 + 200 });
    // The counter's own settlement of the same journal gives the same lines, fees included.
    const book = counterBook();
    expect(d).toEqual(expectedSettlement(book.list(), D, FEES));
    expect(d1).toEqual(expectedSettlement(book.list(), D1, FEES));
  });

  test.each([D, D1])('reconciliation of %s: the straddling payments are cross-day items, never 短款 or 长款', async (day) => {
    const got = await reconcileStore(sqlOf(), storeId(), day, STATEMENT[day]!);
    const kind = (cs: string) => got.items.filter((i) => i.clientSn === cs).map((i) => i.kind);
    expect(got.differences).toBe(0);
    expect(kind('X')).toEqual(['other_day']);
    expect(kind('Y')).toEqual(['other_day']);
    expect(kind('B')).toEqual(['matched']);
    expect(kind(day === D ? 'A' : 'C')).toEqual(['matched']);
    expect(got.items.find((i) => i.clientSn === 'X')!.detail).toBe(`收款机记在 ${D}，平台记在 ${D1}`);
    // The counter, reconciling the same statement against its own journal, says the same.
    expect(got).toEqual(reconcile(counterBook().list(), parseStatement(STATEMENT[day]!), day));
  });
}

describe('PostgreSQL server', () => {
  let db: TestDb;
  let id = '';
  beforeAll(async () => {
    db = await freshDatabase();
    id = (await db.store('MN')).storeId;
    await db.sql.query('UPDATE stores SET fee_config = $2::jsonb WHERE store_id = $1', [id, JSON.stringify(FEES)]);
    await load(db.sql, id);
  }, 120_000);
  afterAll(async () => { await db?.drop(); });
  straddling(() => db.sql, () => id);
});

describe('embedded PGlite', () => {
  let sql: Sql;
  beforeAll(async () => {
    sql = await openPglite();
    await migrate(sql);
    await addStore(sql, { storeId: 'MN1', name: '跨日的店', password: 'password-mn1-123', feeConfig: { ...FEES, feeBp: { ...FEES.feeBp } } });
    await load(sql, 'MN1');
  }, 120_000);
  afterAll(async () => { await sql?.close(); });
  straddling(() => sql, () => 'MN1');
});
