import { describe, expect, it } from 'vitest';
import { layoutReceipt } from '../../../../../main/devices/printer/receipt-layout';
import { receiptPlainText, receiptText } from '../../../../../main/devices/printer/receipt-text';
import { textWidth } from '../../../../../main/devices/printer/text-width';
import { SALE } from './fixtures';

describe('receiptText (the on-screen preview)', () => {
  for (const width of [32, 48] as const) {
    it(`places every line within ${width} columns, Chinese counting two`, () => {
      const lines = receiptText(layoutReceipt(SALE, width), width);
      for (const l of lines) if (l.kind === 'text') expect(textWidth(l.text), l.text).toBeLessThanOrEqual(width);
      expect(lines.filter((l) => l.kind === 'qr')).toEqual([{ kind: 'qr', data: SALE.sn }]);
    });
  }

  it('centres, right-aligns and keeps bold / double-height', () => {
    const lines = receiptText([
      { kind: 'text', text: '收款', align: 'center', bold: true, doubleHeight: true },
      { kind: 'text', text: 'ab', align: 'right' },
      { kind: 'rule', char: '=' },
      { kind: 'feed', lines: 1 },
      { kind: 'cut' },
    ], 32);
    expect(lines).toEqual([
      { kind: 'text', text: `${' '.repeat(14)}收款`, bold: true, big: true },
      { kind: 'text', text: `${' '.repeat(30)}ab` },
      { kind: 'text', text: '='.repeat(32) },
      { kind: 'text', text: '' },
    ]);
  });

  it('shows the amount as the GBK printer prints it (￥) and the QR payload in plain text', () => {
    const text = receiptPlainText(layoutReceipt(SALE, 48), 48);
    expect(text).toContain('￥12.30');
    expect(text).toContain(`[QR] ${SALE.sn}`);
  });
});
