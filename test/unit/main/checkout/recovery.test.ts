/**
 * Crash recovery over the real wire: journal files written as a crashed counter left them, a real
 * sandbox that knows (or does not know) the order, and the real driver.
 */
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import type { RecoveryReport } from '../../../../preload/contract';
import { recoverUnfinished } from '../../../../main/checkout/recovery';
import { systemClock } from '../../../../main/checkout/time';
import type { Journal } from '../../../../main/journal';
import { activatedDriver, journalIn, makeService, newClientSn, recordsOnDisk, requestId, sandbox, tempDir, wechatCode } from './service-rig';

const MINUTE = 60_000;

/** Journals an attempt the way the checkout does before the crash: ATTEMPT_CREATED + REQUEST_SENT. */
async function crashedAttempt(journal: Journal, clientSn: string, amountFen: number, method: 'scan' | 'qr' = 'scan'): Promise<void> {
  await journal.append({ type: 'ATTEMPT_CREATED', clientSn, method, amountFen, operator: '收银员', subject: '一码小店-1号收银台', windowMs: 45_000 });
  await journal.append({ type: 'REQUEST_SENT', clientSn, op: method === 'qr' ? 'precreate' : 'pay' });
}

/** Writes the journal "ten minutes ago", closes it (the crash), and reopens it as the next start does. */
async function journalAfterCrash(dir: string, write: (j: Journal) => Promise<void>): Promise<Journal> {
  const before = await journalIn(dir, () => Date.now() - 10 * MINUTE);
  await write(before);
  await before.close();
  return journalIn(dir);
}

