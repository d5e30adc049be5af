/**
 * Two stores with two counters each sell at the same time while their sync workers push to a
 * real PostgreSQL as their own store roles: every record arrives exactly once, the dashboard's
 * folds (payments, hourly takings) add up to what the counters took.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDatabase, type TestDb } from '../../support/pg-database';
import { startCounter, type TestCounter } from '../../support/sync-rig';
import { pollUntil } from '../../support/poll-until';

let db: TestDb;
beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db?.drop(); });

test('two stores × two counters sync at once, each record once, takings add up', async () => {
  const a = await db.store('A');
  const b = await db.store('B');
  const counters: TestCounter[] = [];
  for (const [s, t] of [[a, 'A1'], [a, 'A2'], [b, 'B1'], [b, 'B2']] as const) counters.push(await startCounter({ storeId: s.storeId, url: s.url, terminalId: t, batchSize: 40 }));
  await Promise.all(counters.map((c, i) => c.sell(60 + i * 10)));
  await pollUntil(async () => counters.every((c) => c.worker.current.state === 'synced'), (v) => v, 20_000);

  const rows = await db.sql.query<{ store_id: string; terminal_id: string; n: number; max: number; distinct_seq: number }>(
    'SELECT store_id, terminal_id, count(*)::int AS n, max(seq) AS max, count(DISTINCT seq)::int AS distinct_seq FROM journal_records GROUP BY 1, 2 ORDER BY 2');
  expect(rows.rows.map((r) => [r.terminal_id, r.n, r.max, r.distinct_seq])).toEqual(counters.map((c) => [c.terminalId, c.sold * 2, c.sold * 2, c.sold * 2]));
  expect(rows.rows.map((r) => r.store_id)).toEqual([a.storeId, a.storeId, b.storeId, b.storeId]);

  const takings = await db.sql.query<{ store_id: string; n: number; paid: number }>('SELECT store_id, sum(pay_count)::int AS n, sum(paid_fen) AS paid FROM takings_hourly GROUP BY 1 ORDER BY 1');
  const expectStore = (cs: TestCounter[]) => ({ n: cs.reduce((s, c) => s + c.sold, 0), paid: cs.reduce((s, c) => s + c.paidFen, 0) });
  expect(takings.rows).toEqual([{ store_id: a.storeId, ...expectStore(counters.slice(0, 2)) }, { store_id: b.storeId, ...expectStore(counters.slice(2)) }]);

  const status = await db.sql.query<{ terminal_id: string; synced_seq: number; head_seq: number }>('SELECT terminal_id, synced_seq, head_seq FROM terminal_status ORDER BY 1');
  expect(status.rows).toEqual(counters.map((c) => ({ terminal_id: c.terminalId, synced_seq: c.sold * 2, head_seq: c.sold * 2 })));
  expect(counters.every((c) => c.statuses.some((s) => s.state === 'synced' && s.behind === 0))).toBe(true);
  await Promise.all(counters.map((c) => c.stop()));
}, 60_000);
