/**
 * Versioned migrations: plain numbered SQL files in ./migrations (001_name.sql …), each run in
 * one transaction and recorded in schema_migrations. An advisory lock makes two head-office
 * processes starting at once apply each file once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Sql } from './db';

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));
const FILE_RE = /^(\d{3})_[a-z0-9_]+\.sql$/;
const LOCK_KEY = 7_316_016; // any constant shared by every head-office process

export interface Migration { version: number; name: string; sql: string }

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => FILE_RE.test(f))
    .sort()
    .map((name) => ({ version: Number(FILE_RE.exec(name)![1]), name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Apply what is missing; returns the names applied now. */
export async function migrate(sql: Sql, migrations = loadMigrations()): Promise<string[]> {
  await sql.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await sql.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version]);
      if (seen.rows.length) return false;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
