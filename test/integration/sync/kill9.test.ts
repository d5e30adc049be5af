/**
 * A counter killed (SIGKILL) in the middle of pushing its journal, then restarted: it resumes
 * from what head office acknowledged (asked of the server), and every record is there exactly
 * once — no gap, no double.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshDatabase, type TestDb } from '../../support/pg-database';
import { startCounter } from '../../support/sync-rig';

let db: TestDb;
beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db?.drop(); });

const CHILD = join(process.cwd(), 'test/integration/sync/sync-child.ts');

function runChild(args: string[], until: (out: string) => boolean): Promise<{ child: ChildProcess; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sync child: timeout\n${out}`)), 40_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (until(out)) { clearTimeout(timer); resolve({ child, out }); }
    });
    child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
    child.once('exit', (code, sig) => { if (sig !== 'SIGKILL') { clearTimeout(timer); reject(new Error(`sync child exited ${code}\n${out}`)); } });
  });
}

test('killed mid-sync and restarted: resumes from the server, every record once', async () => {
  const s = await db.store('K');
  // A day of sales already journaled (the worker is stopped: the child process pushes them).
  const c = await startCounter({ storeId: s.storeId, url: 'postgres://nobody@127.0.0.1:1/none', terminalId: 'K1' });
  await c.sell(600);
  await c.stop();
  const total = 1200;

  const first = await runChild([c.dir, s.storeId, 'K1', s.url], (out) => /acked (\d+)/.test(out) && Number(/acked (\d+)\n(?![\s\S]*acked)/.exec(out)?.[1] ?? 0) >= 200);
  first.child.kill('SIGKILL');
  await new Promise((r) => first.child.once('exit', r));
  const mid = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM journal_records WHERE store_id = $1', [s.storeId]);
  expect(mid.rows[0]!.n).toBeGreaterThan(0);
  expect(mid.rows[0]!.n).toBeLessThan(total);

  const second = await runChild([c.dir, s.storeId, 'K1', s.url], (out) => out.includes('synced'));
  second.child.kill('SIGKILL');
  // The restarted worker's first batch starts right after what the server had.
  const firstAck = Number(/acked (\d+)/.exec(second.out)?.[1]);
  expect(firstAck).toBeGreaterThan(mid.rows[0]!.n);
  expect(firstAck).toBeLessThanOrEqual(mid.rows[0]!.n + 50);
  const r = await db.sql.query<{ n: number; d: number; min: number; max: number }>('SELECT count(*)::int AS n, count(DISTINCT seq)::int AS d, min(seq) AS min, max(seq) AS max FROM journal_records WHERE store_id = $1', [s.storeId]);
  expect(r.rows[0]).toEqual({ n: total, d: total, min: 1, max: total });
  const paid = await db.sql.query<{ fen: number }>('SELECT sum(paid_fen) AS fen FROM takings_hourly WHERE store_id = $1', [s.storeId]);
  expect(paid.rows[0]!.fen).toBe(c.paidFen);
}, 90_000);
