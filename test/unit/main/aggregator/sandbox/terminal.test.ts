import { describe, expect, it } from 'vitest';
import { TEST_APP_ID, TEST_VENDOR_KEY, TEST_VENDOR_SN } from '../../../../../main/aggregator/sandbox/test-vendor';
import { sign } from '../../../../../main/aggregator/sandbox/protocol';
import { activate, postRaw, sandbox, signedPost, upay } from './helpers';

describe('sandbox signatures', () => {
  it('refuses a request whose signature does not match the raw body', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const raw = JSON.stringify({ terminal_sn: t.sn, sn: '1' });
    const forged = await postRaw(`${s.url}/upay/v2/query`, raw, `${t.sn} ${sign(raw + ' ', t.key)}`);
    expect(forged.json).toEqual({ result_code: '400', error_code: 'ILLEGAL_SIGN', error_message: '签名错误' });
    const missing = await postRaw(`${s.url}/upay/v2/query`, raw);
    expect(missing.json.error_code).toBe('ILLEGAL_SIGN');
  });

  it('verifies over the exact bytes received, whatever their formatting', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const raw = `{\n  "terminal_sn" : "${t.sn}",   "client_sn": "nope"\n}`;
    const a = await postRaw(`${s.url}/upay/v2/query`, raw, `${t.sn} ${sign(raw, t.key)}`);
    expect(a.json.result_code).toBe('200');
    expect(a.biz).toMatchObject({ result_code: 'FAIL', error_code: 'UPAY_ORDER_NOT_EXISTS' });
  });

  it('refuses an unknown terminal', async () => {
    const s = await sandbox();
    const a = await upay(s.url, { sn: '100899999999', key: 'x', deviceId: 'd' }, 'query', { sn: '1' });
    expect(a.json.error_code).toBe('INVALID_TERMINAL');
  });
});

describe('sandbox terminal lifecycle', () => {
  it('activates with the test vendor and code, giving digit terminal_sn and a key', async () => {
    const s = await sandbox();
    const a = await signedPost(s.url, '/terminal/activate', { app_id: TEST_APP_ID, code: '88888888', device_id: 'pos-1' }, TEST_VENDOR_SN, TEST_VENDOR_KEY);
    expect(a.json.result_code).toBe('200');
    expect(a.biz.data?.terminal_sn).toMatch(/^\d+$/);
    expect(a.biz.data?.terminal_key).toMatch(/^[0-9a-f]{32}$/);
    // real Upay puts the credentials straight into biz_response too
    expect((a.json.biz_response as Record<string, string>).terminal_sn).toBe(a.biz.data?.terminal_sn);
  });

  it('refuses any other activation code with 激活码不存在, and a bad vendor signature', async () => {
    const s = await sandbox();
    const bad = await signedPost(s.url, '/terminal/activate', { app_id: TEST_APP_ID, code: '12345678', device_id: 'pos-1' }, TEST_VENDOR_SN, TEST_VENDOR_KEY);
    expect(bad.json.result_code).toBe('400');
    expect(bad.json.error_message).toBe('激活码不存在');
    const forged = await signedPost(s.url, '/terminal/activate', { app_id: TEST_APP_ID, code: '88888888', device_id: 'pos-1' }, TEST_VENDOR_SN, 'wrong');
    expect(forged.json.error_code).toBe('ILLEGAL_SIGN');
  });

  it('the activation code has unlimited uses', async () => {
    const s = await sandbox();
    const sns = new Set<string>();
    for (let i = 0; i < 5; i++) sns.add((await activate(s.url, `pos-${i}`)).sn);
    expect(sns.size).toBe(5);
  });

  it('checkin rotates the key; the current and the previous key then work for every call (en/api/terminal/checkin.md)', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const c1 = await signedPost(s.url, '/terminal/checkin', { terminal_sn: t.sn, device_id: t.deviceId }, t.sn, t.key);
    const k2 = c1.biz.data?.terminal_key as string;
    expect(k2).toMatch(/^[0-9a-f]{32}$/);
    expect(k2).not.toBe(t.key);

    // both the previous and the new key sign core calls
    expect((await upay(s.url, t, 'query', { client_sn: 'x' })).json.result_code).toBe('200');
    expect((await upay(s.url, { ...t, key: k2 }, 'query', { client_sn: 'x' })).json.result_code).toBe('200');

    // the answer was "lost": retrying checkin with the old key is accepted
    const c2 = await signedPost(s.url, '/terminal/checkin', { terminal_sn: t.sn, device_id: t.deviceId }, t.sn, t.key);
    const k3 = c2.biz.data?.terminal_key as string;
    expect(k3).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set([t.key, k2, k3]).size).toBe(3);
    // now k3 is current and k2 the previous one; the first key is two rotations old
    expect((await upay(s.url, { ...t, key: k3 }, 'query', { client_sn: 'x' })).json.result_code).toBe('200');
    expect((await upay(s.url, { ...t, key: k2 }, 'query', { client_sn: 'x' })).json.result_code).toBe('200');
    expect((await upay(s.url, t, 'query', { client_sn: 'x' })).json.error_code).toBe('ILLEGAL_SIGN');
  });

  it('a key two rotations old is refused, for checkin as for every call', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const k2 = (await signedPost(s.url, '/terminal/checkin', { terminal_sn: t.sn, device_id: t.deviceId }, t.sn, t.key)).biz.data?.terminal_key as string;
    await signedPost(s.url, '/terminal/checkin', { terminal_sn: t.sn, device_id: t.deviceId }, t.sn, k2);
    const stale = await signedPost(s.url, '/terminal/checkin', { terminal_sn: t.sn, device_id: t.deviceId }, t.sn, t.key);
    expect(stale.json.error_code).toBe('ILLEGAL_SIGN');
    expect((await upay(s.url, t, 'query', { client_sn: 'x' })).json.error_code).toBe('ILLEGAL_SIGN');
  });
});
