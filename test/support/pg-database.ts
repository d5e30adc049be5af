/**
 * A fresh, migrated database per test file on the test PostgreSQL server (YIMA_TEST_PG_URL), and
 * store roles with unique names (roles are cluster-wide, databases are not).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { poolSql, type Sql } from '../../main/hq/db';
import { migrate } from '../../main/hq/migrate';
import { addStore, roleForStore } from '../../main/hq/provision';

export function testPgUrl(): string {
  const url = process.env.YIMA_TEST_PG_URL;
  if (!url) throw new Error('这些测试需要 PostgreSQL 服务器 / these tests need a PostgreSQL server: apt-get install -y postgresql (vitest starts a cluster), or set YIMA_TEST_PG_URL');
  return url;
}

export interface TestDb {
  /** The owner's URL (what the dashboard uses). */
  url: string;
  sql: Sql;
  /** Provision a store; returns its own login URL. */
  store(idPrefix: string, name?: string): Promise<{ storeId: string; url: string; password: string }>;
  drop(): Promise<void>;
}

export async function freshDatabase(): Promise<TestDb> {
  const admin = testPgUrl();
  const name = `yima_t_${randomBytes(5).toString('hex')}`;
  const a = new pg.Client({ connectionString: admin });
  await a.connect();
  await a.query(`CREATE DATABASE ${name}`);
  await a.end();
  const u = new URL(admin);
  u.pathname = `/${name}`;
  const url = u.toString();
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const sql = poolSql(pool);
  await migrate(sql);
  const roles: string[] = [];
  return {
    url, sql,
    async store(idPrefix, storeName) {
      const storeId = `${idPrefix}${randomBytes(3).toString('hex')}`;
      const password = `pw-${randomBytes(9).toString('hex')}`;
      await addStore(sql, { storeId, name: storeName ?? `门店 ${storeId}`, password });
      roles.push(roleForStore(storeId));
      const su = new URL(admin);
      su.username = roleForStore(storeId);
      su.password = password;
      su.pathname = `/${name}`;
      return { storeId, url: su.toString(), password };
    },
    async drop() {
      await sql.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      for (const r of roles) await c.query(`DROP ROLE IF EXISTS "${r}"`);
      await c.end();
    },
  };
}
