/**
 * Head-office sync at chain scale (issue 16 point 5), against a real PostgreSQL server:
 *  1. a simulated day — HQ_STORES × HQ_COUNTERS × HQ_PAYMENTS (default 1,000 × 5 × 300 = 1.5 M
 *     payments, ≈5.3 M journal records, 1 % of payments refunded) — each counter's journal file
 *     read by the real JournalTail and pushed with the real pushBatch as its store's own role
 *     (RLS on, the trigger folding payments): records per second;
 *  2. end-to-end lag (append → acknowledged by PostgreSQL) of live counters (fsync'ed journal,
 *     the real SyncWorker): while the day is being pushed at full rate, and alone at a lunch peak;
 *  3. the dashboard's queries for the chain and for one store on the full day, each EXPLAIN
 *     ANALYZEd (bench/hq-queries.ts; goal < 200 ms each);
 *  4. PostgreSQL's size per million payments, and rows.
 * Scale: `npm run bench -- hq-sync --scale 0.05` (= 50 stores); HQ_KEEP=1 keeps the cluster and
 * database for `npm run bench -- hq-queries`. Payment latency with sync on/off: hq-pay.bench.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemTimers } from '../main/shared/time';
import { encodeLine, nodeJournalFs, openJournal } from '../main/journal';
import type { JournalRecord } from '../main/journal/records';
import { pushBatch, type CounterIdentity } from '../main/sync/hq-push';
import { JournalTail } from '../main/sync/journal-tail';
import { makeConnector, parseHqUrl } from '../main/sync/pg-connect';
import { SETTLE_MS } from '../main/sync/setup-sync';
import { SyncWorker } from '../main/sync/sync-worker';
import { chainReconcileFigure, dashboardFigures } from './hq-queries';
import { benchDatabase, pgServer, STORE_PASSWORD } from './pg-server';
import { percentile, round2, type Row } from './row';

const env = (k: string, d: number): number => (process.env[k] ? Number(process.env[k]) : d);
const DAY = '2026-12-01';
const T0 = new Date(2026, 11, 1, 8, 0, 0).getTime();
const WALLETS = ['wechat', 'alipay', 'unionpay'] as const;

/**
 * One counter's day as journal lines: per payment ATTEMPT_CREATED, REQUEST_SENT, (QR_READY for
 * half), PAYMENT_FINAL; one payment in 100 half refunded ten minutes later.
 */
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
    if (i % 100 === 50) {
      const refundRequestNo = `${clientSn}-r1`;
      const half = Math.floor(amountFen / 2);
      add({ type: 'REFUND_REQUESTED', clientSn, refundRequestNo, amountFen: half, operator: '店长' }, ts + 600_000);
      add({ type: 'REFUND_FINAL', clientSn, refundRequestNo, amountFen: half, outcome: 'REFUNDED' }, ts + 601_000);
    }
  }
  return Buffer.concat(lines);
}

/** `--scale 0.05` (or HQ_SCALE): that fraction of the chain's stores. */
function scale(): number {
  const i = process.argv.indexOf('--scale');
  const v = i >= 0 ? process.argv[i + 1] : process.env.HQ_SCALE;
  return v ? Number(v) : 1;
}

