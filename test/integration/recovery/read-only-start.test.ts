/**
 * The counter's data directory is read-only when the app starts (the disk was remounted
 * read-only, or permissions changed). The built harness, a real child process, must still start,
 * show the day's history and totals, tell the cashier clearly why it cannot take payments, and
 * refuse a payment without sending anything to the aggregator.
 */
import { walletOpens } from '../../support/wallet-app';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../../main/aggregator/sandbox';
import { startHarnessProcess, type HarnessProcess } from '../../support/harness-process';
import { makeReadOnly } from '../../support/read-only-dir';
import { sandboxControl } from '../../support/sandbox-control';
import { pollUntil } from '../../support/poll-until';

const built = existsSync(join(process.cwd(), 'out/main/harness.js'));

interface Snapshot { checkout: { phase: string; result?: { outcome: string } }; recovery: { done: boolean }; warnings: string[] }

describe.skipIf(!built)('read-only data directory at start', { timeout: 60_000 }, () => {
  let dir: string;
  let sandbox: Sandbox;
  let app: HarnessProcess | null = null;
  let undo: (() => void) | null = null;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yima-readonly-'));
    sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'aggregator') });
  });
  afterEach(async () => {
    await app?.kill('SIGKILL');
    app = null;
    undo?.();
    undo = null;
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  const until = pollUntil;
  const snapshot = async (a: HarnessProcess) => (await a.call<Snapshot>('getSnapshot')).value!;

  it('starts, shows the history, says why it cannot take payments, and refuses one without contacting the aggregator', async (ctx) => {
    const control = sandboxControl(sandbox.url);
    const counter = join(dir, 'counter');
    // a normal day first: one paid QR payment
    app = await startHarnessProcess({ dataDir: counter, aggregatorUrl: sandbox.url });
    await until(() => snapshot(app!), (s) => s.recovery.done);
    const v = (await app.call<{ clientSn: string; qrCode: string }>('startQrPayment', { amount: '12.30', requestId: 'readonly-paid-1' })).value!;
    await walletOpens(v.qrCode, 'wechat'); // the customer's WeChat opens the unified QR
    await control.walletPay({ clientSn: v.clientSn }, 'wechat');
    await until(() => snapshot(app!), (s) => s.checkout.result?.outcome === 'PAID');
    await app.kill('SIGKILL');
    app = null;

    undo = makeReadOnly(counter);
    if (!undo) ctx.skip('cannot make a read-only directory here');
    app = await startHarnessProcess({ dataDir: counter, aggregatorUrl: sandbox.url });
    const snap = await until(() => snapshot(app!), (s) => s.recovery.done);
    expect(snap.checkout.phase).toBe('idle');
    expect(snap.warnings.some((w) => w.startsWith('数据目录无法写入，暂不能收款'))).toBe(true);
    expect(snap.warnings.some((w) => w.includes('设置无法保存'))).toBe(true);
    // the history is still there
    expect((await app.call('dayTotals', {})).value).toMatchObject({ count: 1, paidFen: 1230 });
    expect((await app.call<{ status: string }[]>('listOrders', {})).value!.map((o) => o.status)).toEqual(['paid']);

    const requestsBefore = (await control.call<{ requests: { op: string }[] }>('GET', 'requests')).requests.length;
    const refused = await app.call('startQrPayment', { amount: '5.00', requestId: 'readonly-refused-1' });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('REFUSED');
    expect(refused.error?.message).toMatch(/^无法写入交易记录，未发起收款：(数据目录只读|没有写入数据目录的权限)/);
    const requestsAfter = (await control.call<{ requests: { op: string }[] }>('GET', 'requests')).requests.length;
    expect(requestsAfter).toBe(requestsBefore); // not a single request went out
    expect((await control.orders()).map((o) => o.chargeCount)).toEqual([1]);
    expect((await snapshot(app)).checkout.phase).toBe('idle');
  });
});
