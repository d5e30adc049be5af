/**
 * `npm run bench -- checkout-cmb`: the checkout figures on 招商银行 聚合收款 (polypay sandbox, real
 * HTTP, real SM2): 确认支付 → 支付成功 with the polling that applies on this platform, with the
 * bank's documented rules (cmb-polypay.md §3: first query 15 s after qrcodeapply, then every
 * 5–10 s) and with a fixed 5 s loop, plus what SM2 sign/verify costs per call and per round trip.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Conf from 'conf';
import { createCmbDriver } from '../main/aggregator/cmb/driver';
import { sm2Sign, sm2Verify } from '../main/aggregator/cmb/gm';
import { startCmbSandbox, type CmbSandbox } from '../main/aggregator/cmb/sandbox';
import { SANDBOX_MERCHANT } from '../main/aggregator/cmb/sandbox/test-keys';
import { sandboxCmbConfig } from '../main/aggregator/cmb/sandbox-config';
import { createServices, type Services } from '../main/services/create-services';
import { plaintextCipher } from '../main/settings/secrets';
import type { PollPolicy } from '../main/checkout/poll-policy';
import type { CheckoutView } from '../preload/contract';
import { cmbSandboxControl } from '../test/support/cmb-sandbox-control';
import { percentile, round2, type Row } from './row';

const FIXED_5S: PollPolicy = { steps: [{ untilMs: Infinity, everyMs: 5_000 }], errorBaseMs: 5_000, errorMaxMs: 5_000 };
/** The bank's rules [cmb-polypay.md §3, L §4.2.1], in the checkout's step form: nothing for 15 s, then every 5 s. */
const BANK_RULES: PollPolicy = { steps: [{ untilMs: 15_000, everyMs: 15_000 }, { untilMs: Infinity, everyMs: 5_000 }], errorBaseMs: 5_000, errorMaxMs: 10_000 };

