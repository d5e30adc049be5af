/**
 * ESC/POS encoder: Line[] → bytes for a Chinese-capable thermal printer.
 *
 * Library choice (evaluated against the two installed libraries):
 * - receiptline 4: very good layout language and it sends `FS &` for GB18030, but its ESC/POS
 *   QR code is a raster image (`GS 8 L`): 3.9–4.8 KB for our sale receipt against 0.8–1.0 KB
 *   with the native `GS ( k` (bench/printer.bench.ts); over a 9600-baud serial line that is
 *   seconds per receipt.
 * - node-thermal-printer 4: `printQR()` emits the native `GS ( k` sequence (model 2, cell size,
 *   error level, store, print), and it has the usual style/cut commands. Its own text path is
 *   wrong for Chinese: `characterSet: CHINA` sends `ESC R 15` (an international character set,
 *   not Chinese mode), encodes EUC-CN (GB2312, not GBK) character by character and switches code
 *   pages on the fly; its line folding counts characters, not columns.
 * So: node-thermal-printer is used as the command builder (no interface: it only fills a
 * buffer) for init, alignment, bold, double height, native QR and cut; text is encoded by us
 * with iconv-lite (GBK by default, GB18030 optional) after the printer's Chinese mode command
 * `FS &` (0x1C 0x26), which neither library's builder gives us; layout (columns, wrapping) is
 * our own `layoutReceipt`.
 */
import iconv from 'iconv-lite';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import type { Line, LineAlign, ReceiptWidth } from './receipt-types';

export type TextEncoding = 'gbk' | 'gb18030';

export interface EncodeOptions {
  width: ReceiptWidth;
  encoding?: TextEncoding;
  /** QR module size in dots (1–8); default 6 on 80 mm, 5 on 58 mm */
  qrCellSize?: number;
  /** prefix real-time "recover, clear buffers" (DLE ENQ 2) so a failed job's leftovers do not print */
  clearPrinterBuffer?: boolean;
}

export const ESC_INIT = Buffer.from([0x1b, 0x40]);
export const FS_CHINESE_MODE_ON = Buffer.from([0x1c, 0x26]);
export const DLE_ENQ_CLEAR = Buffer.from([0x10, 0x05, 0x02]);
const LF = Buffer.from([0x0a]);

/**
 * Cash drawer kick, ESC p m t1 t2: pulse drawer pin m (0 = connector pin 2, 1 = pin 5) on for
 * t1 × 2 ms and off for t2 × 2 ms. Default: pin 2, 50 ms on, 500 ms off (what most drawers want).
 */
export function drawerKick(pin: 0 | 1 = 0, onMs = 50, offMs = 500): Buffer {
  const units = (ms: number) => Math.max(1, Math.min(255, Math.round(ms / 2)));
  return Buffer.from([0x1b, 0x70, pin, units(onMs), units(Math.max(offMs, onMs))]);
}

export function encodeReceipt(lines: readonly Line[], opts: EncodeOptions): Buffer {
  const enc = opts.encoding ?? 'gbk';
  const p = new ThermalPrinter({ type: PrinterTypes.EPSON, interface: '', width: opts.width });
  if (opts.clearPrinterBuffer) p.add(DLE_ENQ_CLEAR);
  p.add(ESC_INIT); // the library's initHardware(), which its typings omit
  p.add(FS_CHINESE_MODE_ON);

  let align: LineAlign = 'left';
  let bold = false;
  let tall = false;
  const setAlign = (a: LineAlign) => {
    if (a === align) return;
    align = a;
    if (a === 'center') p.alignCenter(); else if (a === 'right') p.alignRight(); else p.alignLeft();
  };
  const setStyle = (b: boolean, t: boolean) => {
    if (b !== bold) { p.bold(b); bold = b; }
    if (t !== tall) { if (t) p.setTextDoubleHeight(); else p.setTextNormal(); tall = t; }
  };

  for (const line of lines) {
    switch (line.kind) {
      case 'text':
        setAlign(line.align ?? 'left');
        setStyle(line.bold ?? false, line.doubleHeight ?? false);
        if (line.text !== '') p.add(iconv.encode(line.text, enc));
        p.add(LF);
        break;
      case 'rule':
        setAlign('left');
        setStyle(false, false);
        p.add(Buffer.from(line.char.repeat(opts.width) + '\n', 'ascii'));
        break;
      case 'qr':
        setAlign('center');
        p.printQR(qrPayload(line.data), {
          model: 2, correction: 'M', cellSize: opts.qrCellSize ?? (opts.width === 32 ? 5 : 6),
        });
        p.add(LF);
        break;
      case 'feed':
        p.add(Buffer.from('\n'.repeat(Math.max(0, Math.min(line.lines, 10))), 'ascii'));
        break;
      case 'cut':
        setAlign('left');
        setStyle(false, false);
        p.partialCut({ verticalTabAmount: 1 });
        break;
    }
  }
  return p.getBuffer() ?? Buffer.alloc(0);
}

/** The QR data must be printable ASCII: the store command counts bytes as characters. */
function qrPayload(data: string): string {
  return data.replace(/[^\x20-\x7e]/g, '').slice(0, 512) || '-';
}
