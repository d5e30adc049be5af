import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { DEFAULT_PAYCODE_TABLE, detectPaycode, isGoodsBarcode, maskPaycode, type PaycodeRule } from '../../../../main/checkout/paycode';

describe('detectPaycode', () => {
  it.each([
    ['134567890123456789', 'wechat'],
    ['104567890123456789', 'wechat'],
    ['154567890123456789', 'wechat'],
    ['2845678901234567', 'alipay'], // 16 digits
    ['284567890123456789', 'alipay'], // 18 digits
    ['304567890123456789012345', 'alipay'], // 24 digits
    ['2545678901234567890', 'alipay'],
    ['6212345678901234567', 'unionpay'],
    ['0112345678901234567', 'ecny'],
  ] as const)('%s → %s', (code, wallet) => {
    expect(detectPaycode(code)).toEqual({ ok: true, wallet, code });
  });

  it('trims whitespace, control bytes and folds full-width digits', () => {
    expect(detectPaycode('\x02 134567890123456789\r\n')).toEqual({ ok: true, wallet: 'wechat', code: '134567890123456789' });
    expect(detectPaycode('１３４５６７８９０１２３４５６７８９')).toMatchObject({ ok: true, wallet: 'wechat' });
  });

  it('refuses empty input', () => {
    expect(detectPaycode('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(detectPaycode('  \r\n')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('refuses letters and names what was scanned', () => {
    expect(detectPaycode('ABC')).toEqual({ ok: false, reason: 'not_digits', message: '扫到的不是付款码：ABC' });
    const url = detectPaycode('https://example.com/a/very/long/url?x=1');
    expect(url).toMatchObject({ ok: false, reason: 'not_digits' });
    expect(!url.ok && url.message).toBe('扫到的不是付款码：https://example.com/a/ve…');
    expect(detectPaycode('13456789012345678X')).toMatchObject({ ok: false, reason: 'not_digits' });
  });

  it('recognises goods barcodes (EAN-13, EAN-8, UPC-A with valid check digit)', () => {
    expect(detectPaycode('6901234567892')).toEqual({
      ok: false, reason: 'goods_barcode', message: '这是商品条码（6901234567892），不是付款码',
    });
    expect(detectPaycode('96385074')).toMatchObject({ reason: 'goods_barcode' }); // EAN-8
    expect(detectPaycode('036000291452')).toMatchObject({ reason: 'goods_barcode' }); // UPC-A
  });

  it('a 13-digit code with a wrong check digit is an unknown format, shown masked', () => {
    const r = detectPaycode('6901234567891');
    expect(r).toMatchObject({ ok: false, reason: 'unknown_format' });
    expect(!r.ok && r.message).toContain('6901****7891');
    expect(!r.ok && r.message).not.toContain('6901234567891');
  });

  it.each([
    ['164567890123456789', 'WeChat length, prefix 16'],
    ['13456789012345678', '17 digits with WeChat prefix'],
    ['1345678901234567890', '19 digits with WeChat prefix'],
    ['284567890123456', 'Alipay prefix, 15 digits'],
    ['2845678901234567890123456', 'Alipay prefix, 25 digits'],
    ['314567890123456789', 'prefix 31'],
    ['621234567890123456', 'UnionPay prefix, 18 digits'],
    ['011234567890123456', 'e-CNY prefix, 18 digits'],
  ])('%s (%s) → unknown_format', (code) => {
    expect(detectPaycode(code)).toMatchObject({ ok: false, reason: 'unknown_format' });
  });

  it('is table-driven: a custom table changes the answer', () => {
    const table: PaycodeRule[] = [{ wallet: 'bestpay', minLength: 18, maxLength: 18, prefixes: ['51'], confirmed: false }];
    expect(detectPaycode('514567890123456789', table)).toMatchObject({ ok: true, wallet: 'bestpay' });
    expect(detectPaycode('134567890123456789', table)).toMatchObject({ ok: false, reason: 'unknown_format' });
    expect(DEFAULT_PAYCODE_TABLE.find((r) => r.wallet === 'ecny')?.confirmed).toBe(false);
  });
});

describe('maskPaycode', () => {
  it('keeps first 4 and last 4', () => {
    expect(maskPaycode('134567890123456789')).toBe('1345****6789');
    expect(maskPaycode('123456789')).toBe('1234****6789');
  });
  it('hides short strings entirely', () => {
    expect(maskPaycode('12345678')).toBe('****');
    expect(maskPaycode('')).toBe('****');
  });
});

describe('isGoodsBarcode', () => {
  it('checks GS1 check digits', () => {
    expect(isGoodsBarcode('4006381333931')).toBe(true);
    expect(isGoodsBarcode('4006381333932')).toBe(false);
    expect(isGoodsBarcode('40063813339')).toBe(false); // 11 digits
  });
});
