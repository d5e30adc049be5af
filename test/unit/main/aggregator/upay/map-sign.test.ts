import { describe, expect, it } from 'vitest';
import { mapOrder, walletOf } from '../../../../../main/aggregator/upay/map-order';
import { serializeBody, upayHeaders, upaySign } from '../../../../../main/aggregator/upay/sign';

describe('payway → wallet', () => {
  it.each([
    ['1', 'alipay'], ['2', 'alipay'], ['3', 'wechat'], ['17', 'unionpay'], ['18', 'bestpay'], ['19', 'wechat'], // 19 = 微信境外, not e-CNY (payment-protocols.md §1.6b)
    ['4', 'other'], ['', 'other'], [undefined, 'other'],
  ] as const)('%s → %s', (payway, wallet) => {
    expect(walletOf(payway)).toBe(wallet);
  });
});

describe('sign', () => {
  it('is lower-case md5 of body then key, over UTF-8 bytes', () => {
    expect(upaySign('', '')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(upaySign('ab', 'c')).toBe('900150983cd24fb0d6963f7d28e17f72'); // md5("abc")
    expect(upaySign('{"s":"收"}', 'k')).toBe('82a8059010c0587c16d661a51885f7ba'); // UTF-8, not latin1
    expect(upayHeaders('ab', '123', 'c')).toEqual({ 'Content-Type': 'application/json', Authorization: '123 900150983cd24fb0d6963f7d28e17f72' });
  });

  it('serializeBody drops undefined fields and keeps insertion order', () => {
    expect(serializeBody({ b: '1', a: undefined, c: '收' })).toBe('{"b":"1","c":"收"}');
  });
});

describe('mapOrder', () => {
  const base = { sn: '1', client_sn: 'c', order_status: 'PAID', total_amount: '100' };
  it('rejects amounts and times that are not integer strings', () => {
    expect(mapOrder({ ...base, total_amount: '1e3' })).toMatchObject({ ok: false });
    expect(mapOrder({ ...base, net_amount: '' })).toMatchObject({ ok: false });
    expect(mapOrder({ ...base, finish_time: '2025-01-01' })).toMatchObject({ ok: false });
    expect(mapOrder({ ...base, order_status: '' })).toMatchObject({ ok: false });
  });
  it('maps a minimal order', () => {
    expect(mapOrder(base)).toEqual({ ok: true, order: { sn: '1', clientSn: 'c', orderStatus: 'PAID', wallet: 'other', totalFen: 100, raw: base } });
  });
});
