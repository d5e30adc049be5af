import { describe, it } from 'vitest';
import { expect } from '../../../../support/zh-expect';
import { labelValue, textWidth, toPrinterText, wrapText } from '../../../../../main/devices/printer/text-width';
import { decodeStatusBytes, isStatusByte } from '../../../../../main/devices/printer/printer-status';
import { maskPaymentCode, formatReceiptTime } from '../../../../../main/devices/printer/receipt-format';

describe('column arithmetic', () => {
  it('counts Chinese as two columns and maps ¥ to the GBK full-width ￥', () => {
    expect(textWidth('微信支付')).toBe(8);
    expect(textWidth('ab')).toBe(2);
    expect(toPrinterText('¥12.30\t😀')).toBe('￥12.30 ?');
  });
  it('wraps mixed text without exceeding the width, breaking long words', () => {
    for (const w of [32, 48]) {
      const lines = wrapText('一码收银 Yima cashier 聚合支付 ' + 'A'.repeat(70) + ' 结束', w);
      for (const l of lines) expect(textWidth(l)).toBeLessThanOrEqual(w);
      expect(lines.join('')).toContain('结束');
    }
  });
  it('label/value on one line when it fits, else the value right-aligned below', () => {
    expect(labelValue('终端', 'T1', 10)).toEqual(['终端    T1']);
    expect(labelValue('商户单号', 'X'.repeat(30), 32)).toEqual(['商户单号', '  ' + 'X'.repeat(30)]);
  });
  it('masks payment codes and formats China time', () => {
    expect(maskPaymentCode('134567890123456789')).toBe('1345**********6789');
    expect(maskPaymentCode('1345****6789')).toBe('1345****6789');
    expect(maskPaymentCode('123456')).toBe('**3456');
    expect(formatReceiptTime(Date.UTC(2024, 11, 31, 16, 0, 1), 480)).toBe('2025-01-01 00:00:01');
    // Without an offset: the PC's own clock, like the screen.
    const at = Date.UTC(2024, 11, 31, 16, 0, 1);
    const local = new Date(at);
    expect(formatReceiptTime(at)).toBe(`${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')} ${String(local.getHours()).padStart(2, '0')}:00:01`);
  });
});

describe('DLE EOT status bytes', () => {
  it('recognises status bytes by their fixed bits', () => {
    expect(isStatusByte(0x12)).toBe(true);
    expect(isStatusByte(0x16)).toBe(true);
    expect(isStatusByte(0x41)).toBe(false);
  });
  it('decodes ok, offline, cover open, paper end, near end', () => {
    expect(decodeStatusBytes({ printer: 0x16, cause: 0x12, paper: 0x12 })).toMatchObject({ state: 'ok', message: '打印机正常' });
    expect(decodeStatusBytes({ printer: 0x1e, cause: 0x12, paper: 0x12 })).toMatchObject({ state: 'offline', message: '打印机离线' });
    expect(decodeStatusBytes({ printer: 0x1e, cause: 0x16, paper: 0x12 })).toMatchObject({ state: 'cover_open', message: '打印机盖未关' });
    expect(decodeStatusBytes({ printer: 0x1e, cause: 0x32, paper: 0x72 })).toMatchObject({ state: 'paper_out', message: '打印机缺纸' });
    expect(decodeStatusBytes({ printer: 0x16, cause: 0x12, paper: 0x1e })).toMatchObject({ state: 'ok', nearEnd: true, message: '打印纸将用尽' });
    expect(decodeStatusBytes({})).toMatchObject({ state: 'unknown', message: '打印机状态未知' });
  });
});
