import { describe, expect, it } from 'vitest';
import { activate, control, newClientSn, orderByClientSn, precreateFields, sandbox, upay } from './helpers';

async function page(url: string, init?: RequestInit): Promise<{ status: number; html: string; url: string }> {
  const res = await fetch(url, init);
  return { status: res.status, html: await res.text(), url: res.url };
}

const form = (fields: Record<string, string>): RequestInit => ({
  method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
});

describe('sandbox precreate (C-scan-B)', () => {
  it('precreate → customer pays with a wallet → query says PAID', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const pre = await upay(s.url, t, 'precreate', precreateFields(clientSn, '1230', '1'));
    expect(pre.biz.result_code).toBe('PRECREATE_SUCCESS');
    const data = pre.biz.data as Record<string, string>;
    expect(data.sn).toMatch(/^\d{16}$/);
    expect(data).toMatchObject({ client_sn: clientSn, order_status: 'CREATED', total_amount: '1230' });
    expect(data.qr_code?.startsWith(`${s.url}/qr/`)).toBe(true);
    expect(Object.values(data).every((v) => typeof v === 'string')).toBe(true);

    expect((await upay(s.url, t, 'query', { sn: data.sn as string })).biz.data?.order_status).toBe('CREATED');
    const paid = await control(s.url, 'POST', 'wallet-pay', { sn: data.sn, wallet: 'alipay' });
    expect(paid.status).toBe(200);
    const q = await upay(s.url, t, 'query', { client_sn: clientSn });
    expect(q.biz.result_code).toBe('SUCCESS');
    expect(q.biz.data).toMatchObject({ order_status: 'PAID', status: 'SUCCESS', payway: '1', net_amount: '1230' });
    expect(q.biz.data?.trade_no).toBeTruthy();
    expect((await orderByClientSn(s.url, clientSn))?.chargeCount).toBe(1);
    // paying twice is refused: the customer is charged once
    expect((await control(s.url, 'POST', 'wallet-pay', { clientSn, wallet: 'wechat' })).status).toBe(409);
  });

  it('the wallet page shows the amount and three wallet buttons, and paying through its form works', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const pre = await upay(s.url, t, 'precreate', precreateFields(clientSn, '1230', '17'));
    const qr = pre.biz.data?.qr_code as string;
    const before = await page(qr);
    expect(before.status).toBe(200);
    expect(before.html).toContain('<title>收银台 · Yima Sandbox</title>');
    expect(before.html).toContain('¥12.30');
    for (const label of ['微信支付', '支付宝', '云闪付']) expect(before.html).toMatch(new RegExp(`<button[^>]*>${label}</button>`));
    expect(before.html).toMatch(/<button type="submit" id="confirm">确认支付<\/button>/);
    expect(before.html).toMatch(/<button[^>]*>取消<\/button>/);
    expect(before.html).not.toMatch(/<(?:link|img)|src=/); // no external assets

    const after = await page(`${qr}/pay`, form({ wallet: 'unionpay' })); // fetch follows the 303
    expect(after.url).toBe(qr);
    expect(after.html).toContain('支付成功');
    expect(after.html).toContain('云闪付');
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data).toMatchObject({ order_status: 'PAID', payway: '17' });
  });

  it('the customer cancelling on the page ends the order PAY_CANCELED', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const qr = (await upay(s.url, t, 'precreate', precreateFields(clientSn))).biz.data?.qr_code as string;
    const after = await page(`${qr}/cancel`, form({}));
    expect(after.html).toContain('订单已取消');
    expect(after.html).not.toContain('确认支付');
    const q = await upay(s.url, t, 'query', { client_sn: clientSn });
    expect(q.biz.data).toMatchObject({ order_status: 'PAY_CANCELED', status: 'FAIL_CANCELED' });
  });

  it('a QR order nobody pays expires after qrExpirySeconds (TRADE_TIMEOUT) and the page says so', async () => {
    let now = Date.UTC(2026, 2, 1, 4, 0, 0);
    const s = await sandbox({ clock: () => now, qrExpirySeconds: 30 });
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const qr = (await upay(s.url, t, 'precreate', precreateFields(clientSn))).biz.data?.qr_code as string;
    now += 29_000;
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('CREATED');
    now += 2_000;
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data).toMatchObject({ order_status: 'PAY_CANCELED', status: 'FAIL_CANCELED' });
    expect((await orderByClientSn(s.url, clientSn))?.errorCode).toBe('TRADE_TIMEOUT');
    expect((await page(qr)).html).toContain('二维码已过期');
    expect((await control(s.url, 'POST', 'wallet-pay', { clientSn, wallet: 'wechat' })).status).toBe(409);
  });

  it('config changes the expiry of new QR orders over the control API', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const cfg = await control(s.url, 'POST', 'config', { qrExpirySeconds: 0.2 });
    expect(cfg.body.config).toEqual({ qrExpirySeconds: 0.2, passwordSeconds: 5 });
    const clientSn = newClientSn();
    await upay(s.url, t, 'precreate', precreateFields(clientSn));
    await new Promise((r) => setTimeout(r, 300));
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('PAY_CANCELED');
  });

  it('a QR for one payway can only be paid with that wallet', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const pre = await upay(s.url, t, 'precreate', { ...precreateFields(clientSn), payway: '3' });
    expect(pre.biz.data?.payway).toBe('3');
    const html = (await page(pre.biz.data?.qr_code as string)).html;
    expect(html).toMatch(/data-wallet="alipay"[^>]*disabled/);
    const wrong = await control(s.url, 'POST', 'wallet-pay', { clientSn, wallet: 'alipay' });
    expect(wrong.status).toBe(409);
    expect(wrong.body.error).toContain('微信支付');
    expect((await control(s.url, 'POST', 'wallet-pay', { clientSn, wallet: 'wechat' })).status).toBe(200);
  });

  it('repeating a precreate returns the same order; a different amount is a CLIENT_SN_CONFLICT', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const a = await upay(s.url, t, 'precreate', precreateFields(clientSn, '500'));
    const b = await upay(s.url, t, 'precreate', precreateFields(clientSn, '500'));
    expect(b.biz.result_code).toBe('PRECREATE_SUCCESS');
    expect(b.biz.data?.sn).toBe(a.biz.data?.sn);
    expect(b.biz.data?.qr_code).toBe(a.biz.data?.qr_code);
    const c = await upay(s.url, t, 'precreate', precreateFields(clientSn, '501'));
    expect(c.biz).toMatchObject({ result_code: 'FAIL', error_code: 'CLIENT_SN_CONFLICT' });
  });

  it('an unknown QR token shows 二维码无效', async () => {
    const s = await sandbox();
    const p = await page(`${s.url}/qr/deadbeef`);
    expect(p.status).toBe(404);
    expect(p.html).toContain('二维码无效');
  });
});
