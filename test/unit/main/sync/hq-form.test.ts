/** The engineer's head-office form: the password never stays in the URL, and mistakes are named. */
import { describe, expect, it } from 'vitest';
import { parseHqForm } from '../../../../main/sync/hq-form';

const base = { enabled: true, url: 'postgres://yima_store_s001@hq.example.com:5432/yima', password: 'pw-123456789012', storeId: 'S001', storeName: '南京西路店' };
const codes = (r: ReturnType<typeof parseHqForm>) => (r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v.code])));

describe('head office form', () => {
  it('accepts a store role URL and keeps the password apart', () => {
    const r = parseHqForm(base, false);
    expect(r).toEqual({ ok: true, value: { enabled: true, url: base.url, password: base.password, storeId: 'S001', storeName: '南京西路店' } });
  });

  it('moves a password typed into the URL out of it', () => {
    const r = parseHqForm({ ...base, url: 'postgres://yima_store_s001:s3cr%40t@hq.example.com/yima?sslmode=require', password: '' }, false);
    expect(r.ok && r.value).toEqual({ enabled: true, url: 'postgres://yima_store_s001@hq.example.com/yima?sslmode=require', password: 's3cr@t', storeId: 'S001', storeName: '南京西路店' });
    expect(codes(parseHqForm({ ...base, url: 'postgres://u:p@h/db' }, false))).toEqual({ password: 'hq.passwordTwice' });
  });

  it('names a bad URL, a missing role, an unknown sslmode and a bad store id', () => {
    expect(codes(parseHqForm({ ...base, url: 'mysql://u@h/db' }, false))).toEqual({ url: 'hq.urlInvalid' });
    expect(codes(parseHqForm({ ...base, url: 'postgres://hq.example.com/yima' }, false))).toEqual({ url: 'hq.urlNoUser' });
    expect(codes(parseHqForm({ ...base, url: `${base.url}?sslmode=allow` }, false))).toEqual({ url: 'hq.sslmodeInvalid' });
    expect(codes(parseHqForm({ ...base, storeId: '门店1' }, false))).toEqual({ storeId: 'hq.storeIdInvalid' });
  });

  it('needs URL, store id and a password only to turn sync on; a stored password is enough', () => {
    const blank = { enabled: true, url: '', password: '', storeId: '', storeName: '' };
    expect(codes(parseHqForm(blank, false))).toEqual({ url: 'setup.required', storeId: 'setup.required', password: 'hq.passwordRequired' });
    expect(codes(parseHqForm({ ...base, password: '' }, true))).toEqual({});
    expect(parseHqForm({ ...blank, enabled: false }, false).ok).toBe(true);
  });
});
