/**
 * The settle window (counters run with SETTLE_MS): a payment's records — appended milliseconds
 * apart — reach head office in one push after its last append, not one round trip per record
 * while the payment is still on screen. Here 1 s, so a slow fsync on a loaded machine cannot
 * split a payment.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDatabase, type TestDb } from '../../support/pg-database';
import { startCounter } from '../../support/sync-rig';
import { pollUntil } from '../../support/poll-until';

let db: TestDb;
beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db?.drop(); });

test("a payment's records go to head office in one push after its last append", async () => {
  const s = await db.store('ST');
  const c = await startCounter({ storeId: s.storeId, url: s.url, terminalId: 'ST-1', settleMs: 1_000 });
  try {
    await pollUntil(async () => c.worker.current.state, (st) => st === 'synced');
    for (let payment = 1; payment <= 3; payment++) {
      const clientSn = `ST-1-${payment}`;
      await c.journal.append({ type: 'ATTEMPT_CREATED', clientSn, method: 'scan', amountFen: 1230, operator: '收银员', subject: 'test', windowMs: 60_000 });
      await new Promise((r) => setTimeout(r, 400)); // the wallet answers; longer than the rig's 300 ms heartbeat
      await c.journal.append({ type: 'PAYMENT_FINAL', clientSn, outcome: 'PAID', amountFen: 1230, sn: `sn-${clientSn}`, wallet: 'wechat' });
      await pollUntil(async () => c.worker.current, (st) => st.state === 'synced' && st.behind === 0);
      expect(c.acks).toEqual(Array.from({ length: payment }, (_, i) => (i + 1) * 2)); // one push per payment, never a lone ATTEMPT_CREATED
    }
    const rows = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM payments WHERE store_id = $1', [s.storeId]);
    expect(rows.rows[0]!.n).toBe(3);
  } finally {
    await c.stop();
  }
}, 30_000);
