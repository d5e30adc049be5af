/**
 * Journal benchmark: `npx tsx bench/journal.bench.ts` (or import runJournalBench()).
 *  1. append with fsync per record: records/s, p50/p99 latency;
 *  2. replay of a generated 1,000,000-record journal in a fresh child process: time and peak RSS,
 *     at the first start (no index snapshot: every line parsed, the snapshot written after) and at
 *     the second start (the 9 closed day files loaded from their verified snapshot);
 *  3. day-totals query time after that replay;
 *  4. the same orders saved through `conf` as one JSON document per append (the naive way).
 */
import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { encodeLine, journalFileName, openJournal, type JournalRecord, type JournalRecordBody } from '../main/journal/index';
import { SNAPSHOT_FILE } from '../main/journal/snapshot-file';
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
  for (const f of (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort()) {
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
  /** Waiting for the background snapshot write at close(). */
  closeMs: number;
  /** Orders, statuses and amounts folded into one string: both starts must agree. */
  fingerprint: string;
  warnings: string[];
}

/** Runs in a fresh process so peak RSS is the replay's alone. */
async function replayChild(dir: string, calibrate: boolean): Promise<ChildResult> {
  const baselineRssMB = process.resourceUsage().maxRSS / 1024;
  const warnings: string[] = [];
  const t = performance.now();
  const j = await openJournal({ dir, clock: Date.now, warn: (m) => warnings.push(m) });
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
  const list = j.orders.list();
  const byStatus = new Map<string, number>();
  let fen = 0;
  for (const o of list) {
    byStatus.set(o.status, (byStatus.get(o.status) ?? 0) + 1);
    fen += o.amountFen + o.refundedFen;
  }
  const fingerprint = `${list.length} orders ${fen} fen ${[...byStatus].sort().join(' ')} paid ${paidCount} last ${list.at(-1)?.clientSn ?? ''}`;
  const c = performance.now();
  await j.close();
  const closeMs = performance.now() - c;
  const jsonFloorMs = calibrate ? await jsonParseFloor(dir) : NaN;
  return { records: j.report.records, orders: list.length, replayMs, baselineRssMB, maxRssMB, totalsMsMax, totalsMsFirst, totalsMsP50, paidCount, jsonFloorMs, closeMs, fingerprint, warnings };
}

function runChild(dir: string, calibrate: boolean): Promise<ChildResult> {
  return new Promise<string>((res, rej) =>
    execFile(process.execPath, ['--import', 'tsx', SELF, '--replay-child', dir, ...(calibrate ? ['--calibrate'] : [])], { cwd: ROOT, maxBuffer: 1 << 20 }, (err, out, errOut) =>
      err ? rej(new Error(`replay child failed: ${errOut || err.message}`)) : res(out)),
  ).then((stdout) => JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult);
}

async function benchReplay(n: number): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'yima-bench-replay-'));
  try {
    const g = performance.now();
    const days = await generate(dir, n);
    const genMs = performance.now() - g;
    const r = await runChild(dir, true); // first start: no snapshot yet; writes it (close() waits)
    const snapMB = (await stat(join(dir, SNAPSHOT_FILE)).then((s) => s.size, () => NaN)) / 1e6;
    const s = await runChild(dir, false); // second start: the closed days come from the snapshot
    for (const x of [r, s]) if (x.records !== n) throw new Error(`replayed ${x.records} of ${n} records`);
    if (s.fingerprint !== r.fingerprint) throw new Error(`second start differs from the first: ${s.fingerprint} ≠ ${r.fingerprint}`);
    if (s.warnings.length) throw new Error(`second start warned: ${s.warnings.join('; ')}`);
    const rss = (x: ChildResult) => `of which ${round(x.baselineRssMB, 0)} MB before replay (node + the tsx TypeScript loader, absent from the built app)`;
    return [
      { name: 'generate journal (no fsync)', value: round(genMs / 1000), unit: 's', note: `${n} records, ${days.length} day files` },
      { name: 'replay of 1,000,000 records, first start', value: round(r.replayMs / 1000), unit: 's', goal: '< 2 s', ok: r.replayMs < 2000, note: `no snapshot: CRC + parse of every line, ${r.records} records → ${r.orders} orders, closed days hashed and encoded` },
      { name: 'replay of 1,000,000 records, second start', value: round(s.replayMs / 1000), unit: 's', goal: '< 2 s', ok: s.replayMs < 2000, note: `9 closed days from the snapshot (their files' sha256 checked), the newest day replayed; same ${s.orders} orders` },
      { name: 'replay records/s, second start', value: round((s.records / s.replayMs) * 1000, 0), unit: 'records/s', note: `first start ${round((r.records / r.replayMs) * 1000, 0)} records/s` },
      { name: 'calibration: JSON.parse of every line only', value: round(r.jsonFloorMs / 1000), unit: 's', note: `no verify, no index: this machine's floor; first start = ${round(r.replayMs / r.jsonFloorMs, 1)}× it` },
      { name: 'index snapshot written after the first start', value: round(snapMB, 1), unit: 'MB', note: `in the background; close() waited ${round(r.closeMs, 0)} ms for it` },
      { name: 'peak RSS, first start', value: round(r.maxRssMB, 0), unit: 'MB', goal: '< 300 MB', ok: r.maxRssMB < 300, note: rss(r) },
      { name: 'peak RSS, second start', value: round(s.maxRssMB, 0), unit: 'MB', goal: '< 300 MB', ok: s.maxRssMB < 300, note: rss(s) },
      { name: 'day totals query after replay, p50', value: round(s.totalsMsP50, 4), unit: 'ms', goal: '< 20 ms', ok: s.totalsMsP50 < 20, note: `second start; 600 queries over 60 days; ${s.paidCount} paid counted` },
      { name: 'day totals query after replay, worst', value: round(Math.max(r.totalsMsMax, s.totalsMsMax), 4), unit: 'ms', goal: '< 20 ms', ok: Math.max(r.totalsMsMax, s.totalsMsMax) < 20, note: `both starts; first query ${round(s.totalsMsFirst, 4)} ms` },
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
    console.log(JSON.stringify(await replayChild(process.argv[i + 1]!, process.argv.includes('--calibrate'))));
  } else {
    printTable(await runJournalBench());
  }
}
