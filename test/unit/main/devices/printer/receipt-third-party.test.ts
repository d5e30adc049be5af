/**
 * The receipt bytes as a third-party ESC/POS parser reads them (`npos`, pinned devDependency):
 * every byte is a known command or text, the enlarged total reaches Chinese text (ESC !, FS !
 * and GS !, payment-protocols.md §1.6c) and is reset after, the text decodes as GBK, and the
 * QR is one native `GS ( k` store of the order number. A command the parser cannot place
 * fails the parse, so a stray or mis-sized command fails this test.
 */
import iconv from 'iconv-lite';
import parser, { type NposAst, type NposNode } from 'npos/lib/parser';
import builtinRules from 'npos/lib/parser/rules';
import { describe, expect, it } from 'vitest';
import { encodeReceipt, QrDataError } from '../../../../../main/devices/printer/escpos-encoder';
import { layoutReceipt } from '../../../../../main/devices/printer/receipt-layout';
import type { ReceiptDoc, ReceiptWidth } from '../../../../../main/devices/printer/receipt-types';
import { ALL_DOCS, SALE } from './fixtures';

const GS = 0x1d;
/** npos's table lacks the 2D-symbol command `GS ( k pL pH …` (QR); it is sized like its other `GS (` commands. */
function rules(): Record<number, unknown> {
  const r = structuredClone(builtinRules) as Record<number, Record<string, unknown>>;
  r[GS] = { ...r[GS], '(k': [0, 'd16'] };
  return r;
}

async function parse(doc: ReceiptDoc, width: ReceiptWidth): Promise<{ ast: NposAst; bytes: Buffer }> {
  const bytes = encodeReceipt(layoutReceipt(doc, width), { width });
  return { ast: await parser(rules()).parse(bytes), bytes };
}

const name = (n: NposNode) => `${n.ascii} ${n.fn ?? ''}`.trim();
const param = (bytes: Buffer, n: NposNode) => bytes[n.offset + n.length - 1];

describe.each([32, 48] as const)('receipts through the npos parser at %i columns', (width) => {
  it.each(ALL_DOCS.map((d) => [d.kind, d] as const))('%s: parses whole, text decodes as GBK', async (_kind, doc) => {
    const { ast, bytes } = await parse(doc, width);
    expect(ast.error).toBeUndefined();
    const covered = ast.tree.reduce((sum, n) => sum + n.length, 0);
    expect(covered).toBe(bytes.length); // every byte belongs to a command or a text run
    const text = iconv.decode(Buffer.concat(ast.entries.filter((e) => e.type === 'text').map((e) => e.data)), 'gbk');
    expect(text.replace(/\n/g, '')).toContain(doc.shop.name); // long names wrap
    expect(text).not.toContain('\ufffd');
  });

  it('sale: the total is enlarged for Chinese printers and reset after; the QR is the order number', async () => {
    const { ast, bytes } = await parse(SALE, width);
    const cmds = ast.tree.map((n) => ({ cmd: name(n), n: param(bytes, n), at: n.offset }));
    expect(cmds.slice(0, 2).map((c) => c.cmd)).toEqual(['ESC @', 'FS &']);
    const total = bytes.indexOf(iconv.encode('实收金额', 'gbk'));
    const before = cmds.filter((c) => c.at < total && c.cmd !== 'STX').slice(-4);
    expect(before).toEqual([
      { cmd: 'ESC !', n: 0x18, at: expect.any(Number) }, // emphasized + double height (alphanumerics)
      { cmd: 'FS !', n: 0x08, at: expect.any(Number) },  // Kanji double height
      { cmd: 'GS !', n: 0x01, at: expect.any(Number) },  // character size: height × 2
      { cmd: 'ESC E', n: 1, at: expect.any(Number) },
    ]);
    const after = cmds.filter((c) => c.at > total && c.cmd !== 'STX').slice(0, 3);
    expect(after.map((c) => [c.cmd, c.n])).toEqual([['ESC !', 0], ['FS !', 0], ['GS !', 0]]);
    const qr = ast.tree.filter((n) => name(n) === 'GS (k');
    const store = qr.find((n) => bytes[n.offset + 5] === 0x31 && bytes[n.offset + 6] === 0x50);
    expect(store && bytes.subarray(store.offset + 8, store.offset + store.length).toString('latin1')).toBe(SALE.sn);
    expect(cmds.slice(-2).map((c) => c.cmd)).toEqual(['GS V', 'ESC @']); // cut, then back to defaults
  });
});

describe('QR data the printer cannot store', () => {
  it('non-ASCII QR data is refused with a clear error, never stripped', () => {
    const doc = { ...SALE, sn: '订单7894259244096188' } as ReceiptDoc;
    expect(() => encodeReceipt(layoutReceipt(doc, 32), { width: 32 })).toThrow(QrDataError);
    expect(() => encodeReceipt(layoutReceipt(doc, 32), { width: 32 })).toThrow(/non-ASCII character U\+8BA2 at position 1/);
  });
  it('over-long QR data is refused, never cut', () => {
    const doc = { ...SALE, sn: 'A'.repeat(600) } as ReceiptDoc;
    expect(() => encodeReceipt(layoutReceipt(doc, 48), { width: 48 })).toThrow(/too long \(600 characters, at most 512\)/);
  });
});
