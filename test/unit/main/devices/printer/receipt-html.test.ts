import { describe, expect, it } from 'vitest';
import { renderReceiptHtml } from '../../../../../main/devices/printer/receipt-html';
import { SALE, SHIFT } from './fixtures';

describe('renderReceiptHtml', () => {
  it('renders the sale for the OS printer with the order QR as inline SVG', () => {
    const html = renderReceiptHtml({ ...SALE, shop: { name: '<b>店</b>' }, marks: ['reprint'] });
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('&lt;b&gt;店&lt;/b&gt;');
    expect(html).toContain('微信支付');
    expect(html).toContain('￥12.30');
    expect(html).toContain('1345**********6789');
    expect(html).toContain('重打印 REPRINT');
    expect(html).toContain('data-payload="7894259244096188"');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
  });
  it('uses 58 mm paper for 32 columns', () => {
    expect(renderReceiptHtml(SHIFT, { width: 32 })).toContain('size: 58mm auto');
  });
});
