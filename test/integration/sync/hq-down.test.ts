/**
 * Head office goes away for a while: the counter keeps selling (appends do not wait for the
 * sync), the status says unreachable since when and how many records are behind, and once head
 * office is back every record arrives exactly once.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDatabase, type TestDb } from '../../support/pg-database';
import { startCounter } from '../../support/sync-rig';
import { pollUntil } from '../../support/poll-until';
import { startProxy, viaProxy } from '../../support/tcp-proxy';

let db: TestDb;
beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db?.drop(); });

test('HQ down then back: counter keeps selling, behind count shown, every record arrives once', async () => {
  const s = await db.store('D');
  const target = new URL(s.url);
  const proxy = await startProxy(target.hostname, Number(target.port));
  const c = await startCounter({ storeId: s.storeId, url: viaProxy(s.url, proxy), terminalId: 'D1', batchSize: 25 });
  await c.sell(20);
  await pollUntil(async () => c.worker.current.state, (st) => st === 'synced');

  await proxy.down();
  const t0 = Date.now();
  await c.sell(150); // 300 records while head office is down
  const sellMs = Date.now() - t0;
  const down = await pollUntil(async () => c.worker.current, (st) => st.state === 'unreachable' && st.behind === 300, 10_000);
  expect(down.state).toBe('unreachable');
  expect(down.behind).toBe(300);
  expect(down.since).toBeGreaterThanOrEqual(t0 - 1000);
  expect(sellMs).toBeLessThan(10_000); // selling went on; latency is measured in the bench

  await proxy.up();
  const back = await pollUntil(async () => c.worker.current, (st) => st.state === 'synced', 15_000);
  expect(back).toMatchObject({ state: 'synced', behind: 0 });
  const r = await db.sql.query<{ n: number; d: number; max: number }>('SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d, max(seq) AS max FROM journal_records WHERE store_id = $1', [s.storeId]);
  expect(r.rows[0]).toEqual({ n: 340, d: 340, max: 340 });
  const paid = await db.sql.query<{ n: number; fen: number }>('SELECT count(*)::int AS n, sum(amount_fen) AS fen FROM payments WHERE store_id = $1', [s.storeId]);
  expect(paid.rows[0]).toEqual({ n: 170, fen: c.paidFen });
  await c.stop();
  await proxy.close();
}, 60_000);
