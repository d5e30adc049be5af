/**
 * Kill -9 fault tests: the counter (the built harness, a real child process) is killed with
 * SIGKILL at each step of a payment while the aggregator (sandbox, real HTTP) lives on, then
 * restarted on the same data directory. Afterwards: the customer was charged at most once, the
 * journal and the screen agree with the aggregator, and the day's total counts the payment once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../../main/aggregator/sandbox';
import { openJournal } from '../../../main/journal';
import { startHarnessProcess, type HarnessProcess } from '../../support/harness-process';
import { sandboxControl } from '../../support/sandbox-control';

const built = existsSync(join(process.cwd(), 'out/main/harness.js'));
const HOLD_MS = 30_000;

interface View { phase: string; clientSn?: string; result?: { outcome: string }; qrCode?: string }
interface Totals { count: number; paidFen: number }

describe.skipIf(!built)('kill -9 at every step of a payment', { timeout: 60_000 }, () => {
  let dir: string;
  let sandbox: Sandbox;
  let control: ReturnType<typeof sandboxControl>;
  let app: HarnessProcess | null = null;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yima-kill9-'));
    sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'aggregator') });
    control = sandboxControl(sandbox.url);
  });
  afterEach(async () => {
    await app?.kill('SIGKILL');
    app = null;
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Starts the counter and waits until it is ready to take payments (recovery done). */
  const start = async () => {
    app = await startHarnessProcess({ dataDir: join(dir, 'counter'), aggregatorUrl: sandbox.url });
    const a = app;
    await until(() => view(a), (s) => s.recovery.done);
    return a;
  };
  const powerCut = async () => { await app?.kill('SIGKILL'); app = null; };
  const until = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20_000): Promise<T> => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await fn();
      if (ok(v) || Date.now() > end) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const view = async (a: HarnessProcess) => (await a.call<{ checkout: View; recovery: { done: boolean; recovered: { outcome: string }[] } }>('getSnapshot')).value!;
  const totals = async (a: HarnessProcess) => (await a.call<Totals>('dayTotals')).value!;
  const requestsFor = async (op: string) => (await control.call<{ requests: { op: string }[] }>('GET', 'requests')).requests.filter((r) => r.op === op);

  /** After restart: recovery is done, and journal, screen and aggregator say the same thing. */
  async function expectAgreement(a: HarnessProcess, expected: 'PAID' | 'NOT_CHARGED') {
    const snap = await until(() => view(a), (s) => s.recovery.done && s.checkout.phase !== 'recovering');
    const orders = await control.orders();
    const charged = orders.reduce((n, o) => n + o.chargeCount, 0);
    const t = await totals(a);
    const list = (await a.call<{ status: string }[]>('listOrders')).value!;
    if (expected === 'PAID') {
      expect(charged).toBe(1);
      expect(t).toMatchObject({ count: 1, paidFen: 1230 });
      expect(list.map((o) => o.status)).toEqual(['paid']);
      expect(snap.recovery.recovered.map((r) => r.outcome)).toContain('PAID');
    } else {
      expect(charged).toBe(0);
      expect(t).toMatchObject({ count: 0, paidFen: 0 });
      expect(list.every((o) => o.status !== 'paid' && o.status !== 'pending')).toBe(true);
    }
    return snap;
  }

  it('killed after the attempt was journaled but before any request: recovered as not charged', async () => {
    const journal = await openJournal({ dir: join(dir, 'counter', 'journal'), clock: Date.now });
    await journal.append({ type: 'ATTEMPT_CREATED', clientSn: 'YM-before-request-1', method: 'qr', amountFen: 1230, operator: 'op', subject: 's', windowMs: 240_000 });
    await journal.close();
    const a = await start();
    const snap = await expectAgreement(a, 'NOT_CHARGED');
    expect(snap.recovery.recovered).toHaveLength(1);
    expect(snap.recovery.recovered[0]?.outcome).toBe('FAILED');
  });

  it('QR: killed while precreate was in flight (never processed): restart says not charged', async () => {
    let a = await start();
    await control.fault('precreate', 'timeout', { times: 1 });
    void a.call('startQrPayment', { amount: '12.30', requestId: 'kill9-qr-1' }).catch(() => undefined); // dies with the process
    await until(() => requestsFor('precreate'), (r) => r.length > 0);
    await powerCut();
    a = await start();
    await expectAgreement(a, 'NOT_CHARGED');
  });

  it('scan: killed after the aggregator charged but before the answer arrived: restart records PAID once', async () => {
    let a = await start();
    await control.fault('pay', 'hold', { ms: HOLD_MS, times: 1 });
    await a.call('setPendingAmount', { amount: '12.30' });
    void a.call('startScanPayment', { amount: '12.30', code: '134567890123456780', requestId: 'kill9-scan-1', source: 'wedge' }).catch(() => undefined);
    await until(() => control.orders(), (o) => o[0]?.chargeCount === 1);
    await powerCut();
    await control.clearFaults();
    a = await start();
    await expectAgreement(a, 'PAID');
  });

  it('QR: the customer paid while the counter was dead: restart records PAID once', async () => {
    let a = await start();
    const v = (await a.call<View>('startQrPayment', { amount: '12.30', requestId: 'kill9-qr-2' })).value!;
    expect(v.phase).toBe('waiting');
    await control.fault('query', 'timeout', { times: -1 }); // the counter cannot learn the result…
    await control.walletPay({ clientSn: v.clientSn }, 'alipay'); // …the customer pays…
    await powerCut(); // …and the power goes
    await control.clearFaults();
    a = await start();
    await expectAgreement(a, 'PAID');
  });

  it('QR still unpaid inside its window comes back on screen, and paying it then is recorded once', async () => {
    let a = await start();
    const v = (await a.call<View>('startQrPayment', { amount: '12.30', requestId: 'kill9-qr-3' })).value!;
    await powerCut();
    a = await start();
    const resumed = await until(() => view(a), (s) => s.checkout.phase === 'waiting');
    expect(resumed.checkout).toMatchObject({ phase: 'waiting', clientSn: v.clientSn, qrCode: v.qrCode });
    await control.walletPay({ clientSn: v.clientSn }, 'wechat');
    await until(() => view(a), (s) => s.checkout.result?.outcome === 'PAID');
    expect((await control.orders())[0]?.chargeCount).toBe(1);
    expect(await totals(a)).toMatchObject({ count: 1, paidFen: 1230 });
  });

  it('killed right after the final record: nothing to recover, total counted once, no second charge', async () => {
    let a = await start();
    const v = (await a.call<View>('startQrPayment', { amount: '12.30', requestId: 'kill9-qr-4' })).value!;
    await control.walletPay({ clientSn: v.clientSn }, 'unionpay');
    await until(() => view(a), (s) => s.checkout.result?.outcome === 'PAID');
    await powerCut();
    a = await start();
    const snap = await until(() => view(a), (s) => s.recovery.done);
    expect(snap.recovery.recovered).toHaveLength(0);
    expect((await control.orders())[0]?.chargeCount).toBe(1);
    expect(await totals(a)).toMatchObject({ count: 1, paidFen: 1230 });
    expect(await requestsFor('cancel')).toHaveLength(0);
  });
});
