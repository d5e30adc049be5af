import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeReceipt } from '../../../../../main/devices/printer/escpos-encoder';
import { layoutReceipt } from '../../../../../main/devices/printer/receipt-layout';
import { textWidth } from '../../../../../main/devices/printer/text-width';
import type { ReceiptDoc, ReceiptWidth } from '../../../../../main/devices/printer/receipt-types';
import { ALL_DOCS, GS_CUT_PARTIAL, REFUND, SALE, SHIFT, TEST_PAGE, VOID, countSeq, printedText, qrPayloads } from './fixtures';

const WIDTHS: ReceiptWidth[] = [32, 48];
const bytesOf = (doc: ReceiptDoc, width: ReceiptWidth) => encodeReceipt(layoutReceipt(doc, width), { width });

describe.each(WIDTHS)('ESC/POS receipts at %i columns', (width) => {
  it.each(ALL_DOCS.map((d) => [d.kind, d] as const))('%s: init, Chinese mode, cut, no line wider than the paper, golden', async (kind, doc) => {
    const bytes = bytesOf(doc, width);
    expect([...bytes.subarray(0, 4)]).toEqual([0x1b, 0x40, 0x1c, 0x26]); // ESC @, FS &
    expect(countSeq(bytes, GS_CUT_PARTIAL)).toBe(1);
    const text = printedText(bytes);
    for (const line of text.split('\n')) expect(textWidth(line), line).toBeLessThanOrEqual(width);
    expect(text).toContain('一码便利店');
    expect(text).toContain('谢谢惠顾，欢迎再来');
    expect(text).toContain('张三');
    expect(text).toContain('T100200300');
    expect(text).toContain('2024-05-01 13:45:09');
    await expect(`${bytes.length} bytes\n${bytes.toString('hex').replace(/(.{64})/g, '$1\n')}\n---\n${text}`)
      .toMatchFileSnapshot(`./__golden__/${kind}-${width}.txt`);
  });

  it('sale: amount, wallet, masked code, order numbers, native QR with the aggregator sn, bold double-height total, < 2 KB', () => {
    const bytes = bytesOf(SALE, width);
    const text = printedText(bytes);
    expect(text).toContain('￥12.30'); // "¥" is not in GBK; the printer gets the full-width ￥ (A3 A4)
    expect(text).toContain('微信支付');
    expect(text).toContain('1345**********6789');
    expect(text).not.toContain('134567890123456789');
    expect(text).toContain('7894259244096188');
    expect(text).toContain('20240501134509-0001-AB12');
    expect(text).toContain('收款凭证');
    expect(qrPayloads(bytes)).toEqual(['7894259244096188']);
    expect(bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]))).toBeGreaterThan(0); // print symbol
    expect(bytes.indexOf(Buffer.from([0x1d, 0x38, 0x4c]))).toBe(-1); // no raster image (GS 8 L)
    const at = bytes.indexOf(iconv.encode('实收金额', 'gbk'));
    // bold + double height for alphanumerics (ESC !), Chinese (FS !, Kanji mode bit 3) and all (GS !), then ESC E
    expect([...bytes.subarray(at - 12, at)]).toEqual([0x1b, 0x21, 0x18, 0x1c, 0x21, 0x08, 0x1d, 0x21, 0x01, 0x1b, 0x45, 0x01]);
    const after = bytes.indexOf(Buffer.from([0x0a]), at) + 1; // the next line is back to normal size
    expect([...bytes.subarray(after, after + 9)]).toEqual([0x1b, 0x21, 0x00, 0x1c, 0x21, 0x00, 0x1d, 0x21, 0x00]);
    expect(printedText(bytes.subarray(at, at + 80))).toMatch(/^实收金额\s+￥12\.30\n/);
    expect(bytes.length).toBeLessThan(2048);
  });

  it('sale without an aggregator sn: the QR carries client_sn', () => {
    const bytes = bytesOf({ ...SALE, sn: undefined } as ReceiptDoc, width);
    expect(qrPayloads(bytes)).toEqual(['20240501134509-0001-AB12']);
  });

  it('reprint and recovered marks', () => {
    const text = printedText(bytesOf({ ...SALE, marks: ['reprint', 'recovered'] }, width));
    expect(text).toContain('重打印 REPRINT');
    expect(text).toContain('恢复补打');
    expect(printedText(bytesOf(SALE, width))).not.toContain('REPRINT');
  });

  it('refund, void, shift close and test page say what they are', () => {
    const r = printedText(bytesOf(REFUND, width));
    expect(r).toMatch(/退款凭证[\s\S]*支付宝[\s\S]*R20240501-0001[\s\S]*￥12\.30[\s\S]*退款金额\s+￥5\.00/);
    const v = printedText(bytesOf(VOID, width));
    expect(v).toMatch(/撤销凭证[\s\S]*云闪付[\s\S]*撤销金额\s+￥12\.30/);
    const z = printedText(bytesOf(SHIFT, width));
    for (const w of ['微信支付', '支付宝', '云闪付', '数字人民币', '现金']) expect(z).toContain(w);
    expect(z).toMatch(/收款合计 25 笔\s+￥751\.00/);
    expect(z).toMatch(/退款合计 1 笔\s+-￥5\.00/);
    expect(z).toMatch(/净收\s+￥746\.00/);
    const t = bytesOf(TEST_PAGE, width);
    expect(printedText(t)).toContain('打印机测试页');
    expect(qrPayloads(t)).toEqual(['YIMA-TEST']);
  });

  it('a long shop name and long item names wrap instead of overflowing', () => {
    const doc: ReceiptDoc = { ...SALE, shop: { name: '超'.repeat(40) }, items: [{ name: 'X'.repeat(100), amountFen: 1 }] };
    const text = printedText(bytesOf(doc, width));
    for (const line of text.split('\n')) expect(textWidth(line)).toBeLessThanOrEqual(width);
    expect(text.replace(/\n/g, '')).toContain('超'.repeat(40));
    expect(text.replace(/\n/g, '')).toContain('X'.repeat(100));
  });
});
