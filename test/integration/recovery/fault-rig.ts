/**
 * One self-contained checkout for a fault-matrix case: its own platform sandbox (real HTTP; 收钱吧
 * or 招商银行 聚合收款, test/support/platform-sandbox.ts), that platform's real driver, the real
 * journal in a temp dir and the real checkout service, with short windows and fast polling so a
 * case takes a second or two. Nothing is shared between cases, so they can run concurrently;
 * `close()` tears everything down.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckoutView } from '../../../preload/contract';
import { TEST_ACTIVATION_CODE, TEST_VENDOR } from '../../../main/aggregator/sandbox';
import { createUpayDriver } from '../../../main/aggregator/upay';
import { createCmbDriver } from '../../../main/aggregator/cmb';
import { sandboxCmbConfig } from '../../../main/aggregator/cmb/sandbox-config';
import type { Aggregator } from '../../../main/aggregator/types';
import { CheckoutService, type CheckoutConfig } from '../../../main/checkout/checkout-service';
import type { PollPolicy } from '../../../main/checkout/poll-policy';
import { systemClock, systemTimers } from '../../../main/shared/time';
import { localBusinessDay, openJournal, type Journal } from '../../../main/journal';
import { startPlatformSandbox, type Platform, type PlatformSandbox } from '../../support/platform-sandbox';
import { recordViews } from '../../support/view-recorder';
import { startProxy, viaProxy, type TcpProxy } from '../../support/tcp-proxy';
import { memoryCredentials, newClientSn } from '../../unit/main/checkout/service-rig';
import { walletQrCodes } from '../../../main/services/wallet-qr-codes';

/** Poll every 100 ms, back off to 200 ms on errors: the real policies' shape, compressed. */
export const FAST_POLL: PollPolicy = { steps: [{ untilMs: Infinity, everyMs: 100 }], errorBaseMs: 100, errorMaxMs: 200 };
/**
 * Per platform: how long the driver waits for an answer (production: 10 s) and the payment windows.
 * 招商银行 runs on its own polling rules [cmb-polypay.md §3, L §4.2.1] at `scale`: first QR query
 * 15 s → 1.5 s, every 5–10 s → 0.5–1 s, ten unpaid queries (QR ≈ 8 s, code ≈ 7 s), cancel ≥ 15 s
 * after pay → 1.5 s. Its timings are looser: each bank call signs and verifies SM2 in JavaScript, and a
 * loaded machine must not turn queries into timeouts or windows into expiries.
 */
export const TIMING = {
  upay: { driverTimeoutMs: 1_000, qrExpiryMs: 2_500, scanWindowMs: 1_500, scale: 1, resultWithinMs: 15_000 },
  // a window of silence (8 s) then three unanswered close-out queries (2 s each) before 需人工确认
  cmb: { driverTimeoutMs: 2_000, qrExpiryMs: 8_000, scanWindowMs: 7_000, scale: 0.1, resultWithinMs: 30_000 },
} as const;
/** The bank sandbox's password entry (scan-password) completes this long after pay. */
const CMB_PASSWORD_SECONDS = 1;

export type Result = NonNullable<CheckoutView['result']>;

export interface FaultRig {
  platform: Platform;
  plat: PlatformSandbox;
  /** Present with `proxied`: down() = the platform refuses connections, up() = back. */
  proxy?: TcpProxy;
  journal: Journal;
  service: CheckoutService;
  views: CheckoutView[];
  until(pred: (v: CheckoutView) => boolean, timeoutMs?: number): Promise<CheckoutView>;
  /** The next result shown after `from` views (default: any). */
  result(from?: number, timeoutMs?: number): Promise<Result>;
  /** The customer enters the password of a payment code that asked for it. */
  enterPassword(clientSn: string): Promise<void>;
  /** Today's totals from the journal's index (what the manager's screen shows). */
  totals(): ReturnType<Journal['orders']['totals']>;
  close(): Promise<void>;
}

