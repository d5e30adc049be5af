/**
 * The per-batch fold (migration 004) as a store's counters push: a batch holding a payment
 * journaled twice and a refund of a payment in the same batch, a refund of a payment from an
 * earlier batch, a replayed batch, and two counters of one store pushing into the same store
 * rollup rows at once. The dashboard's chain figures (per-store rollup) and the store's
 * per-counter figures must agree with what the counters took. And a store's ledger for a day
 * holding a refund of a payment made the day before.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { storeLedger } from '../../../main/hq/ledger';
import { chainTakings, storeTakings } from '../../../main/hq/queries';
import { pushBatch, type CounterIdentity } from '../../../main/sync/hq-push';
import type { OutboxRecord } from '../../../main/sync/journal-tail';
import { freshDatabase, type TestDb } from '../../support/pg-database';

let db: TestDb;
beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db?.drop(); });

const DAY = '2026-12-01';
const at = (h: number) => new Date(2026, 11, 1, h, 10).getTime();
function rec(seq: number, body: Record<string, unknown>, hour = 10): OutboxRecord {
  const ts = at(hour) + seq;
  return { seq, ts, day: DAY, type: String(body.type), json: JSON.stringify({ ...body, seq, ts }) };
}
const paid = (seq: number, sn: string, fen: number, wallet: string, hour = 10) => rec(seq, { type: 'PAYMENT_FINAL', clientSn: sn, outcome: 'PAID', amountFen: fen, sn: `x${sn}`, wallet }, hour);
const refunded = (seq: number, sn: string, no: string, fen: number, hour = 10) => rec(seq, { type: 'REFUND_FINAL', clientSn: sn, refundRequestNo: no, amountFen: fen, outcome: 'REFUNDED' }, hour);

test('folds per batch: duplicates once, refunds with their wallet, store rollup = sum of counters', async () => {
  const s = await db.store('FB');
  const connect = async () => { const c = new pg.Client({ connectionString: s.url }); await c.connect(); return c; };
  const [c1, c2] = [await connect(), await connect()];
  const t1: CounterIdentity = { storeId: s.storeId, terminalId: 'FB-1', terminalName: '1号' };
  const t2: CounterIdentity = { storeId: s.storeId, terminalId: 'FB-2', terminalName: '2号' };
  const hourOf = (ts: number) => new Date(ts).getHours();
  try {
    // Batch 1 of counter 1: a payment journaled twice (recovery), a payment refunded in the same batch.
    const b1 = [paid(1, 'a', 1000, 'wechat'), paid(2, 'a', 1000, 'wechat'), paid(3, 'b', 500, 'alipay'), refunded(4, 'b', 'b-r1', 200)];
    expect(await pushBatch(c1, t1, b1, { head: 4, acked: 0 }, hourOf)).toBe(4);
    // Replayed (a retry after a lost acknowledgement): nothing new, nothing counted twice.
    expect(await pushBatch(c1, t1, b1, { head: 4, acked: 0 }, hourOf)).toBe(0);
    // Both counters at once, into the same store rows (10:00 wechat): then a refund of 'a' an hour later.
    const many = (first: number, prefix: string) => Array.from({ length: 50 }, (_, i) => paid(first + i, `${prefix}${i}`, 100, i % 2 ? 'alipay' : 'wechat'));
    await Promise.all([
      pushBatch(c1, t1, [...many(5, 'c'), refunded(55, 'a', 'a-r1', 300, 11), refunded(56, 'a', 'a-r1', 300, 11)], { head: 56, acked: 4 }, hourOf),
      pushBatch(c2, t2, many(1, 'd'), { head: 50, acked: 0 }, hourOf),
    ]);
  } finally {
    await c1.end();
    await c2.end();
  }
  const chain = await chainTakings(db.sql, DAY);
  const store = chain.byStore.find((r) => r.key === s.storeId)!;
  expect(store).toMatchObject({ count: 102, paidFen: 1000 + 500 + 100 * 100, refundCount: 2, refundFen: 500 });
  expect(chain.byWallet.map((r) => [r.key, r.count, r.paidFen, r.refundFen])).toEqual([['wechat', 51, 1000 + 50 * 100, 300], ['alipay', 51, 500 + 50 * 100, 200]]);
  expect(chain.byHour.map((r) => [r.key, r.count, r.refundFen])).toEqual([['10', 102, 200], ['11', 0, 300]]);
  const perCounter = await storeTakings(db.sql, s.storeId, DAY);
  expect(perCounter.byTerminal.map((r) => [r.key, r.count, r.paidFen, r.refundFen])).toEqual([['FB-1', 52, 1000 + 500 + 5000, 500], ['FB-2', 50, 5000, 0]]);
}, 60_000);

test("a store's ledger counts a refund of yesterday's payment on the day it was refunded", async () => {
  const s = await db.store('LY');
  const c = new pg.Client({ connectionString: s.url });
  await c.connect();
  const id: CounterIdentity = { storeId: s.storeId, terminalId: 'LY-1', terminalName: '1号' };
  const on = (day: string, r: OutboxRecord): OutboxRecord => ({ ...r, day });
  const created = (seq: number, sn: string, fen: number) => rec(seq, { type: 'ATTEMPT_CREATED', clientSn: sn, method: 'scan', amountFen: fen, operator: '收银员', subject: 'test', windowMs: 45_000 });
  try {
    // 11-30: paid 100.00 (wechat). 12-01: another payment, and yesterday's refunded 40.00.
    await pushBatch(c, id, [on('2026-11-30', created(1, 'y', 10_000)), on('2026-11-30', paid(2, 'y', 10_000, 'wechat'))], { head: 2, acked: 0 }, () => 10);
    await pushBatch(c, id, [created(3, 't', 2_000), paid(4, 't', 2_000, 'wechat'), refunded(5, 'y', 'y-r1', 4_000)], { head: 5, acked: 2 }, () => 10);
  } finally {
    await c.end();
  }
  const ledger = await storeLedger(db.sql, s.storeId, DAY);
  const w = ledger!.settlement.byWallet.wechat!;
  expect([w.count, w.grossFen, w.refundFen]).toEqual([1, 2_000, 4_000]);
  // The refund gives back its share of yesterday's fee: today's fee is below the 0.38 % of 20.00 (8 fen).
  expect(w.feeFen).toBeLessThan(8);
  expect(w.netFen).toBe(2_000 - 4_000 - w.feeFen);
}, 60_000);