export async function runHqSyncBench(): Promise<Row[]> {
  const STORES = env('HQ_STORES', Math.max(1, Math.round(1000 * scale())));
  const COUNTERS = env('HQ_COUNTERS', 5);
  const PAYMENTS = env('HQ_PAYMENTS', 300);
  const CONNS = env('HQ_CONNECTIONS', 16);
  const BATCH = env('HQ_BATCH', 500);
  const keep = process.env.HQ_KEEP === '1';
  const log = (m: string) => console.log(`[hq-sync ${new Date().toISOString().slice(11, 19)}] ${m}`);
  const pgs = await pgServer(keep);
  const storeIds = Array.from({ length: STORES }, (_, i) => `S${String(i + 1).padStart(4, '0')}`);
  const db = await benchDatabase(pgs.url, storeIds, keep);
  log(`${STORES} stores provisioned (roles, RLS)`);
  const work = mkdtempSync(join(tmpdir(), 'yima-bench-hq-'));
  const rows: Row[] = [];
  try {
    // 1. The simulated day through the sync path, CONNS counters at a time.
    const jobs: { storeId: string; terminal: string }[] = [];
    for (const storeId of storeIds) for (let c = 1; c <= COUNTERS; c++) jobs.push({ storeId, terminal: `${storeId}-T${c}` });
    let next = 0;
    let records = 0;
    let bytes = 0;
    const t0 = performance.now();
    let live: Promise<Row[]> | null = null;
    const pushers = Promise.all(Array.from({ length: Math.min(CONNS, jobs.length) }, async () => {
      for (;;) {
        const job = jobs[next++];
        if (!job) return;
        if (next % 500 === 0) log(`${next} / ${jobs.length} counters, ${records} records, ${Math.round(records / ((performance.now() - t0) / 1000))} records/s`);
        // A third of the way in, live counters start selling: their lag while the day pours in.
        if (!live && next >= jobs.length / 3) live = liveLag('during the push', storeIds.slice(0, Math.min(STORES, 20)), db.storeUrl, work, env('HQ_LIVE_COUNTERS', 20), env('HQ_LIVE_SECONDS', 20));
        const dir = join(work, job.terminal);
        mkdirSync(dir, { recursive: true });
        const file = counterDay(job.terminal, PAYMENTS);
        bytes += file.length;
        writeFileSync(join(dir, `journal-${DAY}.jsonl`), file);
        const parsed = parseHqUrl(db.storeUrl(job.storeId));
        if (!parsed.ok) throw new Error(parsed.message.code);
        const c = await makeConnector(parsed.target, () => STORE_PASSWORD, 60_000).connect();
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
    await pushers;
    const secs = (performance.now() - t0) / 1000;
    const during = await (live ?? Promise.resolve([]));
    const payments = STORES * COUNTERS * PAYMENTS;
    const rate = Math.round(records / secs);
    log(`pushed ${records} records in ${secs.toFixed(0)} s`);
    rows.push({ name: `simulated day pushed: ${STORES} stores × ${COUNTERS} counters × ${PAYMENTS} payments`, value: records, unit: 'records', note: `${payments.toLocaleString('en')} payments, ${(bytes / 1e9).toFixed(2)} GB of journal, ${CONNS} connections, batches of ${BATCH}` });
    rows.push({ name: 'sync throughput into PostgreSQL (RLS, trigger folds)', value: rate, unit: 'records/s', note: `${secs.toFixed(0)} s for the day: ${round2((14 * 3600) / secs)}× the pace of a 14 h trading day (${Math.round(records / (14 * 3600))} records/s on average at this scale)` });
    // Both rollups: per counter (a store's page) and per store (the chain's page).
    const check = await db.sql.query<{ n: number; r: number; sn: number; sr: number }>(
      `SELECT (SELECT sum(pay_count)::int FROM takings_hourly WHERE day = $1) AS n, (SELECT sum(refund_count)::int FROM takings_hourly WHERE day = $1) AS r,
              (SELECT sum(pay_count)::int FROM takings_store_hourly WHERE day = $1) AS sn, (SELECT sum(refund_count)::int FROM takings_store_hourly WHERE day = $1) AS sr`, [DAY]);
    const k = check.rows[0]!;
    const refunds = STORES * COUNTERS * Math.floor((PAYMENTS + 49) / 100);
    rows.push({ name: 'payments (refunds) folded at HQ = made at the counters', value: k.n, unit: 'payments', goal: `${payments} (${refunds})`, ok: k.n === payments && k.r === refunds && k.sn === payments && k.sr === refunds, note: `${k.r} refunds; per-store rollup ${k.sn} (${k.sr})` });
    rows.push(...during);

    // 3. Dashboard queries on the full day.
    log('VACUUM ANALYZE, then the dashboard queries');
    await db.sql.exec('VACUUM ANALYZE');
    rows.push(...await dashboardFigures(db.sql, DAY, storeIds[Math.floor(STORES / 2)]!, `${STORES} stores`));
    rows.push(await chainReconcileFigure(db.sql, DAY, storeIds, 20));

    // 4. Size.
    const size = await db.sql.query<{ db: number; jr: number; jn: number; ix: number }>(
      `SELECT pg_database_size(current_database()) AS db, pg_total_relation_size('journal_records') AS jr,
              (SELECT count(*) FROM journal_records)::bigint AS jn, pg_indexes_size('journal_records') AS ix`);
    const z = size.rows[0]!;
    rows.push({ name: 'PostgreSQL size per million payments', value: round2((z.db / payments) * 1e6 / 1e9), unit: 'GB', note: `database ${(z.db / 1e9).toFixed(2)} GB for the day; journal_records ${z.jn.toLocaleString('en')} rows, ${(z.jr / 1e9).toFixed(2)} GB (indexes ${(z.ix / 1e9).toFixed(2)} GB), ${Math.round(z.jr / z.jn)} bytes a row` });

    // 2b. Live counters alone at a lunch peak.
    log('live counters alone');
    rows.push(...await liveLag('alone', storeIds.slice(0, Math.min(STORES, 20)), db.storeUrl, work, env('HQ_LIVE_COUNTERS', 20), env('HQ_LIVE_SECONDS', 20)));
  } finally {
    await db.drop();
    rmSync(work, { recursive: true, force: true });
    pgs.stop();
  }
  return rows;
}

/**
 * Live counters selling at a steady pace (one payment = 3 fsync'ed appends) with the real
 * SyncWorker as a counter runs it (settle window included): lag from append to acknowledged.
 */
async function liveLag(label: string, storeIds: string[], storeUrl: (id: string) => string, work: string, counters: number, seconds: number): Promise<Row[]> {
  const lags: number[] = [];
  const stops: (() => Promise<void>)[] = [];
  const journals = await Promise.all(Array.from({ length: counters }, async (_, i) => {
    const storeId = storeIds[i % storeIds.length]!;
    const dir = join(work, `live-${label.replace(/\W+/g, '-')}-${i}`);
    const journal = await openJournal({ dir, clock: () => Date.now(), warn: () => undefined });
    const appendedAt = new Map<number, number>();
    const parsed = parseHqUrl(storeUrl(storeId));
    if (!parsed.ok) throw new Error(parsed.message.code);
    const w = new SyncWorker({
      id: { storeId, terminalId: `live-${label.replace(/\W+/g, '-')}-${i}`, terminalName: `live-${i}` }, tail: new JournalTail(nodeJournalFs, dir, () => undefined),
      connector: makeConnector(parsed.target, () => parsed.password ?? null, 60_000), clock: () => Date.now(), timers: systemTimers, log: () => undefined, onStatus: () => undefined,
      heartbeatMs: 60_000, settleMs: SETTLE_MS,
      onAck: (seq) => { const now = performance.now(); for (const [s, at] of appendedAt) if (s <= seq) { lags.push(now - at); appendedAt.delete(s); } },
    });
    journal.onRecord((r) => { appendedAt.set(r.seq, performance.now()); w.notify(r.seq); });
    await w.start();
    stops.push(() => w.stop(), () => journal.close());
    return journal;
  }));
  const end = Date.now() + seconds * 1000;
  let n = 0;
  await Promise.all(journals.map(async (journal, i) => {
    while (Date.now() < end) {
      const clientSn = `L${i}-${n++}`;
      await journal.append({ type: 'ATTEMPT_CREATED', clientSn, method: 'scan', amountFen: 1234, operator: 'x', subject: 'live', windowMs: 45_000 });
      await journal.append({ type: 'REQUEST_SENT', clientSn, op: 'pay' });
      await journal.append({ type: 'PAYMENT_FINAL', clientSn, outcome: 'PAID', amountFen: 1234, wallet: 'wechat' });
      await new Promise((r) => setTimeout(r, 1_000)); // a busy counter at lunch: a payment every second or so
    }
  }));
  await new Promise((r) => setTimeout(r, 3_000)); // let the last batch land
  for (const s of stops) await s();
  lags.sort((a, b) => a - b);
  const rate = Math.round((n * 3) / seconds);
  return [
    { name: `end-to-end lag append → acked, ${label}: ${counters} live counters, ${rate} records/s: p50`, value: round2(percentile(lags, 0.5)), unit: 'ms', note: `${lags.length} records; includes the ${SETTLE_MS} ms settle window` },
    { name: `end-to-end lag, ${label}: p99`, value: round2(percentile(lags, 0.99)), unit: 'ms' },
  ];
}
