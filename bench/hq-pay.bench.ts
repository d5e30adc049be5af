/**
 * Does head-office sync slow a payment? (issue 16 point 1: "never blocks or slows a payment —
 * measure it"). Two real counters (createServices, their own data directories and journals)
 * take scan payments from the sandbox aggregator over HTTP, one with the sync worker pushing
 * every record to a real PostgreSQL server as its store's role, one with sync off. They run in
 * alternating blocks so the shared machine's load drifts over both alike. Timed: 扫码 (the
 * startScanPayment action) → 支付成功 on the checkout view, the span the cashier waits.
 * The ratio ON ÷ OFF comes with a bootstrap 95% interval: the run is conclusive when the
 * interval is narrow; "no effect" when it also holds 1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { startSandbox, type Sandbox } from '../main/aggregator/sandbox';
import { createServices, type Services } from '../main/services/create-services';
import { plaintextCipher } from '../main/settings/secrets';
import type { CheckoutView } from '../preload/contract';
import { benchDatabase, pgServer } from './pg-server';
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

export async function runHqPayBench(): Promise<Row[]> {
  const blocks = env('HQ_PAY_BLOCKS', 10);
  const perBlock = env('HQ_PAY_PER_BLOCK', 60);
  // 0: back to back, the worst case (every push overlaps a payment); a counter's real pace leaves
  // seconds between payments, HQ_PAY_GAP_MS=300 approximates a fast cashier.
  const gapMs = env('HQ_PAY_GAP_MS', 0);
  const root = await mkdtemp(join(tmpdir(), 'yima-bench-hqpay-'));
  const pgs = await pgServer();
  const db = await benchDatabase(pgs.url, ['P001']);
  const sandbox = await startSandbox({ port: 0 });
  const on = await counter(join(root, 'on'), sandbox, { url: db.storeUrl('P001'), storeId: 'P001' });
  const off = await counter(join(root, 'off'), sandbox);
  try {
    const t: Record<'on' | 'off', number[]> = { on: [], off: [] };
    // This process's CPU per payment: the counter's own cost of syncing (the server is another process).
    const cpu: Record<'on' | 'off', number> = { on: 0, off: 0 };
    let i = 0;
    for (let b = 0; b < blocks; b++) {
      // ABBA order so neither side always runs first in a pair.
      for (const side of (b % 2 ? ['off', 'on'] : ['on', 'off']) as ('on' | 'off')[]) {
        const s = side === 'on' ? on : off;
        const c0 = process.cpuUsage();
        for (let k = 0; k < perBlock; k++, i++) {
          t[side].push(await pay(s, `13${String(i).padStart(14, '0')}00`, `hqpay-${side}-${i}`));
          if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
        }
        if (side === 'on') await new Promise((r) => setTimeout(r, 300)); // its last push lands inside its own block
        const c = process.cpuUsage(c0);
        cpu[side] += (c.user + c.system) / 1000;
      }
    }
    let state = '?';
    for (let k = 0; k < 50 && state !== 'synced'; k++) {
      state = ((await on.dispatch('getSyncStatus', {})) as { value?: { state: string } }).value?.state ?? '?';
      if (state !== 'synced') await new Promise((r) => setTimeout(r, 100));
    }
    const synced = await db.sql.query<{ n: number }>("SELECT count(*)::int AS n FROM payments WHERE store_id = 'P001'");
    const a = t.on.sort((x, y) => x - y);
    const o = t.off.sort((x, y) => x - y);
    const r50 = percentile(a, 0.5) / percentile(o, 0.5);
    const r99 = percentile(a, 0.99) / percentile(o, 0.99);
    const ci50 = ratioInterval(a, o, 0.5);
    const ci99 = ratioInterval(a, o, 0.99);
    const verdict = (ci: [number, number]) => (ci[0] <= 1 && ci[1] >= 1 ? 'no difference measurable' : ci[0] > 1 ? 'sync ON slower' : 'sync ON faster');
    return [
      { name: `扫码 → 支付成功, sync ON (pushing to PostgreSQL on this machine): p50 (${a.length} payments)`, value: round2(percentile(a, 0.5)), unit: 'ms', note: `p99 ${round2(percentile(a, 0.99))} ms; ${synced.rows[0]?.n ?? 0} payments at HQ, sync ${state}` },
      { name: `扫码 → 支付成功, sync OFF: p50 (${o.length} payments)`, value: round2(percentile(o, 0.5)), unit: 'ms', note: `p99 ${round2(percentile(o, 0.99))} ms` },
      { name: 'ratio ON ÷ OFF, p50', value: round2(r50), unit: '×', note: `95% interval ${ci50[0]}–${ci50[1]}: ${verdict(ci50)}` },
      { name: 'ratio ON ÷ OFF, p99', value: round2(r99), unit: '×', note: `95% interval ${ci99[0]}–${ci99[1]}: ${verdict(ci99)}` },
      { name: "the counter process's CPU per payment, sync ON / OFF", value: round2(cpu.on / a.length), unit: 'ms', note: `OFF ${round2(cpu.off / o.length)} ms; gap between payments ${gapMs} ms` },
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
