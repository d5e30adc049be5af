/**
 * The disk fills up (ENOSPC) at each point of a payment, with the real journal on a real directory
 * whose writes start failing, the real sandbox over HTTP and the real driver. Cannot journal →
 * cannot act: no request goes out that the journal could not announce, the cashier gets a clear
 * message instead of a stuck screen, and once the disk is fixed everything ends right, counted once.
 */
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { recoverUnfinished } from '../../../../main/checkout/recovery';
import { systemClock } from '../../../../main/checkout/time';
import { localBusinessDay, openJournal } from '../../../../main/journal';
import { errno, faultyFs } from '../journal/helpers';
import { activatedDriver, makeService, recordsOnDisk, requestId, sandbox, tempDir, wechatCode } from './service-rig';
import { walletQrCodes } from '../../../../main/services/wallet-qr-codes';

const DISK_FULL = /磁盘已满，记录未保存/;

async function diskRig(config: Parameters<typeof makeService>[0]['config'] = {}) {
  const { sb, ctl } = await sandbox();
  const aggregator = await activatedDriver(sb.url);
  const dir = await tempDir();
  const { fs, faults } = faultyFs();
  const journal = await openJournal({ dir, clock: Date.now, fs, warn: () => undefined });
  const sent: string[] = [];
  sb.on('request', (e) => sent.push(e.op));
  const rig = makeService({ aggregator, journal, config, closeOutRetryMs: 100, extra: { walletQrCodes } });
  const diskFull = (on: boolean) => { faults.write = on ? errno('ENOSPC', 'no space left on device') : undefined; };
  return { ...rig, ctl, sb, dir, journal, aggregator, sent, diskFull };
}

describe('disk full during a payment', () => {
  it('before the attempt is journaled: refused with 磁盘已满, nothing sent, nothing recorded; works once space is freed', async () => {
    const r = await diskRig();
    r.diskFull(true);
    const id = requestId();
    await expect(r.service.startScan(1230, wechatCode(), 'wechat', '1346****00', id)).rejects.toMatchObject({ code: 'REFUSED', message: expect.stringMatching(/^无法写入交易记录，未发起收款：磁盘已满/) });
    await expect(r.service.startQr(1230, requestId())).rejects.toMatchObject({ code: 'REFUSED', message: expect.stringMatching(DISK_FULL) });
    expect(r.sent).toEqual([]);
    expect(await r.ctl.orders()).toEqual([]);
    expect(await recordsOnDisk(r.dir)).toEqual([]);
    expect(r.journal.orders.list()).toEqual([]);
    expect(r.service.current().phase).toBe('idle');

    r.diskFull(false);
    await expect(r.service.startScan(1230, wechatCode(), 'wechat', '1346****00', id)).resolves.toMatchObject({ result: { outcome: 'PAID' } });
    expect((await r.ctl.orders()).map((o) => o.chargeCount)).toEqual([1]);
  });

  it('after the QR was created but before it could be journaled: the QR is not shown, 需人工确认, no blind cancel; query again closes it', async () => {
    const r = await diskRig();
    const makeQr = r.aggregator.unifiedQr.bind(r.aggregator); // the disk fills up right after the QR is made
    r.aggregator.unifiedQr = async (req) => { const out = await makeQr(req); r.diskFull(true); return out; };
    const view = await r.service.startQr(1230, requestId());
    expect(view.qrCode).toBeUndefined();
    expect(view.result).toMatchObject({ outcome: 'NEEDS_ATTENTION', message: expect.stringMatching(/^需人工确认：交易记录无法保存，收款码未显示：磁盘已满/) });
    expect(r.views.some((v) => v.qrCode)).toBe(false);
    expect(r.sent).not.toContain('cancel');

    r.diskFull(false);
    const after = await r.service.queryAgain(view.clientSn!);
    expect(after.result?.outcome).toBe('CANCELED');
    expect(await r.ctl.orders()).toEqual([]); // nobody could open the QR: no order at the platform, nothing to cancel
    expect(r.journal.orders.get(view.clientSn!)?.status).toBe('canceled');
  });

  it('when the window ends and CANCEL_REQUESTED cannot be written: no cancel is sent, 需人工确认 instead of a stuck screen', async () => {
    const r = await diskRig({ scanWindowMs: 1_500 });
    const view = await r.service.startScan(880, wechatCode('12'), 'wechat', '1346****12', requestId()); // password never entered
    expect(view.phase).toBe('waiting');
    r.diskFull(true);
    const result = await r.result(8_000);
    expect(result).toMatchObject({ outcome: 'NEEDS_ATTENTION', message: expect.stringMatching(/^需人工确认：交易记录无法保存，未能撤销：磁盘已满/) });
    expect(r.sent).not.toContain('cancel');

    r.diskFull(false);
    expect((await r.service.queryAgain(view.clientSn!)).result?.outcome).toBe('CANCELED');
    expect(await r.ctl.orders()).toEqual([expect.objectContaining({ orderStatus: 'CANCELED', chargeCount: 0 })]);
  });

  it('PAID that cannot be journaled is still shown (with a warning), and the next start records it once', async () => {
    const r = await diskRig({ qrMode: 'per-wallet' }); // a precreate order the sandbox can be told to pay
    const view = await r.service.startQr(1230, requestId(), undefined, 'alipay');
    r.diskFull(true);
    await r.ctl.walletPay({ clientSn: view.clientSn }, 'alipay');
    const result = await r.result(8_000);
    expect(result.outcome).toBe('PAID');
    expect(result.message).toMatch(/^支付成功（警告：交易记录保存失败：磁盘已满/);
    expect((await recordsOnDisk(r.dir)).some((x) => x.type === 'PAYMENT_FINAL')).toBe(false);

    // restart with space freed: recovery finds the unfinished attempt, queries it, records PAID once
    await r.journal.close();
    const journal = await openJournal({ dir: r.dir, clock: Date.now, warn: () => undefined });
    const next = makeService({ aggregator: r.aggregator, journal });
    const report = await recoverUnfinished(journal.orders.unfinished(), next.service, systemClock, () => undefined);
    expect(report.recovered).toEqual([expect.objectContaining({ clientSn: view.clientSn, outcome: 'PAID' })]);
    expect(journal.orders.totals(localBusinessDay(Date.now()))).toMatchObject({ count: 1, paidFen: 1230 });
    expect((await r.ctl.orders()).map((o) => o.chargeCount)).toEqual([1]);
    await journal.close();
  });
});