async function counter(dir: string, sandbox: CmbSandbox, policy?: PollPolicy): Promise<Services> {
  const s = await createServices({
    dataDir: dir, aggregatorUrl: `cmb-sandbox+${sandbox.url}`, cipher: plaintextCipher,
    confFactory: (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as unknown as { store: Record<string, unknown>; path: string },
    log: () => undefined, ...(policy ? { policies: { qr: policy, scan: policy } } : {}),
  });
  await s.recovered;
  return s;
}

const waitFor = (s: Services, pred: (v: CheckoutView) => boolean): Promise<number> => new Promise((resolve) => {
  const off = s.bus.subscribe((event, payload) => { if (event === 'checkout' && pred(payload as CheckoutView)) { off(); resolve(performance.now()); } });
});

async function payLoop(s: Services, sandbox: CmbSandbox, n: number, seed: number): Promise<number[]> {
  const control = cmbSandboxControl(sandbox.url);
  const out: number[] = [];
  let rnd = seed;
  const random = () => { rnd = (rnd * 1103515245 + 12345) % 2 ** 31; return rnd / 2 ** 31; };
  for (let i = 0; i < n; i++) {
    const view = (await s.dispatch('startQrPayment', { amount: '12.30', requestId: `cmb-bench-${seed}-${i}` })) as { ok: boolean; value: CheckoutView };
    if (!view.ok || !view.value.qrCode) throw new Error('no QR from the bank');
    const clientSn = view.value.clientSn!;
    await new Promise((r) => setTimeout(r, 500 + random() * 5_500)); // the customer pays 0.5–6 s after the QR
    const paid = waitFor(s, (v) => v.clientSn === clientSn && v.result?.outcome === 'PAID');
    const t0 = performance.now();
    await control.walletPay(clientSn, 'wechat');
    out.push((await paid) - t0);
    await s.dispatch('dismissResult', {});
  }
  return out;
}

async function latency(label: string, policy: PollPolicy | undefined, root: string, counters: number, perCounter: number): Promise<{ rows: Row[]; median: number }> {
  const sandbox = await startCmbSandbox({ port: 0 });
  const services = await Promise.all(Array.from({ length: counters }, (_, i) => counter(join(root, `${label}-${i}`), sandbox, policy)));
  // Which rules applied: a driver that brings its platform's policy (Aggregator.pollPolicy) wins over the checkout's defaults.
  const platformPolicy = (services[0]!.aggregator.aggregator as { pollPolicy?: unknown }).pollPolicy !== undefined;
  const all = (await Promise.all(services.map((s, i) => payLoop(s, sandbox, perCounter, 11 + i)))).flat().sort((a, b) => a - b);
  const queries = (await cmbSandboxControl(sandbox.url).requests()).filter((r) => r.api === 'orderquery').length;
  for (const s of services) await s.stop();
  await sandbox.close();
  const median = percentile(all, 0.5);
  const note = policy ? undefined : platformPolicy ? 'the driver’s own polling rules' : 'no driver policy on this branch: the checkout defaults (收钱吧’s steps) applied';
  return {
    median,
    rows: [
      { name: `cmb ${label}: 确认支付 → 支付成功 median (${all.length} payments)`, value: round2(median), unit: 'ms', note },
      { name: `cmb ${label}: p95`, value: round2(percentile(all, 0.95)), unit: 'ms' },
      { name: `cmb ${label}: orderquery per payment`, value: round2(queries / all.length), unit: 'queries' },
    ],
  };
}

/** sm-crypto SM2withSM3 (user id 1234567812345678) per operation, and one signed+verified orderquery over loopback. */
async function sm2Cost(n: number): Promise<Row[]> {
  const msg = 'biz_content={"merId":"3089991234500001","orderId":"YM2026","userId":"N003000001"}&encoding=UTF-8&signMethod=02&version=0.0.1';
  const signs: number[] = [];
  const verifies: number[] = [];

  for (let i = 0; i < n; i++) {
    let t = performance.now();
    const sig = sm2Sign(msg + i, SANDBOX_MERCHANT.privateKeyHex);
    signs.push(performance.now() - t);
    t = performance.now();
    if (!sm2Verify(msg + i, sig, SANDBOX_MERCHANT.publicKeyBase64)) throw new Error('own signature did not verify');
    verifies.push(performance.now() - t);
  }
  const sandbox = await startCmbSandbox({ port: 0 });
  const driver = createCmbDriver({ config: sandboxCmbConfig(sandbox.url), timeoutMs: 10_000 });
  const trips: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await driver.query({ clientSn: `YM-bench-${i}` }); // not found: still a signed request and a verified, signed answer
    trips.push(performance.now() - t);
  }
  await sandbox.close();
  for (const a of [signs, verifies, trips]) a.sort((x, y) => x - y);
  return [
    { name: `SM2 sign (sm-crypto, SM3 with user id), median of ${n}`, value: round2(percentile(signs, 0.5)), unit: 'ms' },
    { name: 'SM2 verify, median', value: round2(percentile(verifies, 0.5)), unit: 'ms' },
    { name: 'orderquery round trip over loopback (counter sign + verify, sandbox verify + sign), median', value: round2(percentile(trips, 0.5)), unit: 'ms', note: 'the query that finds 支付成功 costs this on top of the wait' },
  ];
}

export async function runCmbCheckoutBench(opts: { counters?: number; perCounter?: number; sm2?: number } = {}): Promise<Row[]> {
  const root = await mkdtemp(join(tmpdir(), 'yima-bench-cmb-'));
  try {
    const counters = opts.counters ?? 3;
    const perCounter = opts.perCounter ?? 3;
    const sm2 = await sm2Cost(opts.sm2 ?? 20);
    const platform = await latency('platform policy', undefined, root, counters, perCounter);
    const bank = await latency('bank rules (15 s, then 5 s)', BANK_RULES, root, counters, perCounter);
    const fixed = await latency('fixed 5 s loop', FIXED_5S, root, counters, perCounter);
    return [
      ...sm2, ...platform.rows, ...bank.rows, ...fixed.rows,
      { name: 'cmb: fixed 5 s loop median ÷ bank rules median', value: round2(fixed.median / bank.median), unit: '×', note: 'the bank forbids querying in the first 15 s, so its rules are slower than a 5 s loop' },
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
