/**
 * Scanner benchmarks: parser throughput and memory (100,000 frames), and the real read latency
 * through a socat pty pair (last byte written → `code` event, 1,000 scans).
 * Run: npx tsx bench/scanner.bench.ts
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { createFrameParser } from '../main/devices/scanner/frame-parser';
import { createScannerReader } from '../main/devices/scanner/scanner-reader';
import { openPtyPair, ptySkipReason } from '../test/support/pty-pair';
import { PtyWriter } from '../test/integration/scanner/helpers';
import type { Row } from './row';

export type { Row } from './row';

const FRAMES = 100_000;
const SCANS = 1_000;

export async function runScannerBench(): Promise<Row[]> {
  return [...benchParser(), ...(await benchPtyLatency())];
}

function benchParser(): Row[] {
  const gc = exposeGc();
  let codes = 0;
  const parser = createFrameParser({ suffix: 'CR' });
  // One reusable chunk: the parser copies bytes, so rewriting it in place is safe and keeps
  // the bench's own allocations out of the memory figures.
  const chunk = Buffer.from('130000000000000000\r');
  const run = (from: number, n: number): void => {
    for (let i = from; i < from + n; i++) {
      chunk.write(String(i).padStart(16, '0'), 2, 'latin1'); // distinct codes: dedupe never hides one
      for (const f of parser.push(chunk)) if (f.status === 'ok') codes++;
    }
  };
  const measure = (from: number) => {
    gc();
    const rss0 = process.memoryUsage.rss();
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    run(from, FRAMES);
    const ms = performance.now() - t0;
    const rssMb = (process.memoryUsage.rss() - rss0) / 2 ** 20;
    gc();
    return { ms, rssMb, retainedMb: (process.memoryUsage().heapUsed - heap0) / 2 ** 20 };
  };
  const cold = measure(0);
  const accepted = codes;
  run(FRAMES, 2 * FRAMES); // let V8's young generation reach its steady size
  const warm = measure(4 * FRAMES);
  return [
    { name: 'parser: frames accepted', value: accepted, unit: 'frames', goal: `= ${FRAMES}`, ok: accepted === FRAMES },
    { name: 'parser: throughput', value: Math.round(FRAMES / (warm.ms / 1000)), unit: 'frames/s', note: `${warm.ms.toFixed(0)} ms per ${FRAMES} (cold: ${cold.ms.toFixed(0)} ms)` },
    { name: 'parser: RSS growth, steady state', value: round(warm.rssMb), unit: 'MB', goal: '< 5', ok: warm.rssMb < 5, note: `${FRAMES} frames after warm-up` },
    { name: 'parser: RSS growth, cold', value: round(cold.rssMb), unit: 'MB', note: 'first 100k frames: mostly V8 growing its young generation, see retained heap' },
    { name: 'parser: heap retained after GC', value: round(Math.max(cold.retainedMb, warm.retainedMb)), unit: 'MB', goal: '< 5', ok: Math.max(cold.retainedMb, warm.retainedMb) < 5 },
  ];
}

/** A real gc() even without --expose-gc, so "retained" means retained, not "not collected yet". */
function exposeGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? () => (gc as () => void)() : () => {};
}

async function benchPtyLatency(): Promise<Row[]> {
  const skip = ptySkipReason();
  if (skip) return [{ name: 'pty read latency', value: NaN, unit: 'ms', note: `skipped: ${skip}` }];
  const pair = await openPtyPair();
  const reader = createScannerReader({ path: pair.a });
  const latencies: number[] = [];
  let writer: PtyWriter | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('scanner did not connect to the pty')), 5000);
      reader.once('connected', () => { clearTimeout(timer); resolve(); });
      reader.start();
    });
    writer = new PtyWriter(pair.b);
    for (let i = 0; i < SCANS; i++) {
      const code = `13${String(i).padStart(16, '0')}`;
      const got = new Promise<number>((resolve) => {
        const off = reader.on('code', (c) => { if (c.text === code) { off(); resolve(performance.now()); } });
      });
      writer.write(`${code}\r`);
      const written = performance.now(); // writeSync returned: the last byte is in the pty
      latencies.push((await withTimeout(got, 2000)) - written);
    }
  } finally {
    writer?.close();
    reader.stop();
    await pair.close();
  }
  latencies.sort((a, b) => a - b);
  return [
    { name: 'pty read latency p50', value: round(pct(latencies, 0.5)), unit: 'ms', note: `${SCANS} scans, last byte written → code event` },
    { name: 'pty read latency p99', value: round(pct(latencies, 0.99)), unit: 'ms' },
    { name: 'pty read latency max', value: round(latencies[latencies.length - 1] ?? NaN), unit: 'ms' },
  ];
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([p, new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no code event within ${ms} ms`)), ms);
  })]).finally(() => clearTimeout(timer));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runScannerBench().then((rows) => console.table(rows), (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
