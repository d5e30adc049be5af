/**
 * Journal benchmark: `npx tsx bench/journal.bench.ts` (or import runJournalBench()).
 *  1. append with fsync per record: records/s, p50/p99 latency;
 *  2. replay of a generated 1,000,000-record journal in a fresh child process: time and peak RSS;
 *  3. day-totals query time after that replay;
 *  4. the same orders saved through `conf` as one JSON document per append (the naive way).
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { encodeLine, journalFileName, openJournal, type JournalRecord, type JournalRecordBody } from '../main/journal/index';
import type { Row } from './row';

export type { Row } from './row';

export interface JournalBenchOptions {
  appendCount?: number;
  replayRecords?: number;
  confOrders?: number;
}

const SELF = fileURLToPath(import.meta.url);
const ROOT = resolve(dirname(SELF), '..');
const DAY_MS = 86_400_000;
const T0 = new Date(2026, 0, 1, 9, 0, 0).getTime();

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const round = (n: number, d = 2): number => Math.round(n * 10 ** d) / 10 ** d;

function orderBody(i: number): Extract<JournalRecordBody, { type: 'ATTEMPT_CREATED' }> {
  return { type: 'ATTEMPT_CREATED', clientSn: `YM2026010100${String(i).padStart(8, '0')}`, method: i % 2 ? 'qr' : 'scan', amountFen: 100 + (i % 9973), operator: `00${i % 7}`, subject: '一码收银 商品', windowMs: 45_000, wallet: i % 3 ? 'wechat' : 'alipay', codeMasked: '1301****5678' };
}

/** The records of one order: attempt, request, QR (for qr), final. */
function orderRecords(i: number): JournalRecordBody[] {
  const a = orderBody(i);
  const out: JournalRecordBody[] = [a, { type: 'REQUEST_SENT', clientSn: a.clientSn, op: a.method === 'qr' ? 'precreate' : 'pay' }];
  if (a.method === 'qr') out.push({ type: 'QR_READY', clientSn: a.clientSn, sn: `789${i}`, qrCode: `https://qr.alipay.com/bax0${i}x5`, expiresAt: T0 + 60_000 });
  out.push({ type: 'PAYMENT_FINAL', clientSn: a.clientSn, outcome: i % 50 ? 'PAID' : 'FAILED', amountFen: a.amountFen, sn: `789${i}`, tradeNo: `4200000${i}`, wallet: a.wallet });
  return out;
}

