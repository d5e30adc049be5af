/**
 * PostgreSQL, not our code, keeps stores apart: connected as store A's own role, A can insert
 * and read its rows only; writing a row for store B, reading B's rows, changing B's counter
 * status, deleting, or reading head office's users are refused by the server (row-level security
 * and grants). Runs on the real server and on the embedded PGlite.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPglite, type Sql } from '../../../main/hq/db';
import { migrate } from '../../../main/hq/migrate';
import { addStore, roleForStore } from '../../../main/hq/provision';
import { freshDatabase, type TestDb } from '../../support/pg-database';

const row = (store: string, seq: number) => [store, 'T1', seq, Date.now(), '2026-12-02', 10, 'OPERATOR_ACTION', JSON.stringify({ type: 'OPERATOR_ACTION', seq })];
const INSERT = 'INSERT INTO journal_records (store_id, terminal_id, seq, ts, day, hour, type, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)';

/** The same assertions for any way of being "store A". */
async function storeAIsFenced(asA: Sql, a: string, b: string): Promise<void> {
  await asA.query(INSERT, row(a, 1));
  await expect(asA.query(INSERT, row(b, 99))).rejects.toThrow(/row-level security/);
  const seen = await asA.query<{ store_id: string }>('SELECT DISTINCT store_id FROM journal_records');
  expect(seen.rows).toEqual([{ store_id: a }]);
  const stores = await asA.query<{ store_id: string }>('SELECT store_id FROM stores');
  expect(stores.rows).toEqual([{ store_id: a }]);
  const upd = await asA.query<{ store_id: string }>("UPDATE terminal_status SET head_seq = 0 WHERE store_id = $1 RETURNING store_id", [b]);
  expect(upd.rows).toEqual([]);
  await expect(asA.query('DELETE FROM journal_records')).rejects.toThrow(/permission denied/);
  await expect(asA.query('SELECT * FROM hq_users')).rejects.toThrow(/permission denied/);
  await expect(asA.query('INSERT INTO payments (store_id, terminal_id, client_sn, day, hour, ts, wallet, amount_fen) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [a, 'T1', 'x', '2026-12-02', 1, 1, 'wechat', 100])).rejects.toThrow(/permission denied/);
}

describe('real PostgreSQL: each store logs in as its own role', () => {
  let db: TestDb;
  beforeAll(async () => { db = await freshDatabase(); });
  afterAll(async () => { await db?.drop(); });

  test('store A cannot read or write store B rows', async () => {
    const a = await db.store('RA');
    const b = await db.store('RB');
    const asB = new pg.Client({ connectionString: b.url });
    await asB.connect();
    await asB.query(INSERT, row(b.storeId, 1));
    await asB.query("INSERT INTO terminal_status (store_id, terminal_id, head_seq) VALUES ($1, 'T1', 5)", [b.storeId]);
    await asB.end();
    const client = new pg.Client({ connectionString: a.url });
    await client.connect();
    const asA: Sql = { kind: 'postgres', query: async (t, p) => ({ rows: (await client.query(t, p)).rows }), exec: async (t) => { await client.query(t); }, transaction: (fn) => fn(asA), close: () => client.end() };
    try {
      await storeAIsFenced(asA, a.storeId, b.storeId);
    } finally {
      await client.end();
    }
    // B's rows are intact.
    const bRows = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_records WHERE store_id = $1', [b.storeId]);
    expect(bRows.rows[0]!.n).toBe(1);
    const bStatus = await db.sql.query<{ head_seq: number }>('SELECT head_seq FROM terminal_status WHERE store_id = $1', [b.storeId]);
    expect(bStatus.rows[0]!.head_seq).toBe(5);
    // A wrong password is refused at login.
    const bad = new URL(a.url);
    bad.password = 'not-the-password';
    await expect(new pg.Client({ connectionString: bad.toString() }).connect()).rejects.toThrow(/password authentication failed/);
  });
});

describe('embedded PGlite: the same policies', () => {
  let sql: Sql;
  beforeAll(async () => { sql = await openPglite(); await migrate(sql); }, 120_000);
  afterAll(async () => { await sql?.close(); });

  test('store A cannot read or write store B rows', async () => {
    await addStore(sql, { storeId: 'PA', name: 'A', password: 'password-pa-123' });
    await addStore(sql, { storeId: 'PB', name: 'B', password: 'password-pb-123' });
    await sql.query(INSERT, row('PB', 1));
    await sql.exec(`SET SESSION AUTHORIZATION ${roleForStore('PA')}`);
    try {
      await storeAIsFenced(sql, 'PA', 'PB');
    } finally {
      await sql.exec('SET SESSION AUTHORIZATION postgres'); // PGlite's RESET keeps the store role
    }
    const b = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM journal_records WHERE store_id = 'PB'");
    expect(b.rows[0]!.n).toBe(1);
  }, 60_000);
});
