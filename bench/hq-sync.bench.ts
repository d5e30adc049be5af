/**
 * Head-office sync at chain scale (issue 16), against a real PostgreSQL server:
 *  1. a simulated day — HQ_STORES × HQ_COUNTERS × HQ_PAYMENTS (default 1,000 × 5 × 300 = 1.5 M
 *     payments, ≈5 M journal records) — each counter's journal file read by the real JournalTail
 *     and pushed with the real pushBatch as its store's own role (RLS on): records per second;
 *  2. live counters appending (fsync'ed journal) while their workers push: end-to-end lag
 *     (append → acknowledged by PostgreSQL) p50/p99, and payment latency with sync on vs off;
 *  3. the dashboard's queries for the chain and for one store (goal < 200 ms each);
 *  4. PostgreSQL's size per million payments.
 * Quick check: `HQ_STORES=20 npm run bench -- hq-sync`. Server: YIMA_TEST_PG_URL, else a
 * throwaway cluster from scripts/pg-cluster.sh (Debian's postgresql, default settings).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { systemTimers } from '../main/checkout/time';
import { encodeLine, nodeJournalFs, openJournal } from '../main/journal';
import type { JournalRecord } from '../main/journal/records';
import { poolSql, type Sql } from '../main/hq/db';
import { storeLedger } from '../main/hq/ledger';
import { migrate } from '../main/hq/migrate';
import { addStore, roleForStore } from '../main/hq/provision';
import { chainTakings, counterHealth, storeTakings } from '../main/hq/queries';
import { pushBatch, type CounterIdentity } from '../main/sync/hq-push';
import { JournalTail } from '../main/sync/journal-tail';
import { makeConnector, parseHqUrl } from '../main/sync/pg-connect';
import { SyncWorker } from '../main/sync/sync-worker';
import { percentile, round2, type Row } from './row';

const env = (k: string, d: number): number => (process.env[k] ? Number(process.env[k]) : d);
const DAY = '2026-12-01';
const T0 = new Date(2026, 11, 1, 8, 0, 0).getTime();
const WALLETS = ['wechat', 'alipay', 'unionpay'] as const;

/** One counter's day as journal lines: per payment ATTEMPT_CREATED, REQUEST_SENT, (QR_READY), PAYMENT_FINAL. */
function counterDay(terminal: string, payments: number): Buffer {
  const lines: Buffer[] = [];
  let seq = 0;
  const add = (body: Record<string, unknown>, ts: number) => lines.push(encodeLine({ ...body, seq: ++seq, ts } as JournalRecord));
  for (let i = 0; i < payments; i++) {
    const ts = T0 + Math.floor((i * 14 * 3_600_000) / payments);
    const clientSn = `${terminal}-${i}`;
    const amountFen = 100 + ((i * 7919) % 19_900);
    const qr = i % 2 === 0;
    add({ type: 'ATTEMPT_CREATED', clientSn, method: qr ? 'qr' : 'scan', amountFen, operator: `收银员${i % 3}`, subject: '一码小店', windowMs: 45_000 }, ts);
    add({ type: 'REQUEST_SENT', clientSn, op: qr ? 'precreate' : 'pay' }, ts + 5);
    if (qr) add({ type: 'QR_READY', clientSn, sn: `789${terminal}${i}`, qrCode: `https://qr.example/${clientSn}`, expiresAt: ts + 240_000 }, ts + 300);
    add({ type: 'PAYMENT_FINAL', clientSn, outcome: 'PAID', amountFen, sn: `789${terminal}${i}`, wallet: WALLETS[i % 3] }, ts + 4_000);
  }
  return Buffer.concat(lines);
}

async function server(): Promise<{ url: string; stop(): void }> {
  if (process.env.YIMA_TEST_PG_URL) return { url: process.env.YIMA_TEST_PG_URL, stop: () => undefined };
  const dir = mkdtempSync(join(tmpdir(), 'yima-bench-pg-'));
  const url = execFileSync('bash', ['scripts/pg-cluster.sh', 'start', dir], { encoding: 'utf8' }).trim();
  return { url, stop: () => { execFileSync('bash', ['scripts/pg-cluster.sh', 'stop', dir]); rmSync(dir, { recursive: true, force: true }); } };
}

async function timeQuery(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  return round2(ts.sort((a, b) => a - b)[2]!);
}

