import { describe, expect, it } from 'vitest';
import {
  activate, alipayCode, control, newClientSn, orderByClientSn, payFields, sandbox, unionpayCode, upay, wechatCode,
} from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sandbox pay (B-scan-C)', () => {
  it('detects the wallet from the code and pays instantly by default', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    for (const [code, payway] of [[wechatCode(), '3'], [alipayCode(), '2'], [unionpayCode(), '17']] as const) {
      const a = await upay(s.url, t, 'pay', payFields(newClientSn(), code));
      expect(a.biz.result_code).toBe('PAY_SUCCESS');
      expect(a.biz.data).toMatchObject({ order_status: 'PAID', status: 'SUCCESS', payway, sub_payway: '1', total_amount: '1000' });
      expect(a.biz.data?.sn).toMatch(/^\d{16}$/);
    }
  });

  it('refuses a code no wallet issues with PAY_FAIL INVALID_BARCODE', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    for (const code of ['123456', '1646000000000000000', '990000000000000000']) {
      const a = await upay(s.url, t, 'pay', payFields(newClientSn(), code));
      expect(a.biz).toMatchObject({ result_code: 'PAY_FAIL', error_code: 'INVALID_BARCODE' });
    }
  });

  it('…11: password required → PAY_IN_PROGRESS, then PAID after passwordSeconds', async () => {
    const s = await sandbox({ passwordSeconds: 0.3 });
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const a = await upay(s.url, t, 'pay', payFields(clientSn, wechatCode('11')));
    expect(a.biz.result_code).toBe('PAY_IN_PROGRESS');
    expect(a.biz.data?.order_status).toBe('CREATED');
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('CREATED');
    await sleep(400);
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('PAID');
    expect((await orderByClientSn(s.url, clientSn))?.chargeCount).toBe(1);
  });

  it('…12: the customer never confirms; the order stays CREATED until the counter cancels', async () => {
    let now = Date.UTC(2026, 2, 1, 4);
    const s = await sandbox({ clock: () => now, passwordSeconds: 1 });
    const t = await activate(s.url);
    const clientSn = newClientSn();
    expect((await upay(s.url, t, 'pay', payFields(clientSn, alipayCode('12')))).biz.result_code).toBe('PAY_IN_PROGRESS');
    now += 600_000;
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('CREATED');
    const c = await upay(s.url, t, 'cancel', { client_sn: clientSn });
    expect(c.biz.result_code).toBe('CANCEL_SUCCESS');
    expect(c.biz.data?.order_status).toBe('CANCELED');
    expect((await orderByClientSn(s.url, clientSn))?.chargeCount).toBe(0);
  });

  it('…21 and …22: PAY_FAIL with 余额不足 / 付款码已过期, and the client_sn is spent', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const poor = newClientSn();
    const a = await upay(s.url, t, 'pay', payFields(poor, wechatCode('21')));
    expect(a.biz).toMatchObject({ result_code: 'PAY_FAIL', error_code: 'INSUFFICIENT_FUND', error_message: '余额不足' });
    expect(a.biz.data?.order_status).toBe('PAY_CANCELED');
    const b = await upay(s.url, t, 'pay', payFields(newClientSn(), unionpayCode('22')));
    expect(b.biz).toMatchObject({ result_code: 'PAY_FAIL', error_code: 'EXPIRED_BARCODE', error_message: '付款码已过期' });
    // a failed payment must be retried with a new client_sn
    const retry = await upay(s.url, t, 'pay', payFields(poor, wechatCode('21')));
    expect(retry.biz).toMatchObject({ result_code: 'FAIL', error_code: 'CLIENT_SN_CONFLICT' });
    expect((await orderByClientSn(s.url, poor))?.chargeCount).toBe(0);
  });

  it('…31: the customer is charged but the answer is lost; a retry returns the paid order without a second charge', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    await expect(upay(s.url, t, 'pay', payFields(clientSn, wechatCode('31')))).rejects.toThrow();
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('PAID');
    const again = await upay(s.url, t, 'pay', payFields(clientSn, wechatCode('31')));
    expect(again.biz.result_code).toBe('PAY_SUCCESS');
    expect((await orderByClientSn(s.url, clientSn))?.chargeCount).toBe(1);
  });

  it('…41: like …11, but the first cancel answers CANCEL_ERROR and a second cancel succeeds', async () => {
    const s = await sandbox({ passwordSeconds: 60 });
    const t = await activate(s.url);
    const clientSn = newClientSn();
    expect((await upay(s.url, t, 'pay', payFields(clientSn, wechatCode('41')))).biz.result_code).toBe('PAY_IN_PROGRESS');
    const first = await upay(s.url, t, 'cancel', { client_sn: clientSn });
    expect(first.biz.result_code).toBe('CANCEL_ERROR');
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('CREATED');
    const second = await upay(s.url, t, 'cancel', { client_sn: clientSn });
    expect(second.biz.result_code).toBe('CANCEL_SUCCESS');
    expect(second.biz.data?.order_status).toBe('CANCELED');
  });

  it('paycode overrides the behaviour of one exact code', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const code = wechatCode('55');
    expect((await control(s.url, 'POST', 'paycode', { code, behaviour: 'insufficient_fund' })).status).toBe(200);
    expect((await upay(s.url, t, 'pay', payFields(newClientSn(), code))).biz.error_code).toBe('INSUFFICIENT_FUND');
    expect((await upay(s.url, t, 'pay', payFields(newClientSn(), wechatCode('56')))).biz.result_code).toBe('PAY_SUCCESS');
    expect((await control(s.url, 'POST', 'paycode', { code, behaviour: 'nonsense' })).status).toBe(400);
  });

  it('wallet-pay confirms the password of a pending barcode order', async () => {
    const s = await sandbox({ passwordSeconds: 600 });
    const t = await activate(s.url);
    const clientSn = newClientSn();
    await upay(s.url, t, 'pay', payFields(clientSn, wechatCode('12')));
    expect((await control(s.url, 'POST', 'wallet-pay', { clientSn, wallet: 'wechat' })).status).toBe(200);
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('PAID');
  });
});

