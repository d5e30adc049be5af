/** The unified QR: the WAP gateway URL, signed as zh-cn/api/wap2.md says. */
import { describe, expect, it } from 'vitest';
import { buildUnifiedQrUrl, wapSign } from '../../../../../main/aggregator/upay/wap-gateway';
import { makeDriver } from './harness';
import { memoryStore, TERMINAL } from './replay';

describe('wapSign (zh-cn/api/wap2.md 签名规则)', () => {
  it("matches the doc's PHP sample: sorted k=v, &key=…, md5, upper case", () => {
    const params = { total_amount: '3', terminal_sn: 'test', subject: 'TEST', return_url: 'test', operator: 'TEST', client_sn: 'test' };
    // strtoupper(md5("client_sn=test&operator=TEST&return_url=test&subject=TEST&terminal_sn=test&total_amount=3&key=test"))
    expect(wapSign(params, 'test')).toBe('D5AFC533FFD5EE8DA62A96661D636FF7');
  });

  it("matches the doc's 例: client_sn=123&terminal_sn=123&total_amount=1 and leaves sign/sign_type out", () => {
    const params = { terminal_sn: '123', client_sn: '123', total_amount: '1', sign: 'X', sign_type: 'MD5' };
    expect(wapSign(params, '19b820737ace6937a7808c')).toBe('537B0BEB5CDC3688D7B97D90BB55C001');
  });
});

describe('buildUnifiedQrUrl', () => {
  const target = { gatewayUrl: 'https://qr.shouqianba.com/gateway', returnUrl: 'https://www.shouqianba.com', terminalSn: '100800000001', terminalKey: 'k1' };

  it('puts every documented parameter in the URL, URL-encoded, and signs the raw values', () => {
    const r = buildUnifiedQrUrl(target, { clientSn: 'YM20261202101500123456', amountFen: 1250, subject: '一码小店 收款', operator: '收银员 A&B' });
    if (!r.ok) throw new Error(r.message);
    const u = new URL(r.url);
    expect(`${u.origin}${u.pathname}`).toBe('https://qr.shouqianba.com/gateway');
    expect([...u.searchParams.keys()]).toEqual(['client_sn', 'operator', 'return_url', 'subject', 'terminal_sn', 'total_amount', 'sign']);
    const raw = Object.fromEntries([...u.searchParams.entries()].filter(([k]) => k !== 'sign'));
    expect(raw).toEqual({ client_sn: 'YM20261202101500123456', operator: '收银员 A&B', return_url: 'https://www.shouqianba.com', subject: '一码小店 收款', terminal_sn: '100800000001', total_amount: '1250' });
    expect(u.searchParams.get('sign')).toBe(wapSign(raw, 'k1'));
    expect(r.url).not.toContain('收'); // encoded in the URL
  });

  it('refuses what the doc does not allow, before anything is shown', () => {
    const base = { clientSn: 'YM1', amountFen: 100, subject: 's', operator: 'o' };
    expect(buildUnifiedQrUrl(target, { ...base, clientSn: 'x'.repeat(33) })).toMatchObject({ ok: false, message: expect.stringContaining('client_sn') });
    expect(buildUnifiedQrUrl(target, { ...base, subject: '字'.repeat(65) })).toMatchObject({ ok: false, message: expect.stringContaining('subject') });
    expect(buildUnifiedQrUrl(target, { ...base, operator: 'o'.repeat(33) })).toMatchObject({ ok: false, message: expect.stringContaining('operator') });
    expect(buildUnifiedQrUrl(target, { ...base, amountFen: 0 })).toMatchObject({ ok: false, message: expect.stringContaining('total_amount') });
    expect(buildUnifiedQrUrl(target, { ...base, amountFen: 12.5 })).toMatchObject({ ok: false });
    expect(buildUnifiedQrUrl({ ...target, returnUrl: `https://x.cn/${'a'.repeat(120)}` }, base)).toMatchObject({ ok: false, message: expect.stringContaining('return_url') });
  });
});

describe('driver.unifiedQr', () => {
  it('builds the URL with the stored terminal, without any network call', async () => {
    const driver = makeDriver(() => Promise.reject(new Error('no network expected')), memoryStore({ ...TERMINAL }), { gatewayUrl: 'http://127.0.0.1:9/gateway', returnUrl: 'https://shop.example/done' });
    const r = await driver.unifiedQr({ clientSn: 'YM1', amountFen: 100, subject: 'pizza', operator: 'Obama' });
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const u = new URL(r.qrCode);
    expect(u.pathname).toBe('/gateway');
    expect(u.searchParams.get('terminal_sn')).toBe(TERMINAL.terminalSn);
    expect(u.searchParams.get('return_url')).toBe('https://shop.example/done');
  });

  it('without an activated terminal: a definite refusal', async () => {
    const driver = makeDriver(() => Promise.reject(new Error('no network expected')), memoryStore(null));
    expect(await driver.unifiedQr({ clientSn: 'YM1', amountFen: 100, subject: 'pizza', operator: 'Obama' })).toMatchObject({ kind: 'rejected', errorCode: 'INVALID_TERMINAL' });
  });
});
