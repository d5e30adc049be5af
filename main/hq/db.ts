/**
 * The one database interface head office code uses, over a real PostgreSQL server (node-postgres
 * pool) or the embedded one (PGlite): parameterized queries, multi-statement scripts, and a
 * transaction on one connection.
 */
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';

export interface Sql {
  /** `name`: a prepared statement on the server (planned once per connection): for big, often-run statements. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[], name?: string): Promise<{ rows: T[] }>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
  transaction<T>(fn: (tx: Sql) => Promise<T>): Promise<T>;
  readonly kind: 'postgres' | 'pglite';
  close(): Promise<void>;
}

/** Quote a string literal for statements that take no parameters (CREATE ROLE … PASSWORD). */
export function literal(s: string): string {
  if (s.includes('\0')) throw new Error('NUL in a literal');
  return `'${s.replace(/'/g, "''")}'`;
}

/** Quote an identifier (role names). */
export function ident(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

// bigint and numeric come back as JS numbers: every sum here is fen far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// date stays 'YYYY-MM-DD' (no time-zone shift through Date).
pg.types.setTypeParser(1082, (v) => v);

function clientSql(c: pg.PoolClient): Sql {
  return {
    kind: 'postgres',
    query: async (text, params, name) => ({ rows: (await c.query(name ? { name, text, values: params } : { text, values: params })).rows }),
    exec: async (text) => { await c.query(text); },
    transaction: (fn) => fn(clientSql(c)),
    close: async () => undefined,
  };
}

export function poolSql(pool: pg.Pool): Sql {
  return {
    kind: 'postgres',
    query: async (text, params, name) => ({ rows: (await pool.query(name ? { name, text, values: params } : { text, values: params })).rows }),
    exec: async (text) => { await pool.query(text); },
    async transaction(fn) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const out = await fn(clientSql(c));
        await c.query('COMMIT');
        return out;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

type PgliteTx = Parameters<Parameters<PGlite['transaction']>[0]>[0];

function pgliteTxSql(tx: PgliteTx): Sql {
  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await tx.query<T>(text, params)).rows }),
    exec: async (text) => { await tx.exec(text); },
    transaction: (fn) => fn(pgliteTxSql(tx)),
    close: async () => undefined,
  };
}

export function pgliteSql(db: PGlite): Sql {
  return {
    kind: 'pglite',
    query: async <T>(text: string, params?: unknown[]) => ({ rows: (await db.query<T>(text, params)).rows }),
    exec: async (text) => { await db.exec(text); },
    transaction: (fn) => db.transaction((tx) => fn(pgliteTxSql(tx))),
    close: () => db.close(),
  };
}

/** The embedded PostgreSQL in a data directory, with the same value types as pg gives. */
export async function openPglite(dataDir?: string): Promise<Sql> {
  const db = await PGlite.create(dataDir, { parsers: { 20: (v: string) => Number(v), 1700: (v: string) => Number(v), 1082: (v: string) => v } });
  return pgliteSql(db);
}
