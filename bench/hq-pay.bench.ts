/**
 * Does head-office sync slow a payment? (issue 16 point 1: "never blocks or slows a payment —
 * measure it"). Two real counters (createServices, their own data directories and journals)
 * take scan payments from the sandbox aggregator over HTTP, one with the sync worker pushing
 * every record to a real PostgreSQL server as its store's role, one with sync off. Timed:
 * 扫码 (the startScanPayment action) → 支付成功 on the checkout view, the span the cashier waits.
 *
 * The machine is shared (PostgreSQL, the sandbox and both counters on the same cores, other work
 * besides), so the two sides run interleaved ON, OFF, ON, OFF… in short blocks (HQ_PAY_REPS
 * pairs of HQ_PAY_PER_BLOCK payments): load drifts over both alike. Reported: median and p95 of
 * each side; the ratio ON ÷ OFF pooled with a bootstrap 95% interval and per pair (median and
 * spread across the pairs); an A/A control — the same ratio between consecutive OFF blocks,
 * where sync cannot matter — whose spread is the machine's own noise; and CPU per payment of the
 * counter process and of the PostgreSQL server (/proc) in ON and OFF blocks, with the machine's
 * busy share and load average.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { startSandbox, type Sandbox } from '../main/aggregator/sandbox';
import { createServices, type Services } from '../main/services/create-services';
import { plaintextCipher } from '../main/settings/secrets';
import type { CheckoutView } from '../preload/contract';
import { SETTLE_MS } from '../main/sync/setup-sync';
import { benchDatabase, pgServer } from './pg-server';
import { machineTicks, treeCpuMs } from './proc-cpu';
import { percentile, round2, type Row } from './row';

const env = (k: string, d: number): number => (process.env[k] ? Number(process.env[k]) : d);

async function counter(dir: string, sandbox: Sandbox, hq?: { url: string; storeId: string }): Promise<Services> {
  const s = await createServices({
    dataDir: dir, aggregatorUrl: sandbox.url, cipher: plaintextCipher,
    confFactory: (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as unknown as { store: Record<string, unknown>; path: string },
    log: () => undefined, ...(hq ? { hq } : {}),
  });
  await s.recovered;
  return s;
}

/** One scan payment: the action → the view showing 支付成功. */
async function pay(s: Services, code: string, requestId: string): Promise<number> {
  const t0 = performance.now();
  const done = new Promise<number>((resolve, reject) => {
    const off = s.bus.subscribe((event, payload) => {
      const v = payload as CheckoutView;
      if (event !== 'checkout' || v.phase !== 'result') return;
      off();
      if (v.result?.outcome === 'PAID') resolve(performance.now());
      else reject(new Error(`payment ended ${v.result?.outcome ?? '?'}`));
    });
  });
  const r = (await s.dispatch('startScanPayment', { amount: '12.30', code, requestId, source: 'wedge' })) as { ok: boolean; error?: { message: string } };
  if (!r.ok) throw new Error(`startScanPayment refused: ${r.error?.message}`);
  const t = (await done) - t0;
  await s.dispatch('dismissResult', {});
  return t;
}

/** Seeded resampling: 95% interval of quantile(on) ÷ quantile(off). */
function ratioInterval(on: number[], off: number[], p: number, rounds = 2_000): [number, number] {
  let seed = 12_345;
  const rnd = () => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed / 2 ** 31; };
  const draw = (xs: number[]) => Array.from({ length: xs.length }, () => xs[Math.floor(rnd() * xs.length)]!).sort((a, b) => a - b);
  const ratios: number[] = [];
  for (let i = 0; i < rounds; i++) ratios.push(percentile(draw(on), p) / percentile(draw(off), p));
  ratios.sort((a, b) => a - b);
  return [round2(percentile(ratios, 0.025)), round2(percentile(ratios, 0.975))];
}

const median = (xs: readonly number[]): number => percentile([...xs].sort((a, b) => a - b), 0.5);
const spread = (xs: readonly number[]): string => {
  const v = [...xs].sort((a, b) => a - b);
  return `median ${round2(percentile(v, 0.5))}, middle half ${round2(percentile(v, 0.25))}–${round2(percentile(v, 0.75))}, all ${round2(v[0]!)}–${round2(v[v.length - 1]!)}`;
};

type Side = 'on' | 'off';
interface Block { side: Side; ms: number[]; counterCpuMs: number; pgCpuMs: number; busy: number; total: number }