/** The sandbox's own address (the bank's is behind `cmb-sandbox+`). */
const sandboxUrl = (plat: PlatformSandbox): string => plat.aggregatorUrl.replace(/^cmb-sandbox\+/, '');

/** `apiUrl`: where the driver sends its requests (the sandbox, or a TCP proxy in front of it). */
async function driverFor(plat: PlatformSandbox, apiUrl: string): Promise<Aggregator> {
  if (plat.platform === 'cmb') {
    return createCmbDriver({ config: { ...sandboxCmbConfig(apiUrl), qrHostRewrite: sandboxUrl(plat) }, timeoutMs: TIMING.cmb.driverTimeoutMs });
  }
  const driver = createUpayDriver({
    baseUrl: apiUrl,
    gatewayUrl: `${sandboxUrl(plat)}/gateway`,
    vendor: { sn: TEST_VENDOR.vendorSn, key: TEST_VENDOR.vendorKey, appId: TEST_VENDOR.appId },
    credentials: memoryCredentials(),
    deviceId: 'yima-fault-counter',
    timeoutMs: TIMING.upay.driverTimeoutMs,
  });
  const act = await driver.activate({ code: TEST_ACTIVATION_CODE, deviceId: 'yima-fault-counter' });
  if (!act.ok) throw new Error(`activation failed: ${act.message}`);
  return driver;
}

/** `proxied`: the driver reaches the platform through a TCP proxy the test takes down (connection refused) and back up. */
export async function faultRig(platform: Platform = 'upay', o: { proxied?: boolean } = {}): Promise<FaultRig> {
  const t = TIMING[platform];
  const dir = await mkdtemp(join(tmpdir(), 'yima-faults-'));
  const plat = await startPlatformSandbox(platform, dir);
  const cmb = platform === 'cmb';
  if (cmb) await plat.config({ passwordSeconds: CMB_PASSWORD_SECONDS });
  const url = new URL(sandboxUrl(plat));
  const proxy = o.proxied ? await startProxy(url.hostname, Number(url.port)) : undefined;
  const driver = await driverFor(plat, proxy ? viaProxy(sandboxUrl(plat), proxy).replace(/\/$/, '') : sandboxUrl(plat));
  const journal = await openJournal({ dir: join(dir, 'journal'), clock: Date.now, warn: () => undefined });
  const rec = recordViews();
  const views = rec.views;
  // The QR whose creation is a request that can fail: 收钱吧's per-wallet precreate (its unified QR
  // makes none), the bank's unified qrcodeapply. The bank runs on its own rules, time-scaled.
  const config: CheckoutConfig = { qrExpiryMs: t.qrExpiryMs, scanWindowMs: t.scanWindowMs, maxAmountFen: 5_000_000, operator: '收银员', subject: '一码小店-1号收银台', qrMode: cmb ? 'unified' : 'per-wallet', ...(cmb ? { pollTimeScale: t.scale } : {}) };
  const service = new CheckoutService({
    aggregator: driver, journal, clock: systemClock, timers: systemTimers, newClientSn,
    config: () => config,
    onView: rec.onView,
    closeOutRetryMs: 100,
    ...(cmb ? {} : { policies: { qr: FAST_POLL, scan: FAST_POLL } }),
    walletQrCodes,
  });

  const until = (pred: (v: CheckoutView) => boolean, timeoutMs = 15_000, from = 0) => rec.until(pred, timeoutMs, from);

  return {
    platform, plat, proxy, journal, service, views,
    until: (pred, timeoutMs) => until(pred, timeoutMs),
    result: async (from = 0, timeoutMs = t.resultWithinMs) => (await until((v) => v.phase === 'result', timeoutMs, from)).result!,
    // 收钱吧's sandbox takes the password through its wallet control; the bank's completes it by itself.
    enterPassword: async (clientSn) => { if (!cmb) await plat.walletPay(clientSn, 'wechat'); },
    totals: () => journal.orders.totals(localBusinessDay(Date.now())),
    async close() {
      await service.stop();
      await journal.close();
      await proxy?.close();
      await plat.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
