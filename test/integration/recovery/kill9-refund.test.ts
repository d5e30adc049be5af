/**
 * Issue 14 item 9: a refund left pending by a crash is finished at the next start, without
 * anyone pressing "再次查询", with the same refund_request_no: the customer is refunded once.
 * The counter (built harness, real child process) is killed with SIGKILL while the sandbox holds
 * the refund's answer back.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../../main/aggregator/sandbox';
import { startHarnessProcess, type HarnessProcess } from '../../support/harness-process';
import { sandboxControl } from '../../support/sandbox-control';
import { pollUntil } from '../../support/poll-until';

const built = existsSync(join(process.cwd(), 'out/main/harness.js'));
const CODE = '134567890123456780';
interface Order { clientSn: string; status: string; refundedFen: number }

describe.skipIf(!built)('kill -9 during a refund', { timeout: 60_000 }, () => {
  let dir: string;
  let sandbox: Sandbox;
  let app: HarnessProcess | null = null;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yima-kill9-refund-'));
    sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'aggregator') });
  });
  afterEach(async () => {
    await app?.kill('SIGKILL');
    app = null;
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = async () => {
    const a = await startHarnessProcess({ dataDir: join(dir, 'counter'), aggregatorUrl: sandbox.url });
    app = a;
    await pollUntil(async () => (await a.call<{ recovery: { done: boolean } }>('getSnapshot')).value!, (s) => s.recovery.done);
    return a;
  };

  it('the pending refund is resumed at start with the same refund_request_no: refunded once', async () => {
    const control = sandboxControl(sandbox.url);
    let a = await start();
    await a.call('setPendingAmount', { amount: '12.30' });
    await a.call('startScanPayment', { amount: '12.30', code: CODE, requestId: 'kill9-refund-pay', source: 'wedge' });
    const order = await pollUntil(async () => (await a.call<Order[]>('listOrders')).value!, (l) => l[0]?.status === 'paid');
    const clientSn = order[0]!.clientSn;

    await control.fault('refund', 'hold', { ms: 30_000, times: 1 }); // processed, answer held back
    void a.call('refund', { clientSn, amount: '3.00', pin: '8888' }).catch(() => undefined);
    const refundReqs = async () => (await control.call<{ requests: { op: string }[] }>('GET', 'requests')).requests.filter((r) => r.op === 'refund');
    await pollUntil(refundReqs, (r) => r.length > 0);
    await a.kill('SIGKILL'); // the power goes with the refund unanswered
    app = null;
    await control.clearFaults();

    a = await start();
    const after = await pollUntil(async () => (await a.call<Order[]>('listOrders')).value!, (l) => l[0]?.refundedFen === 300);
    expect(after[0]).toMatchObject({ clientSn, refundedFen: 300 });
    const detail = (await a.call<{ refunds: { refundRequestNo: string; status: string }[] }>('orderDetail', { clientSn })).value!;
    expect(detail.refunds).toHaveLength(1);
    expect(detail.refunds[0]!.status).toBe('refunded');
    // The aggregator refunded exactly once, under the number asked for before the crash.
    const sbOrder = (await control.orders()).find((o) => o.clientSn === clientSn)!;
    expect(sbOrder.refunds).toHaveLength(1);
    expect(JSON.stringify(sbOrder.refunds)).toContain(detail.refunds[0]!.refundRequestNo);
    expect((await a.call<{ refundFen: number }>('dayTotals')).value).toMatchObject({ refundFen: 300 });
  });
});
