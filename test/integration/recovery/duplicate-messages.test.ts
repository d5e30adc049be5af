/**
 * A message from the screen delivered more than once (a retried HTTP/IPC call, a double click)
 * reaches the real harness process — contract validation, dispatch, checkout, journal — and must
 * make exactly one order and at most one charge, and the day's total counts it once.
 */
import { walletOpens } from '../../support/wallet-app';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../../main/aggregator/sandbox';
import { startHarnessProcess, type HarnessProcess } from '../../support/harness-process';
import { sandboxControl } from '../../support/sandbox-control';

const built = existsSync(join(process.cwd(), 'out/main/harness.js'));

interface View { phase: string; clientSn?: string; qrCode?: string; result?: { outcome: string } }

describe.skipIf(!built)('duplicated messages from the screen', { timeout: 60_000 }, () => {
  let dir: string;
  let sandbox: Sandbox;
  let app: HarnessProcess;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yima-dup-'));
    sandbox = await startSandbox({ port: 0 });
    app = await startHarnessProcess({ dataDir: join(dir, 'counter'), aggregatorUrl: sandbox.url });
    for (let i = 0; i < 100; i++) {
      if ((await app.call<{ recovery: { done: boolean } }>('getSnapshot')).value?.recovery.done) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterEach(async () => {
    await app.kill('SIGKILL');
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('startQrPayment sent three times with one requestId: one QR order; the scan sent three times: one charge', async () => {
    const control = sandboxControl(sandbox.url);
    const qr = await Promise.all([1, 2, 3].map(() => app.call<View>('startQrPayment', { amount: '8.80', requestId: 'dup-qr-000001' })));
    expect(qr.every((e) => e.ok)).toBe(true);
    const clientSn = qr.map((e) => e.value?.clientSn).find(Boolean);
    expect(new Set(qr.map((e) => e.value?.clientSn).filter(Boolean))).toEqual(new Set([clientSn])); // one attempt, one QR
    await walletOpens(qr.map((e) => e.value?.qrCode).find(Boolean)!, 'alipay'); // the customer's wallet opens the unified QR
    expect(await control.orders()).toEqual([expect.objectContaining({ clientSn, totalFen: 880 })]);
    await control.walletPay({ clientSn }, 'alipay');
    for (let i = 0; i < 100 && (await app.call<{ checkout: View }>('getSnapshot')).value?.checkout.phase !== 'result'; i++) await new Promise((r) => setTimeout(r, 100));
    await app.call('dismissResult', {});

    await app.call('setPendingAmount', { amount: '8.80' });
    const scan = { amount: '8.80', code: '134567890123456780', requestId: 'dup-scan-000001', source: 'wedge' };
    const scans = await Promise.all([1, 2, 3].map(() => app.call<View>('startScanPayment', scan)));
    expect(scans.every((e) => e.ok)).toBe(true);
    // the same message once more, later
    expect((await app.call<View>('startScanPayment', scan)).ok).toBe(true);

    const orders = await control.orders();
    expect(orders.map((o) => o.chargeCount)).toEqual([1, 1]);
    expect((await app.call('dayTotals', {})).value).toMatchObject({ count: 2, paidFen: 1760 });
    expect((await app.call<unknown[]>('listOrders', {})).value).toHaveLength(2);
  });
});
