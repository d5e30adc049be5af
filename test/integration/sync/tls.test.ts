/**
 * TLS where head office offers it (issue 16 item 2): against a PostgreSQL server with TLS on
 * (its own throwaway cluster, self-signed certificate), a counter's sync connects encrypted by
 * default (sslmode=prefer) — PostgreSQL's pg_stat_ssl says so for the store role's connection —
 * and the engineer's test says TLS; verify-full refuses the unverifiable certificate and names it
 * a TLS problem. Against the plain test server, prefer falls back to an unencrypted link.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { poolSql, type Sql } from '../../../main/hq/db';
import { migrate } from '../../../main/hq/migrate';
import { addStore, roleForStore } from '../../../main/hq/provision';
import { probeHq } from '../../../main/sync/hq-probe';
import { makeConnector, parseHqUrl } from '../../../main/sync/pg-connect';
import { freshDatabase, type TestDb } from '../../support/pg-database';
import { startCounter } from '../../support/sync-rig';
import { pollUntil } from '../../support/poll-until';

const PASSWORD = 'tls-store-password';
let dir = '';
let serverUrl = '';
let sql: Sql;
const storeUrl = (mode?: string): string => {
  const u = new URL(serverUrl);
  u.username = roleForStore('TLS1');
  u.password = PASSWORD;
  u.pathname = '/yima_tls';
  if (mode) u.searchParams.set('sslmode', mode);
  return u.toString();
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'yima-tls-pg-'));
  serverUrl = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', dir], { encoding: 'utf8', env: { ...process.env, PG_SSL: '1' } }).trim();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('CREATE DATABASE yima_tls');
  await admin.end();
  const u = new URL(serverUrl);
  u.pathname = '/yima_tls';
  sql = poolSql(new pg.Pool({ connectionString: u.toString(), max: 2 }));
  await migrate(sql);
  await addStore(sql, { storeId: 'TLS1', name: 'TLS 店', password: PASSWORD });
}, 120_000);

afterAll(async () => {
  await sql?.close();
  execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]);
  rmSync(dir, { recursive: true, force: true });
});

test('a server that offers TLS: the sync is encrypted by default, verify-full refuses a self-signed certificate', async () => {
  const c = await startCounter({ storeId: 'TLS1', url: storeUrl(), terminalId: 'TLS1-1' });
  try {
    await c.sell(3);
    const st = await pollUntil(async () => c.worker.current, (s) => s.state === 'synced' && s.behind === 0);
    expect(st.tls).toBe(true);
    // PostgreSQL's own view of the store role's connection (the worker keeps it open).
    const ssl = await sql.query<{ ssl: boolean; version: string }>(
      'SELECT s.ssl, s.version FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.usename = $1', [roleForStore('TLS1')]);
    expect(ssl.rows.length).toBeGreaterThan(0);
    expect(ssl.rows.every((r) => r.ssl && /^TLSv1\.[23]$/.test(r.version))).toBe(true);
    const paid = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM payments WHERE store_id = 'TLS1'");
    expect(paid.rows[0]!.n).toBe(3);
  } finally {
    await c.stop();
  }
  expect(await probeHq(storeUrl(), null, 'TLS1', { clock: () => Date.now() })).toMatchObject({ kind: 'ok', tls: true, storeId: 'TLS1' });
  expect(await probeHq(storeUrl('require'), null, 'TLS1', { clock: () => Date.now() })).toMatchObject({ kind: 'ok', tls: true });
  expect(await probeHq(storeUrl('verify-full'), null, 'TLS1', { clock: () => Date.now() })).toMatchObject({ kind: 'tls', detail: expect.stringMatching(/self[- ]signed|certificate/i) });
}, 60_000);

let plain: TestDb;
beforeAll(async () => { plain = await freshDatabase(); });
afterAll(async () => { await plain?.drop(); });

test('a server without TLS: prefer connects unencrypted, require is refused', async () => {
  const s = await plain.store('NT');
  const parsed = parseHqUrl(s.url);
  if (!parsed.ok) throw new Error('bad url');
  const connector = makeConnector(parsed.target, () => parsed.password ?? null);
  const client = await connector.connect();
  try {
    expect(connector.tls).toBe(false);
    const r = await client.query<{ ssl: boolean }>('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()');
    expect(r.rows[0]!.ssl).toBe(false);
  } finally {
    await client.end();
  }
  const u = new URL(s.url);
  u.searchParams.set('sslmode', 'require');
  expect(await probeHq(u.toString(), null, s.storeId, { clock: () => Date.now() })).toMatchObject({ kind: 'tls' });
}, 60_000);