export async function runHqPayBench(): Promise<Row[]> {
  const reps = env('HQ_PAY_REPS', 30);
  const perBlock = env('HQ_PAY_PER_BLOCK', 20);
  // 0: back to back, the worst case (every push overlaps a payment); a counter's real pace leaves
  // seconds between payments, HQ_PAY_GAP_MS=300 approximates a fast cashier.
  const gapMs = env('HQ_PAY_GAP_MS', 0);
  const root = await mkdtemp(join(tmpdir(), 'yima-bench-hqpay-'));
  const pgs = await pgServer();
  const db = await benchDatabase(pgs.url, ['P001']);
  const sandbox = await startSandbox({ port: 0 });
  const on = await counter(join(root, 'on'), sandbox, { url: db.storeUrl('P001'), storeId: 'P001' });
  const off = await counter(join(root, 'off'), sandbox);
  const pgCpu = () => (pgs.postmasterPid ? treeCpuMs(pgs.postmasterPid) : NaN);
  try {
    const blocks: Block[] = [];
    const load0 = loadavg()[0]!;
    let i = 0;
    // A warm-up block each, not counted.
    for (const s of [on, off]) for (let k = 0; k < 5; k++, i++) await pay(s, `13${String(i).padStart(14, '0')}00`, `hqpay-warm-${i}`);
    for (let r = 0; r < reps; r++) {
      for (const side of ['on', 'off'] as const) {
        const s = side === 'on' ? on : off;
        const b: Block = { side, ms: [], counterCpuMs: 0, pgCpuMs: 0, busy: 0, total: 0 };
        const c0 = process.cpuUsage();
        const p0 = pgCpu();
        const m0 = machineTicks();
        for (let k = 0; k < perBlock; k++, i++) {
          b.ms.push(await pay(s, `13${String(i).padStart(14, '0')}00`, `hqpay-${side}-${i}`));
          if (gapMs) await new Promise((res) => setTimeout(res, gapMs));
        }
        if (side === 'on') await new Promise((res) => setTimeout(res, SETTLE_MS + 100)); // its last push lands inside its own block
        const c = process.cpuUsage(c0);
        const m1 = machineTicks();
        b.counterCpuMs = (c.user + c.system) / 1000;
        b.pgCpuMs = pgCpu() - p0;
        b.busy = m1.busy - m0.busy;
        b.total = m1.total - m0.total;
        blocks.push(b);
      }
    }
    const load1 = loadavg()[0]!;
    let state = '?';
    for (let k = 0; k < 50 && state !== 'synced'; k++) {
      state = ((await on.dispatch('getSyncStatus', {})) as { value?: { state: string } }).value?.state ?? '?';
      if (state !== 'synced') await new Promise((res) => setTimeout(res, 100));
    }
    const synced = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM payments WHERE store_id = 'P001'");
    const of = (side: Side) => blocks.filter((b) => b.side === side);
    const all = (side: Side) => of(side).flatMap((b) => b.ms).sort((x, y) => x - y);
    const a = all('on');
    const o = all('off');
    const pairRatios = of('on').map((b, k) => median(b.ms) / median(of('off')[k]!.ms));
    const aaRatios = of('off').slice(1).map((b, k) => median(b.ms) / median(of('off')[k]!.ms));
    const ci50 = ratioInterval(a, o, 0.5);
    const ci95 = ratioInterval(a, o, 0.95);
    const verdict = (ci: [number, number]) => (ci[0] <= 1 && ci[1] >= 1 ? 'no difference measurable' : ci[0] > 1 ? 'sync ON slower' : 'sync ON faster');
    const sum = (side: Side, f: (b: Block) => number) => of(side).reduce((t, b) => t + f(b), 0);
    const perPay = (side: Side, f: (b: Block) => number) => round2(sum(side, f) / all(side).length);
    const busyPct = (side: Side) => Math.round((100 * sum(side, (b) => b.busy)) / sum(side, (b) => b.total));
    return [
      { name: `扫码 → 支付成功, sync ON (pushing to PostgreSQL on this machine): median (${a.length} payments, ${reps} blocks of ${perBlock})`, value: round2(percentile(a, 0.5)), unit: 'ms', note: `p95 ${round2(percentile(a, 0.95))} ms; ${synced.rows[0]?.n ?? 0} payments at HQ (with the warm-up), sync ${state}` },
      { name: `扫码 → 支付成功, sync OFF: median (${o.length} payments)`, value: round2(percentile(o, 0.5)), unit: 'ms', note: `p95 ${round2(percentile(o, 0.95))} ms; blocks interleaved ON, OFF, ON, OFF…` },
      { name: 'ratio ON ÷ OFF of the medians, pooled', value: round2(percentile(a, 0.5) / percentile(o, 0.5)), unit: '×', note: `bootstrap 95% interval ${ci50[0]}–${ci50[1]}: ${verdict(ci50)}; per ON/OFF pair: ${spread(pairRatios)}` },
      { name: 'ratio ON ÷ OFF of the p95s, pooled', value: round2(percentile(a, 0.95) / percentile(o, 0.95)), unit: '×', note: `bootstrap 95% interval ${ci95[0]}–${ci95[1]}: ${verdict(ci95)}` },
      { name: 'A/A control: ratio between consecutive OFF blocks (sync cannot matter)', value: round2(median(aaRatios)), unit: '×', note: `${spread(aaRatios)} — the machine's own noise, to hold the per-pair ON/OFF spread against` },
      { name: "the counter process's CPU per payment, sync ON", value: perPay('on', (b) => b.counterCpuMs), unit: 'ms', note: `OFF ${perPay('off', (b) => b.counterCpuMs)} ms (sandbox aggregator in the same process); gap between payments ${gapMs} ms` },
      { name: "PostgreSQL server's CPU per payment, sync ON", value: perPay('on', (b) => b.pgCpuMs), unit: 'ms', note: `OFF ${perPay('off', (b) => b.pgCpuMs)} ms; whole machine busy ${busyPct('on')} % in ON blocks, ${busyPct('off')} % in OFF blocks (${cpus().length} cores); load average ${load0.toFixed(2)} → ${load1.toFixed(2)}` },
    ];
  } finally {
    await on.stop();
    await off.stop();
    await sandbox.close();
    await db.drop();
    pgs.stop();
    await rm(root, { recursive: true, force: true });
  }
}
