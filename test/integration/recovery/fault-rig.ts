/**
 * One self-contained checkout for a fault-matrix case: its own sandbox (real HTTP), the real Upay
 * driver, the real journal in a temp dir and the real checkout service, with short windows and a
 * fast poll so a case takes a second or two. Nothing is shared between cases, so they can run
 * concurrently; `close()` tears everything down.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckoutView } from '../../../preload/contract';
import { startSandbox, TEST_ACTIVATION_CODE, TEST_VENDOR, type Sandbox } from '../../../main/aggregator/sandbox';
import { createUpayDriver } from '../../../main/aggregator/upay';
import { CheckoutService, type CheckoutConfig } from '../../../main/checkout/checkout-service';
import type { PollPolicy } from '../../../main/checkout/poll-policy';
import { systemClock, systemTimers } from '../../../main/shared/time';
import { localBusinessDay, openJournal, type Journal } from '../../../main/journal';
import { sandboxControl } from '../../support/sandbox-control';
import { recordViews } from '../../support/view-recorder';
import { memoryCredentials, newClientSn } from '../../unit/main/checkout/service-rig';
import { walletQrCodes } from '../../../main/services/wallet-qr-codes';

/** Poll every 100 ms, back off to 200 ms on errors: the real policies' shape, compressed. */
export const FAST_POLL: PollPolicy = { steps: [{ untilMs: Infinity, everyMs: 100 }], errorBaseMs: 100, errorMaxMs: 200 };
/** The driver gives up on a silent platform after this long (production: 15 s). */
export const DRIVER_TIMEOUT_MS = 1_000;

export type Result = NonNullable<CheckoutView['result']>;

export interface FaultRig {
  sb: Sandbox;
  ctl: ReturnType<typeof sandboxControl>;
  journal: Journal;
  service: CheckoutService;
  views: CheckoutView[];
  until(pred: (v: CheckoutView) => boolean, timeoutMs?: number): Promise<CheckoutView>;
  /** The next result shown after `from` views (default: any). */
  result(from?: number, timeoutMs?: number): Promise<Result>;
  /** Today's totals from the journal's index (what the manager's screen shows). */
  totals(): ReturnType<Journal['orders']['totals']>;
  close(): Promise<void>;
}

export async function faultRig(windows: { qrExpiryMs: number; scanWindowMs: number }): Promise<FaultRig> {
  const dir = await mkdtemp(join(tmpdir(), 'yima-faults-'));
  const sb = await startSandbox({ port: 0 });
  const driver = createUpayDriver({
    baseUrl: sb.url,
    gatewayUrl: `${sb.url}/gateway`,
    vendor: { sn: TEST_VENDOR.vendorSn, key: TEST_VENDOR.vendorKey, appId: TEST_VENDOR.appId },
    credentials: memoryCredentials(),
    deviceId: 'yima-fault-counter',
    timeoutMs: DRIVER_TIMEOUT_MS,
  });
  const act = await driver.activate({ code: TEST_ACTIVATION_CODE, deviceId: 'yima-fault-counter' });
  if (!act.ok) throw new Error(`activation failed: ${act.message}`);
  const journal = await openJournal({ dir, clock: Date.now, warn: () => undefined });
  const rec = recordViews();
  const views = rec.views;
  // The per-wallet QR mode: its precreate is a request that can fail (the unified QR makes none).
  const config: CheckoutConfig = { ...windows, maxAmountFen: 5_000_000, operator: '收银员', subject: '一码小店-1号收银台', qrMode: 'per-wallet' };
  const service = new CheckoutService({
    aggregator: driver, journal, clock: systemClock, timers: systemTimers, newClientSn,
    config: () => config,
    onView: rec.onView,
    closeOutRetryMs: 100,
    policies: { qr: FAST_POLL, scan: FAST_POLL },
    walletQrCodes,
  });

  const until = (pred: (v: CheckoutView) => boolean, timeoutMs = 15_000, from = 0) => rec.until(pred, timeoutMs, from);

  return {
    sb, ctl: sandboxControl(sb.url), journal, service, views,
    until: (pred, timeoutMs) => until(pred, timeoutMs),
    result: async (from = 0, timeoutMs = 15_000) => (await until((v) => v.phase === 'result', timeoutMs, from)).result!,
    totals: () => journal.orders.totals(localBusinessDay(Date.now())),
    async close() {
      await service.activeAttempt()?.poll?.stop();
      await journal.close();
      await sb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
