/**
 * Printer benchmark: `npx tsx bench/printer.bench.ts` (or import runPrinterBench()).
 *  1. bytes of one sale receipt with the native QR command (GS ( k), 58 and 80 mm — goal < 2 KB;
 *  2. the same receipt through receiptline 4 (its ESC/POS QR is a raster image) for comparison;
 *  3. time to build one receipt (layout + encode), median and p99 over 1,000 — goal < 5 ms.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import receiptline from 'receiptline';
import { encodeReceipt } from '../main/devices/printer/escpos-encoder';
import { layoutReceipt } from '../main/devices/printer/receipt-layout';
import type { Line, ReceiptDoc, ReceiptWidth } from '../main/devices/printer/receipt-types';
import type { Row } from './row';

export type { Row } from './row';

const SALE: ReceiptDoc = {
  kind: 'sale', shop: { name: '一码便利店（人民路店）', header: ['地址：杭州市西湖区人民路 88 号'], footer: ['谢谢惠顾，欢迎再来'] },
  terminal: 'T100200300', cashier: '张三', time: Date.UTC(2024, 4, 1, 5, 45, 9), amountFen: 1230, wallet: 'wechat',
  sn: '7894259244096188', clientSn: '20240501134509-0001-AB12', paymentCode: '134567890123456789',
  items: [{ name: '农夫山泉饮用天然水 550ml', qty: 2, amountFen: 400 }, { name: 'Coca-Cola 330ml', amountFen: 830 }],
};

const build = (width: ReceiptWidth) => encodeReceipt(layoutReceipt(SALE, width), { width });

/** The same lines as a receiptline document (text as laid out, the QR via its `{code:…}` syntax). */
function receiptlineBytes(width: ReceiptWidth): number {
  const esc = (s: string) => s.replace(/[\\|{}\-=~_"`^]/g, (c) => `\\${c}`);
  const doc = layoutReceipt(SALE, width).map((l: Line) => {
    switch (l.kind) {
      case 'text': return esc(l.text) || ' ';
      case 'rule': return l.char === '=' ? '===' : '---';
      case 'qr': return `{code:${l.data}; option:qrcode,${width === 32 ? 5 : 6},m}`;
      case 'feed': return ' ';
      case 'cut': return '=';
    }
  }).join('\n');
  const out = receiptline.transform(doc, { cpl: width, encoding: 'gb18030', command: 'escpos' });
  return Buffer.from(out, 'binary').length;
}

function timeBuild(width: ReceiptWidth, n: number): { median: number; p99: number } {
  for (let i = 0; i < 50; i++) build(width); // warm-up
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    build(width);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(n / 2)]!, p99: times[Math.floor(n * 0.99)]! };
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

export async function runPrinterBench(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const width of [32, 48] as const) {
    const mm = width === 32 ? 58 : 80;
    const native = build(width).length;
    rows.push({ name: `printer: sale receipt ${mm} mm, native QR (GS ( k)`, value: native, unit: 'bytes', note: `goal < 2048; ${native < 2048 ? 'met' : 'MISSED'}` });
    rows.push({ name: `printer: same receipt via receiptline ${mm} mm (raster QR)`, value: receiptlineBytes(width), unit: 'bytes', note: 'GS 8 L bit image' });
    const t = timeBuild(width, 1000);
    rows.push({ name: `printer: build one receipt ${mm} mm, median of 1000`, value: r3(t.median), unit: 'ms', note: `goal < 5; p99 ${r3(t.p99)} ms` });
  }
  return rows;
}

function printTable(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'benchmark'.padEnd(w)}  ${'value'.padStart(10)}  unit   note`);
  for (const r of rows) console.log(`${r.name.padEnd(w)}  ${String(r.value).padStart(10)}  ${r.unit.padEnd(5)}  ${r.note ?? ''}`);
}

const SELF = fileURLToPath(import.meta.url);
if (process.argv[1] !== undefined && resolve(process.argv[1]) === SELF) printTable(await runPrinterBench());