describe('recoverUnfinished', () => {
  it('an attempt the platform charged before the crash is finished as PAID (recovered)', async () => {
    const { sb, ctl } = await sandbox();
    const agg = await activatedDriver(sb.url);
    const clientSn = newClientSn();
    // the charge reached the platform, the counter crashed before hearing the answer
    expect((await agg.pay({ clientSn, amountFen: 2580, dynamicId: wechatCode(), subject: 's', operator: 'o' })).kind).toBe('ok');
    const dir = await tempDir();
    const journal = await journalAfterCrash(dir, (j) => crashedAttempt(j, clientSn, 2580));
    expect(journal.orders.unfinished().map((o) => o.clientSn)).toEqual([clientSn]);

    const r = makeService({ aggregator: agg, journal });
    const reports: RecoveryReport[] = [];
    const report = await recoverUnfinished(journal.orders.unfinished(), r.service, systemClock, (x) => reports.push(x));
    expect(report).toEqual({ done: true, recovered: [{ clientSn, amountFen: 2580, outcome: 'PAID', message: '支付成功' }] });
    expect(reports[0]).toEqual({ done: false, recovered: [] });

    const final = (await recordsOnDisk(dir)).find((x) => x.type === 'PAYMENT_FINAL');
    expect(final).toMatchObject({ clientSn, outcome: 'PAID', amountFen: 2580, recovered: true, wallet: 'wechat' });
    expect(journal.orders.get(clientSn)).toMatchObject({ status: 'paid', recovered: true });
    expect(journal.orders.unfinished()).toEqual([]);
    expect(r.finals).toEqual([expect.objectContaining({ clientSn, outcome: 'PAID', recovered: true })]);
    expect((await ctl.orders())[0]).toMatchObject({ orderStatus: 'PAID', chargeCount: 1 });
    // a background recovery does not take over the cashier's screen
    expect(r.service.current().phase).toBe('idle');
  });

  it('an attempt the platform never received is finished as FAILED (顾客未被扣款)', async () => {
    const { sb, ctl } = await sandbox();
    const agg = await activatedDriver(sb.url);
    const clientSn = newClientSn();
    const dir = await tempDir();
    const journal = await journalAfterCrash(dir, (j) => crashedAttempt(j, clientSn, 990));
    const r = makeService({ aggregator: agg, journal });
    const report = await recoverUnfinished(journal.orders.unfinished(), r.service, systemClock, () => undefined);
    expect(report.recovered).toEqual([{ clientSn, amountFen: 990, outcome: 'FAILED', message: '支付平台没有这笔订单，顾客未被扣款' }]);
    expect(journal.orders.get(clientSn)?.status).toBe('failed');
    expect(await ctl.orders()).toEqual([]);
  });

  it('a still-pending old attempt is cancelled (CANCEL_REQUESTED journaled first) and ends CANCELED', async () => {
    const { sb, ctl } = await sandbox();
    const agg = await activatedDriver(sb.url);
    const clientSn = newClientSn();
    await agg.pay({ clientSn, amountFen: 700, dynamicId: wechatCode('12'), subject: 's', operator: 'o' });
    const dir = await tempDir();
    const journal = await journalAfterCrash(dir, (j) => crashedAttempt(j, clientSn, 700));
    const r = makeService({ aggregator: agg, journal });
    const report = await recoverUnfinished(journal.orders.unfinished(), r.service, systemClock, () => undefined);
    expect(report.recovered[0]).toMatchObject({ clientSn, outcome: 'CANCELED' });
    const types = (await recordsOnDisk(dir)).map((x) => x.type);
    expect(types.slice(-2)).toEqual(['CANCEL_REQUESTED', 'PAYMENT_FINAL']);
    expect((await ctl.orders())[0]).toMatchObject({ orderStatus: 'CANCELED', chargeCount: 0 });
  });

  it('nothing unfinished: reports done at once and leaves the counter free', async () => {
    const { sb } = await sandbox();
    const r = makeService({ aggregator: await activatedDriver(sb.url), journal: await journalIn(await tempDir()) });
    const reports: RecoveryReport[] = [];
    await expect(recoverUnfinished([], r.service, systemClock, (x) => reports.push(x))).resolves.toEqual({ done: true, recovered: [] });
    expect(reports).toEqual([{ done: true, recovered: [] }]);
    await expect(r.service.startQr(100, requestId())).resolves.toMatchObject({ phase: 'waiting' });
  });

  it('while recovering, a new payment is refused with RECOVERING and the screen says so; afterwards it is taken', async () => {
    const { sb, ctl } = await sandbox();
    const agg = await activatedDriver(sb.url);
    const clientSn = newClientSn();
    const dir = await tempDir();
    const journal = await journalAfterCrash(dir, (j) => crashedAttempt(j, clientSn, 4200));
    const r = makeService({ aggregator: agg, journal });

    await ctl.fault('query', 'latency', { ms: 600 }); // the recovery query is slow to answer
    const recovering = recoverUnfinished(journal.orders.unfinished(), r.service, systemClock, () => undefined);
    await r.until((v) => v.phase === 'recovering');
    await expect(r.service.startQr(100, requestId())).rejects.toMatchObject({ code: 'RECOVERING', message: '正在恢复上次未完成的收款，请稍候' });
    await expect(r.service.startScan(100, wechatCode(), 'wechat', '1346****00', requestId())).rejects.toMatchObject({ code: 'RECOVERING' });
    await recovering;
    expect(r.service.current().phase).toBe('idle');
    await expect(r.service.startQr(100, requestId())).resolves.toMatchObject({ phase: 'waiting' });
  });

  it('setRecovering(true) on its own blocks payments until it is turned off', async () => {
    const { sb } = await sandbox();
    const r = makeService({ aggregator: await activatedDriver(sb.url), journal: await journalIn(await tempDir()) });
    r.service.setRecovering(true);
    expect(r.service.current().phase).toBe('recovering');
    await expect(r.service.startQr(100, requestId())).rejects.toMatchObject({ code: 'RECOVERING' });
    r.service.setRecovering(false);
    expect(r.service.current().phase).toBe('idle');
    await expect(r.service.startQr(100, requestId())).resolves.toMatchObject({ phase: 'waiting' });
  });

  it('the newest attempt still inside its window comes back on screen and is polled to PAID', async () => {
    const { sb, ctl } = await sandbox();
    const agg = await activatedDriver(sb.url);
    const clientSn = newClientSn();
    const pre = await agg.precreate({ clientSn, amountFen: 1888, subject: 's', operator: 'o', payway: '17', subPayway: '2' }); // a 云闪付 QR
    const qrCode = pre.kind === 'ok' ? pre.data?.qrCode : undefined;
    expect(qrCode).toBeDefined();
    const dir = await tempDir();
    const fresh = await journalIn(dir);
    await fresh.append({ type: 'ATTEMPT_CREATED', clientSn, method: 'qr', amountFen: 1888, operator: '收银员', subject: 's', windowMs: 240_000 });
    await fresh.append({ type: 'REQUEST_SENT', clientSn, op: 'precreate' });
    await fresh.append({ type: 'QR_READY', clientSn, sn: pre.kind === 'ok' ? pre.data!.sn : '', qrCode: qrCode!, expiresAt: Date.now() + 240_000 });
    await fresh.close();
    const journal = await journalIn(dir);

    const r = makeService({ aggregator: agg, journal });
    const report = await recoverUnfinished(journal.orders.unfinished(), r.service, systemClock, () => undefined);
    expect(report.recovered).toEqual([expect.objectContaining({ clientSn, outcome: 'RESUMED' })]);
    expect(r.service.current()).toMatchObject({ phase: 'waiting', clientSn, qrCode, amountFen: 1888 });
    await ctl.walletPay({ clientSn }, 'unionpay');
    expect(await r.result(5_000)).toMatchObject({ outcome: 'PAID', wallet: 'unionpay', amountFen: 1888 });
  });
});