export async function runHqSyncBench(): Promise<Row[]> {
  const STORES = env('HQ_STORES', 1000);
  const COUNTERS = env('HQ_COUNTERS', 5);
  const PAYMENTS = env('HQ_PAYMENTS', 300);
  const CONNS = env('HQ_CONNECTIONS', 16);
  const BATCH = env('HQ_BATCH', 500);
  const pgs = await server();
  const admin = new pg.Client({ connectionString: pgs.url });
  await admin.connect();
  const dbName = `yima_bench_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${dbName}`);
  const dbUrl = new URL(pgs.url);
  dbUrl.pathname = `/${dbName}`;
  const sql: Sql = poolSql(new pg.Pool({ connectionString: dbUrl.toString(), max: 4 }));
  const work = mkdtempSync(join(tmpdir(), 'yima-bench-hq-'));
  const rows: Row[] = [];
  try {
    await migrate(sql);
    const password = 'bench-store-password';
    const storeIds = Array.from({ length: STORES }, (_, i) => `S${String(i + 1).padStart(4, '0')}`);
    for (const id of storeIds) await addStore(sql, { storeId: id, name: `门店${id}`, password, settleAccount: `6225****${id.slice(1)}` });
    const storeUrl = (id: string) => { const u = new URL(dbUrl.toString()); u.username = roleForStore(id); u.password = password; return u.toString(); };

    // 1. The simulated day through the sync path, CONNS counters at a time.
    const jobs: { storeId: string; terminal: string }[] = [];
    for (const storeId of storeIds) for (let c = 1; c <= COUNTERS; c++) jobs.push({ storeId, terminal: `${storeId}-T${c}` });
    let next = 0;
    let records = 0;
    let bytes = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: Math.min(CONNS, jobs.length) }, async () => {
      for (;;) {
        const job = jobs[next++];
        if (!job) return;
        const dir = join(work, job.terminal);
        mkdirSync(dir, { recursive: true });
        const file = counterDay(job.terminal, PAYMENTS);
        bytes += file.length;
        writeFileSync(join(dir, `journal-${DAY}.jsonl`), file);
        const parsed = parseHqUrl(storeUrl(job.storeId));
        if (!parsed.ok) throw new Error(parsed.message);
        const c = await makeConnector(parsed.target, () => password, 60_000).connect();
        const id: CounterIdentity = { storeId: job.storeId, terminalId: job.terminal, terminalName: job.terminal };
        const tail = new JournalTail(nodeJournalFs, dir, () => undefined);
        let acked = 0;
        for (;;) {
          const recs = await tail.read(acked, BATCH);
          if (!recs.length) break;
          await pushBatch(c, id, recs, { head: acked + recs.length, acked }, (ts) => new Date(ts).getHours());
          acked = recs[recs.length - 1]!.seq;
          records += recs.length;
        }
        await c.end();
        rmSync(dir, { recursive: true, force: true });
      }
    }));
    const secs = (performance.now() - t0) / 1000;
    const payments = STORES * COUNTERS * PAYMENTS;
    rows.push({ name: `simulated day pushed: ${STORES} stores × ${COUNTERS} counters × ${PAYMENTS} payments`, value: records, unit: 'records', note: `${payments.toLocaleString('en')} payments, ${(bytes / 1e9).toFixed(2)} GB of journal, ${CONNS} connections, batches of ${BATCH}` });
    rows.push({ name: 'sync throughput into PostgreSQL (RLS, trigger folds)', value: Math.round(records / secs), unit: 'records/s', note: `${secs.toFixed(0)} s for the day` });
    const check = await sql.query<{ n: number }>('SELECT sum(pay_count)::int AS n FROM takings_hourly WHERE day = $1', [DAY]);
    rows.push({ name: 'payments folded at HQ = payments made', value: check.rows[0]?.n ?? 0, unit: 'payments', goal: String(payments), ok: check.rows[0]?.n === payments });

    // 3. Dashboard queries on the full day.
    await sql.exec('VACUUM ANALYZE');
    const one = storeIds[Math.floor(STORES / 2)]!;
    for (const [name, fn] of [
      ['dashboard: chain takings (store, wallet, hour)', () => chainTakings(sql, DAY)],
      ['dashboard: counters behind / silent', () => counterHealth(sql)],
      ['dashboard: one store by counter, wallet, hour', () => storeTakings(sql, one, DAY)],
      ['dashboard: one store ledger (fold + settlement)', () => storeLedger(sql, one, DAY)],
    ] as const) {
      const ms = await timeQuery(fn);
      rows.push({ name, value: ms, unit: 'ms', goal: '< 200', ok: ms < 200 });
    }

    // 4. Size.
    const size = await sql.query<{ db: number; jr: number }>(`SELECT pg_database_size(current_database()) AS db, pg_total_relation_size('journal_records') AS jr`);
    const perM = (size.rows[0]!.db / payments) * 1e6;
    rows.push({ name: 'PostgreSQL size per million payments', value: round2(perM / 1e9), unit: 'GB', note: `database ${(size.rows[0]!.db / 1e9).toFixed(2)} GB, journal_records ${(size.rows[0]!.jr / 1e9).toFixed(2)} GB` });

    // 2. Live counters: append (fsync) while syncing; lag append → ack; payment latency on vs off.
    rows.push(...await liveLag(storeIds.slice(0, Math.min(STORES, 20)), storeUrl, work, env('HQ_LIVE_COUNTERS', 40), env('HQ_LIVE_SECONDS', 15)));
  } finally {
    await sql.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    for (let i = 1; i <= STORES; i++) await admin.query(`DROP ROLE IF EXISTS "${roleForStore(`S${String(i).padStart(4, '0')}`)}"`).catch(() => undefined);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
    pgs.stop();
  }
  return rows;
}

