/** GET /gateway: the WAP cashier behind the unified QR (zh-cn/api/wap2.md). */
import { describe, expect, it } from 'vitest';
import { createUpayDriver } from '../../../../../main/aggregator/upay';
import { activate, control, newClientSn, sandbox, upay, type Terminal } from './helpers';

const WECHAT_UA = 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Mobile Safari/537.36 MicroMessenger/8.0.47.2560';
const ALIPAY_UA = 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Mobile Safari/537.36 AlipayClient/10.5.36';
const UNIONPAY_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (com.unionpay.chsp) (cordova 4.5.4) (updebug 0) (version 1010) (UnionPay/1.0 CloudPay)';

/** The URL the counter's driver puts in the QR. */
async function gatewayUrl(base: string, t: Terminal, clientSn: string, amountFen = 1230): Promise<string> {
  const driver = createUpayDriver({
    baseUrl: base, gatewayUrl: `${base}/gateway`, vendor: { sn: '', key: '', appId: '' }, deviceId: t.deviceId,
    credentials: { get: () => ({ terminalSn: t.sn, terminalKey: t.key, deviceId: t.deviceId }), set: () => undefined },
  });
  const r = await driver.unifiedQr({ clientSn, amountFen, subject: '一码小店 收款', operator: '收银员' });
  if (r.kind !== 'ok') throw new Error(JSON.stringify(r));
  return r.qrCode;
}

async function open(url: string, ua?: string): Promise<{ status: number; html: string; url: string }> {
  const res = await fetch(url, { headers: ua ? { 'user-agent': ua } : {} });
  return { status: res.status, html: await res.text(), url: res.url };
}

async function confirm(html: string, base: string, wallet: string): Promise<string> {
  const action = /<form id="pay" method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error('no pay form');
  const res = await fetch(base + action, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `wallet=${wallet}` });
  return res.text();
}

describe('sandbox /gateway', () => {
  it('before anyone opens the URL the order does not exist; opening it creates the order (query finds it)', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const url = await gatewayUrl(s.url, t, clientSn);
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz).toMatchObject({ result_code: 'FAIL', error_code: 'UPAY_ORDER_NOT_EXISTS' });
    const page = await open(url, WECHAT_UA);
    expect(page.status).toBe(200);
    expect(page.html).toContain('¥12.30');
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data).toMatchObject({ order_status: 'CREATED', payway: '3', sub_payway: '3', net_amount: '1230', total_amount: '1230' });
  });

  it.each([
    [WECHAT_UA, 'wechat', '3'], [ALIPAY_UA, 'alipay', '2'], [UNIONPAY_UA, 'unionpay', '17'],
  ] as const)('the wallet comes from the User-Agent: only that wallet can confirm (%#)', async (ua, wallet, payway) => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const page = await open(await gatewayUrl(s.url, t, clientSn), ua);
    const enabled = [...page.html.matchAll(/<button type="button" class="wallet" data-wallet="(\w+)" aria-pressed="true">/g)].map((m) => m[1]);
    expect(enabled).toEqual([wallet]);
    expect(await confirm(page.html, s.url, wallet)).toContain('支付成功');
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data).toMatchObject({ order_status: 'PAID', payway });
  });

  it('a plain browser gets the wallet page with the choice of three wallets', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const page = await open(await gatewayUrl(s.url, t, clientSn));
    for (const label of ['微信支付', '支付宝', '云闪付']) expect(page.html).toMatch(new RegExp(`<button type="button" class="wallet" data-wallet="\\w+" aria-pressed="false">${label}</button>`));
    expect(await confirm(page.html, s.url, 'alipay')).toContain('支付成功');
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data).toMatchObject({ order_status: 'PAID', payway: '2' });
    // opening the same URL again shows the paid order, it does not create another one
    expect((await open(await gatewayUrl(s.url, t, clientSn))).html).toContain('支付成功');
  });

  it('refuses a tampered URL, a lower-case sign and a missing return_url, with a clear page, and records them', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const url = await gatewayUrl(s.url, t, newClientSn(), 100);
    const tampered = await open(url.replace('total_amount=100', 'total_amount=1'));
    expect(tampered.status).toBe(400);
    expect(tampered.html).toContain('签名错误');
    const sign = new URL(url).searchParams.get('sign') as string;
    const lower = await open(url.replace(sign, sign.toLowerCase()));
    expect(lower.html).toContain('sign 须为大写');
    const noReturn = await open(url.replace(/return_url=[^&]*&/, ''));
    expect(noReturn.html).toContain('return_url');
    const v = (await control(s.url, 'GET', 'violations')).body.violations as Array<Record<string, unknown>>;
    expect(v.map((x) => [x.op, x.field, x.source])).toEqual([
      ['gateway', 'sign', 'zh-cn/api/wap2.md'], ['gateway', 'sign', 'zh-cn/api/wap2.md'], ['gateway', 'return_url', 'zh-cn/api/wap2.md'],
    ]);
    expect((await upay(s.url, t, 'query', { client_sn: new URL(url).searchParams.get('client_sn') as string })).biz.error_code).toBe('UPAY_ORDER_NOT_EXISTS');
  });

  it('late payment: the counter cancelled before anyone opened the URL (not found), the URL still pays later', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const url = await gatewayUrl(s.url, t, clientSn);
    expect((await upay(s.url, t, 'cancel', { client_sn: clientSn })).biz.error_code).toBe('UPAY_ORDER_NOT_EXISTS');
    const page = await open(url, WECHAT_UA);
    expect(await confirm(page.html, s.url, 'wechat')).toContain('支付成功');
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('PAID');
  });

  it('an order the counter cancelled after it was opened stays cancelled when the URL is opened again', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const url = await gatewayUrl(s.url, t, clientSn);
    await open(url, WECHAT_UA);
    expect((await upay(s.url, t, 'cancel', { client_sn: clientSn })).biz.result_code).toBe('CANCEL_SUCCESS');
    const again = await open(url, WECHAT_UA);
    expect(again.html).toContain('订单已取消');
    expect(again.html).not.toContain('确认支付');
  });
});
