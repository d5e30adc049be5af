/**
 * The PostgreSQL server the head-office benches use: YIMA_TEST_PG_URL, else a throwaway cluster
 * from scripts/pg-cluster.sh (Debian's postgresql, default settings) in a temp directory; and a
 * fresh database on it with the schema migrated and stores provisioned (each its own role).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { poolSql, type Sql } from '../main/hq/db';
import { migrate } from '../main/hq/migrate';
import { addStore, roleForStore } from '../main/hq/provision';

export const STORE_PASSWORD = 'bench-store-password';

/** `postmasterPid`: the server's main process when the cluster is ours (its CPU can be read in /proc). */
export async function pgServer(keep = false): Promise<{ url: string; stop(): void; postmasterPid?: number }> {
  if (process.env.YIMA_TEST_PG_URL) return { url: process.env.YIMA_TEST_PG_URL, stop: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'yima-bench-pg-'));
  const url = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', dir], { encoding: 'utf8' }).trim();
  if (keep) console.log(`HQ_KEEP: cluster in ${dir} (stop: bash scripts/pg-cluster.sh stop ${dir})`);
  const postmasterPid = Number(readFileSync(join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
  return { url, postmasterPid, stop: () => { if (keep) return; execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]); rmSync(dir, { recursive: true, force: true }); } };
}

export interface BenchDb {
  /** The owner's URL of the fresh database (the dashboard's connection). */
  url: string;
  sql: Sql;
  /** A store's own login (its role, RLS on), as its counters connect. */
  storeUrl(storeId: string): string;
  drop(): Promise<void>;
}

/** A fresh database with the schema and `storeIds` provisioned. `keep`: leave it for hq-queries. */
export async function benchDatabase(serverUrl: string, storeIds: string[], keep = false): Promise<BenchDb> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const dbName = `yima_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(serverUrl);
  dbUrl.pathname = `/${dbName}`;
  const pool = new pg.Pool({ connectionString: dbUrl.toString(), max: 4 });
  pool.on('error', () => undefined); // an idle client told of the DROP … WITH (FORCE) at the end
  const sql = poolSql(pool);
  await migrate(sql);
  for (const id of storeIds) await addStore(sql, { storeId: id, name: `门店${id}`, password: STORE_PASSWORD, settleAccount: `6225****${id.slice(1)}` });
  if (keep) console.log(`HQ_KEEP: database kept: HQ_DB=${dbUrl.toString()}`);
  return {
    url: dbUrl.toString(),
    sql,
    storeUrl: (id) => { const u = new URL(dbUrl.toString()); u.username = roleForStore(id); u.password = STORE_PASSWORD; return u.toString(); },
    async drop() {
      await sql.close();
      if (!keep) {
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
        for (const id of storeIds) await admin.query(`DROP ROLE IF EXISTS "${roleForStore(id)}"`).catch(() => undefined);
      }
      await admin.end();
    },
  };
}