/** Live counters selling at a steady pace (one payment = 3 fsync'ed appends) with the real SyncWorker on, then off. */
async function liveLag(storeIds: string[], storeUrl: (id: string) => string, work: string, counters: number, seconds: number): Promise<Row[]> {
  const run = async (sync: boolean) => {
    const lags: number[] = [];
    const pay: number[] = [];
    const stops: (() => Promise<void>)[] = [];
    const live = await Promise.all(Array.from({ length: counters }, async (_, i) => {
      const storeId = storeIds[i % storeIds.length]!;
      const dir = join(work, `live-${sync ? 'on' : 'off'}-${i}`);
      const journal = await openJournal({ dir, clock: () => Date.now(), warn: () => undefined });
      const appendedAt = new Map<number, number>();
      if (sync) {
        const parsed = parseHqUrl(storeUrl(storeId));
        if (!parsed.ok) throw new Error(parsed.message);
        const w = new SyncWorker({
          id: { storeId, terminalId: `live-${i}`, terminalName: `live-${i}` }, tail: new JournalTail(nodeJournalFs, dir, () => undefined),
          connector: makeConnector(parsed.target, () => parsed.password ?? null, 60_000), clock: () => Date.now(), timers: systemTimers, log: () => undefined, onStatus: () => undefined,
          heartbeatMs: 60_000,
          onAck: (seq) => { const now = performance.now(); for (const [s, at] of appendedAt) if (s <= seq) { lags.push(now - at); appendedAt.delete(s); } },
        });
        journal.onRecord((r) => { appendedAt.set(r.seq, performance.now()); w.notify(r.seq); });
        await w.start();
        stops.push(() => w.stop());
      }
      stops.push(() => journal.close());
      return journal;
    }));
    const end = Date.now() + seconds * 1000;
    let n = 0;
    await Promise.all(live.map(async (journal, i) => {
      while (Date.now() < end) {
        const clientSn = `L${i}-${n++}`;
        const t = performance.now();
        await journal.append({ type: 'ATTEMPT_CREATED', clientSn, method: 'scan', amountFen: 1234, operator: 'x', subject: 'live', windowMs: 45_000 });
        await journal.append({ type: 'REQUEST_SENT', clientSn, op: 'pay' });
        await journal.append({ type: 'PAYMENT_FINAL', clientSn, outcome: 'PAID', amountFen: 1234, wallet: 'wechat' });
        pay.push(performance.now() - t);
        await new Promise((r) => setTimeout(r, 200)); // a busy counter: ~4 payments a second
      }
    }));
    await new Promise((r) => setTimeout(r, 2_000)); // let the last batch land
    for (const s of stops) await s();
    return { lags: lags.sort((a, b) => a - b), pay: pay.sort((a, b) => a - b), rate: (n * 3) / seconds };
  };
  const on = await run(true);
  const off = await run(false);
  return [
    { name: `end-to-end lag, ${counters} live counters at ${Math.round(on.rate)} records/s: p50`, value: round2(percentile(on.lags, 0.5)), unit: 'ms', note: `${on.lags.length} records` },
    { name: 'end-to-end lag p99', value: round2(percentile(on.lags, 0.99)), unit: 'ms' },
    { name: 'payment journal latency (3 fsync appends), sync ON: p50 / p99', value: round2(percentile(on.pay, 0.5)), unit: 'ms', note: `p99 ${round2(percentile(on.pay, 0.99))} ms` },
    { name: 'payment journal latency, sync OFF: p50 / p99', value: round2(percentile(off.pay, 0.5)), unit: 'ms', note: `p99 ${round2(percentile(off.pay, 0.99))} ms` },
  ];
}