describe('sandbox client_sn rules', () => {
  it('the same request repeated for an in-progress or paid order returns that order, charging once', async () => {
    const s = await sandbox({ passwordSeconds: 0.2 });
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const first = await upay(s.url, t, 'pay', payFields(clientSn, wechatCode('11')));
    const repeat = await upay(s.url, t, 'pay', payFields(clientSn, wechatCode('11')));
    expect(repeat.biz.result_code).toBe('PAY_IN_PROGRESS');
    expect(repeat.biz.data?.sn).toBe(first.biz.data?.sn);
    await sleep(300);
    const later = await upay(s.url, t, 'pay', payFields(clientSn, wechatCode('11')));
    expect(later.biz.result_code).toBe('PAY_SUCCESS');
    expect(later.biz.data?.sn).toBe(first.biz.data?.sn);
    const all = (await control(s.url, 'GET', 'orders')).body.orders as unknown[];
    expect(all).toHaveLength(1);
    expect((await orderByClientSn(s.url, clientSn))?.chargeCount).toBe(1);
  });

  it('a different amount or a different code under the same client_sn is a CLIENT_SN_CONFLICT', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    await upay(s.url, t, 'pay', payFields(clientSn, wechatCode(), '1000'));
    expect((await upay(s.url, t, 'pay', payFields(clientSn, wechatCode(), '1001'))).biz.error_code).toBe('CLIENT_SN_CONFLICT');
    expect((await upay(s.url, t, 'pay', payFields(clientSn, alipayCode(), '1000'))).biz.error_code).toBe('CLIENT_SN_CONFLICT');
    expect((await orderByClientSn(s.url, clientSn))?.chargeCount).toBe(1);
  });

  it('refuses a request with missing or non-fen amount as INVALID_PARAMS', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const a = await upay(s.url, t, 'pay', payFields(newClientSn(), wechatCode(), '12.30'));
    expect(a.json).toMatchObject({ result_code: '400', error_code: 'INVALID_PARAMS' });
  });
});
