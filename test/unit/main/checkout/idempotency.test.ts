/**
 * Idempotency at the counter, over the real sandbox and journal: a message delivered twice, a
 * double click or a payment code scanned twice never creates a second order or a second charge.
 */
import { describe, expect, it } from 'vitest';
import { activatedDriver, journalIn, makeService, recordsOnDisk, requestId, sandbox, tempDir, wechatCode } from './service-rig';

async function rig() {
  const { sb, ctl } = await sandbox();
  const dir = await tempDir();
  const journal = await journalIn(dir);
  return { ...makeService({ aggregator: await activatedDriver(sb.url), journal }), ctl, dir, journal };
}

describe('one order per intent', () => {
  it('a scan message delivered three times at once (same requestId) charges once and shows one result', async () => {
    const r = await rig();
    const id = requestId();
    const code = wechatCode();
    const views = await Promise.all([1, 2, 3].map(() => r.service.startScan(1500, code, 'wechat', '1346****00', id)));
    const clientSns = new Set(views.map((v) => v.clientSn).filter(Boolean));
    expect(clientSns.size).toBe(1);
    expect(await r.result()).toMatchObject({ outcome: 'PAID', amountFen: 1500 });
    expect((await r.ctl.orders()).map((o) => o.chargeCount)).toEqual([1]);
    expect((await recordsOnDisk(r.dir)).filter((x) => x.type === 'ATTEMPT_CREATED')).toHaveLength(1);
    // delivered once more after it finished: still that order, nothing new
    expect((await r.service.startScan(1500, code, 'wechat', '1346****00', id)).clientSn).toBe([...clientSns][0]);
    expect(await r.ctl.orders()).toHaveLength(1);
  });

  it('the same payment code scanned again (new request) is refused before anything is sent: paid once', async () => {
    const r = await rig();
    const code = wechatCode();
    expect((await r.service.startScan(990, code, 'wechat', '1346****00', requestId())).result?.outcome).toBe('PAID');
    r.service.dismiss();
    await expect(r.service.startScan(990, code, 'wechat', '1346****00', requestId())).rejects.toMatchObject({ code: 'REFUSED', message: expect.stringContaining('这个付款码已经扫过') });
    expect((await r.ctl.orders()).map((o) => o.chargeCount)).toEqual([1]);
    expect(r.journal.orders.list()).toHaveLength(1);
    expect(r.service.current().phase).toBe('idle');
    // a fresh code from the customer is taken normally
    expect((await r.service.startScan(990, wechatCode(), 'wechat', '1346****00', requestId())).result?.outcome).toBe('PAID');
  });

  it('a code that definitely failed (余额不足) is not retried either: the customer must refresh it', async () => {
    const r = await rig();
    const code = wechatCode('21');
    expect((await r.service.startScan(990, code, 'wechat', '1346****21', requestId())).result?.outcome).toBe('FAILED');
    r.service.dismiss();
    await expect(r.service.startScan(990, code, 'wechat', '1346****21', requestId())).rejects.toMatchObject({ code: 'REFUSED' });
    expect(await r.ctl.orders()).toHaveLength(1);
  });
});
