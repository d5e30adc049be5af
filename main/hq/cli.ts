/**
 * `npm run hq -- [--database postgres://owner@host/db] [--port N] [--host H] [--data-dir D]
 *                [--admin-password P] [--demo] [--add-store ID --password P [--name N] [--settle-account A]]`
 * Migrates the database, then either provisions a store role (--add-store) and exits, or serves
 * the dashboard. Without --database it runs on the embedded PostgreSQL (PGlite) in --data-dir.
 */
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureAdmin } from './auth';
import { openPglite, poolSql, type Sql } from './db';
import { migrate } from './migrate';
import { addStore } from './provision';
import { loadDemoDay } from './demo-day';
import { startHqServer } from './server';

interface Args { database?: string; port: number; host: string; dataDir: string; adminPassword?: string; addStore?: string; password?: string; name?: string; settleAccount?: string; feeBp?: number; settleDays?: number; demo?: boolean }

export function parseHqArgs(argv: readonly string[], env = process.env): { ok: true; args: Args } | { ok: false; message: string } {
  const args: Args = { port: 8600, host: '127.0.0.1', dataDir: resolve(env.YIMA_HQ_DATA_DIR ?? join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'yima-hq')) };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} 需要一个值`);
      return v;
    };
    try {
      switch (flag) {
        case '--database': args.database = value(); if (!/^postgres(ql)?:\/\//.test(args.database)) return { ok: false, message: '--database 需要 postgres:// 地址' }; break;
        case '--port': args.port = Number(value()); if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) return { ok: false, message: '--port 必须是 0–65535 的整数' }; break;
        case '--host': args.host = value(); break;
        case '--data-dir': args.dataDir = resolve(value()); break;
        case '--admin-password': args.adminPassword = value(); break;
        case '--add-store': args.addStore = value(); break;
        case '--password': args.password = value(); break;
        case '--name': args.name = value(); break;
        case '--settle-account': args.settleAccount = value(); break;
        case '--fee-bp': args.feeBp = Number(value()); break;
        case '--settle-days': args.settleDays = Number(value()); break;
        case '--demo': args.demo = true; break;
        default: return { ok: false, message: `未知参数：${flag}` };
      }
    } catch (err) {
      return { ok: false, message: (err as Error).message };
    }
  }
  if (args.addStore && !args.password) return { ok: false, message: '--add-store 需要 --password（门店角色的密码）' };
  return { ok: true, args };
}

export async function openDatabase(args: Pick<Args, 'database' | 'dataDir'>): Promise<{ sql: Sql; where: string }> {
  if (args.database) {
    const pool = new pg.Pool({ connectionString: args.database, max: 8 });
    return { sql: poolSql(pool), where: args.database.replace(/:[^:@/]*@/, ':***@') };
  }
  mkdirSync(args.dataDir, { recursive: true });
  return { sql: await openPglite(join(args.dataDir, 'pgdata')), where: `embedded PostgreSQL (PGlite) in ${join(args.dataDir, 'pgdata')}` };
}

async function main(): Promise<void> {
  const parsed = parseHqArgs(process.argv.slice(2));
  if (!parsed.ok) { console.error(`yima hq: ${parsed.message}`); process.exit(2); }
  const { args } = parsed;
  const { sql, where } = await openDatabase(args);
  const applied = await migrate(sql);
  if (applied.length) console.log(`  migrations applied: ${applied.join(', ')}`);
  if (args.addStore) {
    const fee = args.feeBp !== undefined || args.settleDays !== undefined ? { defaultFeeBp: args.feeBp ?? 38, settleDays: args.settleDays ?? 1 } : undefined;
    const r = await addStore(sql, { storeId: args.addStore, name: args.name ?? args.addStore, password: args.password!, settleAccount: args.settleAccount, ...(fee ? { feeConfig: fee } : {}) });
    console.log(`store ${args.addStore}: role ${r.role} ${r.created ? 'created' : 'updated'}; counters connect with --hq postgres://${r.role}:<password>@<host>:<port>/<db> --store ${args.addStore}`);
    await sql.close();
    return;
  }
  const created = await ensureAdmin(sql, args.adminPassword);
  if (args.demo) {
    const d = new Date();
    await loadDemoDay(sql, `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`);
    console.log('  demo: a simulated day of 3 stores loaded');
  }
  const staticDir = fileURLToPath(new URL('../../out/hq', import.meta.url));
  const hq = await startHqServer({ sql, staticDir, port: args.port, host: args.host });
  console.log(`Yima head office is running at ${hq.url}`);
  console.log(`  database: ${where}`);
  if (created) console.log(`  first login: admin / ${created}  (change it with --admin-password)`);
  const stop = () => { void hq.close().then(() => sql.close()).finally(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((err: unknown) => { console.error(`yima hq: ${err instanceof Error ? err.message : String(err)}`); process.exit(1); });
}
