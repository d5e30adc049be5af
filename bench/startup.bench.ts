/**
 * `npm run bench -- startup`: the harness's cold start (spawn → "Yima is running" line, first start
 * of a fresh data directory) as the median of ≥ 5 starts, and what the start loads. A counter on
 * 收钱吧 without head-office sync should not load pg (sync only), sm-crypto (招商银行 only) or
 * serialport (a serial scanner or printer only): they are imported where they are first needed.
 * `YIMA_BENCH_BASELINE=/path/to/out/main/harness.js` (an older build, next to a node_modules)
 * is started alternately with this build, so both see the same machine load, and the ratio is
 * measured; without it the ratio is to the 797 ms recorded before the change (issue 17).
 * Also the serial scan → pay request p99 over a pty (checkout.bench.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { scanToRequest } from './checkout.bench';
import { percentile, round2, type Row } from './row';
import { staticPackages } from '../test/support/bundle-imports';

/** The cold start the profile measured, before pg and sm-crypto were loaded lazily. */
const RECORDED_BEFORE_MS = 797;
const DEFERRED = ['pg', 'sm-crypto', 'serialport'];
const HARNESS = 'out/main/harness.js';

/** One cold start of `harness` on a fresh data directory, in ms. */
export async function coldStartOnce(harness: string, dataDir: string): Promise<number> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [harness, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('Yima is running at')) resolve(); });
      child.once('exit', () => reject(new Error(`harness exited: ${out}`)));
    });
    return performance.now() - t0;
  } finally {
    child.kill('SIGKILL');
  }
}

/** Median cold start of this build (and of a baseline build, alternately), over `n` starts each. */
export async function coldStarts(root: string, n: number, baseline?: string): Promise<{ now: number[]; before: number[] }> {
  const now: number[] = [];
  const before: number[] = [];
  for (let i = 0; i < n; i++) {
    now.push(await coldStartOnce(HARNESS, join(root, `cold-${i}`)));
    if (baseline) before.push(await coldStartOnce(baseline, join(root, `cold-before-${i}`)));
  }
  return { now: now.sort((a, b) => a - b), before: before.sort((a, b) => a - b) };
}

/** What importing `pkg` costs a fresh node (median of 3): the time a lazy import saves at start. */
async function importCostMs(pkg: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const code = `const t=performance.now();import(${JSON.stringify(pkg)}).then(()=>process.stdout.write(String(performance.now()-t)))`;
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    await new Promise((r) => child.once('exit', r));
    times.push(Number(out));
  }
  return percentile(times.sort((a, b) => a - b), 0.5);
}

export async function runStartupBench(opts: { starts?: number; scans?: number } = {}): Promise<Row[]> {
  const n = Math.max(5, opts.starts ?? Number(process.env.YIMA_BENCH_STARTS ?? 9));
  const baseline = process.env.YIMA_BENCH_BASELINE;
  if (baseline && !existsSync(baseline)) throw new Error(`YIMA_BENCH_BASELINE: no such file ${baseline}`);
  const root = await mkdtemp(join(tmpdir(), 'yima-bench-startup-'));
  try {
    const { now, before } = await coldStarts(root, n, baseline);
    const median = percentile(now, 0.5);
    const beforeMedian = baseline ? percentile(before, 0.5) : RECORDED_BEFORE_MS;
    const loaded = staticPackages(HARNESS);
    const rows: Row[] = [
      { name: `harness cold start → "running" line, median of ${n}`, value: round2(median), unit: 'ms', note: `min ${round2(now[0]!)}, max ${round2(now[now.length - 1]!)}` },
    ];
    if (baseline) rows.push({ name: `baseline build's cold start, median of ${n} (alternating)`, value: round2(beforeMedian), unit: 'ms', note: baseline });
    rows.push({
      name: baseline ? 'cold start, this build ÷ baseline' : `cold start ÷ ${RECORDED_BEFORE_MS} ms recorded before (other machine load)`,
      value: round2(median / beforeMedian), unit: '×', goal: '< 1', ok: median < beforeMedian,
    });
    for (const pkg of DEFERRED) {
      rows.push({ name: `${pkg}: loaded at start? (import cost in a fresh node)`, value: round2(await importCostMs(pkg)), unit: 'ms', goal: 'not loaded', ok: !loaded.has(pkg), note: loaded.has(pkg) ? 'LOADED at start' : 'imported when first needed' });
    }
    rows.push(...(await scanToRequest(root, opts.scans ?? 1000)));
    return rows;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
