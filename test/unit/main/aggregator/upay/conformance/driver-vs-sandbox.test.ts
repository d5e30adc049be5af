/**
 * Every request the driver can make, sent over real HTTP to the strict sandbox; the test fails on
 * any documentation violation the sandbox records (GET /__control/violations).
 */
import { describe, expect, it } from 'vitest';
import { createUpayDriver } from '../../../../../../main/aggregator/upay';
import { TEST_ACTIVATION_CODE, TEST_VENDOR } from '../../../../../../main/aggregator/sandbox';
import { isOrderNotFound, type TerminalCredentials } from '../../../../../../main/aggregator/types';
import { control, sandbox, wechatCode } from '../../sandbox/helpers';

function store(): { get(): TerminalCredentials | null; set(c: TerminalCredentials): void } {
  let creds: TerminalCredentials | null = null;
  return { get: () => creds, set: (c) => { creds = c; } };
}

const base = { subject: '一码小店 收款', operator: '收银员' };
let n = 0;
const clientSn = (): string => `YM${Date.now()}${String((n += 1)).padStart(4, '0')}`;

describe('driver → strict sandbox: no documentation violation', () => {
  it('activate, checkin, pay, precreate, query (sn and client_sn), cancel, refund, revoke, unifiedQr → gateway', async () => {
    const s = await sandbox();
    const driver = createUpayDriver({
      baseUrl: s.url, gatewayUrl: `${s.url}/gateway`, vendor: { sn: TEST_VENDOR.vendorSn, key: TEST_VENDOR.vendorKey, appId: TEST_VENDOR.appId },
      credentials: store(), deviceId: 'replay-device', timeoutMs: 5000,
    });
    expect(await driver.activate({ code: TEST_ACTIVATION_CODE, deviceId: 'replay-device' })).toMatchObject({ ok: true });
    expect(await driver.checkin()).toMatchObject({ ok: true });

    const paidSn = clientSn();
    const pay = await driver.pay({ ...base, clientSn: paidSn, amountFen: 1000, dynamicId: wechatCode() });
    expect(pay).toMatchObject({ kind: 'ok', bizCode: 'PAY_SUCCESS' });
    const sn = pay.kind === 'ok' ? pay.data?.sn : undefined;
    expect(await driver.query({ sn })).toMatchObject({ kind: 'ok', data: { orderStatus: 'PAID', netFen: 1000 } });
    expect(await driver.query({ clientSn: paidSn })).toMatchObject({ kind: 'ok', data: { orderStatus: 'PAID' } });
    expect(await driver.refund({ clientSn: paidSn, refundRequestNo: 'R2612021015001234567', amountFen: 300, operator: '店长' })).toMatchObject({ kind: 'ok', bizCode: 'REFUND_SUCCESS' });

    const voidSn = clientSn();
    await driver.pay({ ...base, clientSn: voidSn, amountFen: 500, dynamicId: wechatCode() });
    expect(await driver.revoke({ clientSn: voidSn })).toMatchObject({ kind: 'ok', bizCode: 'CANCEL_SUCCESS' });

    for (const [payway, wallet] of [['1', 'alipay'], ['3', 'wechat'], ['17', 'unionpay']] as const) {
      const qrSn = clientSn();
      const pre = await driver.precreate({ ...base, clientSn: qrSn, amountFen: 1230, payway, subPayway: '2' });
      expect(pre).toMatchObject({ kind: 'ok', bizCode: 'PRECREATE_SUCCESS', data: { payway, netFen: 1230 } });
      expect((await control(s.url, 'POST', 'wallet-pay', { clientSn: qrSn, wallet })).status).toBe(200);
      expect(await driver.query({ clientSn: qrSn })).toMatchObject({ kind: 'ok', data: { orderStatus: 'PAID', wallet } });
    }

    const cancelSn = clientSn();
    await driver.precreate({ ...base, clientSn: cancelSn, amountFen: 800, payway: '3' });
    expect(await driver.cancel({ clientSn: cancelSn })).toMatchObject({ kind: 'ok', bizCode: 'CANCEL_SUCCESS' });

    // The unified QR: nobody opened it yet → not found (= still waiting); opened in WeChat → paid.
    const uSn = clientSn();
    const qr = await driver.unifiedQr({ ...base, clientSn: uSn, amountFen: 4560 });
    if (qr.kind !== 'ok') throw new Error(qr.message);
    expect(isOrderNotFound(await driver.query({ clientSn: uSn }))).toBe(true);
    const page = await fetch(qr.qrCode, { headers: { 'user-agent': 'Mozilla/5.0 MicroMessenger/8.0.47' } });
    expect(page.status).toBe(200);
    const action = /<form id="pay" method="post" action="([^"]+)"/.exec(await page.text())?.[1];
    const done = await fetch(s.url + (action ?? ''), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'wallet=wechat' });
    expect(await done.text()).toContain('支付成功');
    expect(await driver.query({ clientSn: uSn })).toMatchObject({ kind: 'ok', data: { orderStatus: 'PAID', wallet: 'wechat', totalFen: 4560 } });

    const checked = (await control(s.url, 'GET', 'requests')).body.requests as Array<{ op: string }>;
    expect(new Set(checked.map((r) => r.op))).toEqual(new Set(['activate', 'checkin', 'pay', 'query', 'refund', 'revoke', 'precreate', 'cancel']));
    expect((await control(s.url, 'GET', 'violations')).body.violations).toEqual([]);
  });
});