async function benchAppend(n: number): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'yima-bench-append-'));
  try {
    const j = await openJournal({ dir, clock: Date.now, warn: () => undefined });
    const lat: number[] = [];
    const start = performance.now();
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      await j.append(orderBody(i));
      lat.push(performance.now() - t);
    }
    const total = performance.now() - start;
    await j.close();
    lat.sort((a, b) => a - b);
    return [
      { name: 'append+fsync throughput', value: round((n / total) * 1000, 0), unit: 'records/s', note: `${n} records` },
      { name: 'append+fsync latency p50', value: round(pct(lat, 50), 3), unit: 'ms' },
      { name: 'append+fsync latency p99', value: round(pct(lat, 99), 3), unit: 'ms', note: `max ${round(lat.at(-1) ?? NaN, 3)} ms` },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Write `n` records straight to day files (no fsync), 100,000 per business day. */
async function generate(dir: string, n: number): Promise<string[]> {
  const days: string[] = [];
  const perDay = 100_000;
  let seq = 0;
  let order = 0;
  let day = '';
  let parts: Buffer[] = [];
  let bytes = 0;
  const flush = async (): Promise<void> => {
    if (parts.length) await appendFile(join(dir, journalFileName(day, 1)), Buffer.concat(parts, bytes));
    parts = [];
    bytes = 0;
  };
  while (seq < n) {
    for (const body of orderRecords(order)) {
      if (seq >= n) break;
      const ts = T0 + Math.floor(seq / perDay) * DAY_MS + (seq % perDay) * 100;
      const d = new Date(ts);
      const dd = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      if (dd !== day) {
        await flush();
        day = dd;
        days.push(day);
      }
      const line = encodeLine({ ...body, seq: ++seq, ts } as JournalRecord);
      parts.push(line);
      bytes += line.length;
      if (bytes > 4 << 20) await flush();
    }
    order++;
  }
  await flush();
  return days;
}

/** Calibration: what JSON.parse alone of every line costs on this machine (no verify, no index). */
async function jsonParseFloor(dir: string): Promise<number> {
  let ms = 0;
  for (const f of (await readdir(dir)).sort()) {
    const buf = await readFile(join(dir, f));
    const t = performance.now();
    let s = 0;
    let nl: number;
    while ((nl = buf.indexOf(10, s)) !== -1) {
      JSON.parse(buf.toString('utf8', s, nl));
      s = nl + 1;
    }
    ms += performance.now() - t;
  }
  return ms;
}

interface ChildResult {
  records: number;
  orders: number;
  replayMs: number;
  baselineRssMB: number;
  maxRssMB: number;
  totalsMsMax: number;
  totalsMsFirst: number;
  totalsMsP50: number;
  paidCount: number;
  jsonFloorMs: number;
}

/** Runs in a fresh process so peak RSS is the replay's alone. */
async function replayChild(dir: string): Promise<ChildResult> {
  const baselineRssMB = process.resourceUsage().maxRSS / 1024;
  const t = performance.now();
  const j = await openJournal({ dir, clock: Date.now, warn: () => undefined });
  const replayMs = performance.now() - t;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  const allDays: string[] = [];
  for (let d = 0; d < 60; d++) {
    const x = new Date(T0 + d * DAY_MS);
    allDays.push(`${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`);
  }
  const times: number[] = [];
  let paidCount = 0;
  for (let round = 0; round < 10; round++) {
    for (const day of allDays) {
      const s = performance.now();
      const tot = j.orders.totals(day);
      times.push(performance.now() - s);
      if (round === 0) paidCount += tot.count;
    }
  }
  const totalsMsFirst = times[0] ?? NaN;
  const sorted = [...times].sort((a, b) => a - b);
  const totalsMsMax = sorted.at(-1) ?? NaN;
  const totalsMsP50 = pct(sorted, 50);
  const orders = j.orders.list().length;
  await j.close();
  const jsonFloorMs = await jsonParseFloor(dir);
  return { records: j.report.records, orders, replayMs, baselineRssMB, maxRssMB, totalsMsMax, totalsMsFirst, totalsMsP50, paidCount, jsonFloorMs };
}

async function benchReplay(n: number): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'yima-bench-replay-'));
  try {
    const g = performance.now();
    const days = await generate(dir, n);
    const genMs = performance.now() - g;
    const stdout = await new Promise<string>((res, rej) =>
      execFile(process.execPath, ['--import', 'tsx', SELF, '--replay-child', dir], { cwd: ROOT, maxBuffer: 1 << 20 }, (err, out, errOut) =>
        err ? rej(new Error(`replay child failed: ${errOut || err.message}`)) : res(out)),
    );
    const r = JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
    if (r.records !== n) throw new Error(`replayed ${r.records} of ${n} records`);
    return [
      { name: 'generate journal (no fsync)', value: round(genMs / 1000), unit: 's', note: `${n} records, ${days.length} day files` },
      { name: 'replay of 1,000,000 records', value: round(r.replayMs / 1000), unit: 's', goal: '< 2 s', ok: r.replayMs < 2000, note: `${r.records} records → ${r.orders} orders; CRC of every line, index + day totals rebuilt` },
      { name: 'replay records/s', value: round((r.records / r.replayMs) * 1000, 0), unit: 'records/s' },
      { name: 'calibration: JSON.parse of every line only', value: round(r.jsonFloorMs / 1000), unit: 's', note: `no verify, no index: this machine's floor; replay = ${round(r.replayMs / r.jsonFloorMs, 1)}× it` },
      { name: 'peak RSS of the replay process', value: round(r.maxRssMB, 0), unit: 'MB', goal: '< 300 MB', ok: r.maxRssMB < 300, note: `of which ${round(r.baselineRssMB, 0)} MB before replay (node + the tsx TypeScript loader, absent from the built app)` },
      { name: 'day totals query after replay, p50', value: round(r.totalsMsP50, 4), unit: 'ms', goal: '< 20 ms', ok: r.totalsMsP50 < 20, note: `600 queries over 60 days; ${r.paidCount} paid counted` },
      { name: 'day totals query after replay, worst', value: round(r.totalsMsMax, 4), unit: 'ms', goal: '< 20 ms', ok: r.totalsMsMax < 20, note: `first query ${round(r.totalsMsFirst, 4)} ms` },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function benchConf(n: number): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'yima-bench-conf-'));
  try {
    const conf = new Conf<{ orders: unknown[] }>({ cwd: join(dir, 'conf'), projectName: 'bench' });
    const orders: unknown[] = [];
    let s = performance.now();
    for (let i = 0; i < n; i++) {
      orders.push({ ...orderBody(i), status: 'paid', ts: Date.now() });
      conf.set('orders', orders); // rewrites the whole JSON document (atomically: temp file + fsync + rename)
    }
    const confMs = performance.now() - s;
    const j = await openJournal({ dir: join(dir, 'journal'), clock: Date.now, warn: () => undefined });
    s = performance.now();
    for (let i = 0; i < n; i++) await j.append(orderBody(i));
    const journalMs = performance.now() - s;
    await j.close();
    const confRate = (n / confMs) * 1000;
    const journalRate = (n / journalMs) * 1000;
    return [
      { name: 'conf: one JSON document per save', value: round(confRate, 0), unit: 'records/s', note: `${n} orders, ${round(confMs / 1000)} s` },
      { name: 'journal: same orders, fsync each', value: round(journalRate, 0), unit: 'records/s', note: `${n} orders, ${round(journalMs / 1000)} s` },
      { name: 'journal / conf speed ratio', value: round(journalRate / confRate, 1), unit: '×', note: 'conf rewrites every order on each save: it slows down as the day fills' },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function runJournalBench(opts: JournalBenchOptions = {}): Promise<Row[]> {
  return [
    ...(await benchAppend(opts.appendCount ?? 2000)),
    ...(await benchReplay(opts.replayRecords ?? 1_000_000)),
    ...(await benchConf(opts.confOrders ?? 2000)),
  ];
}

function printTable(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'benchmark'.padEnd(w)}  ${'value'.padStart(12)}  unit        note`);
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${String(r.value).padStart(12)}  ${r.unit.padEnd(10)}  ${r.note ?? ''}`);
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === SELF;
if (isMain) {
  const i = process.argv.indexOf('--replay-child');
  if (i >= 0) {
    console.log(JSON.stringify(await replayChild(process.argv[i + 1]!)));
  } else {
    printTable(await runJournalBench());
  }
}
