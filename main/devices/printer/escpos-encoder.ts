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
  let style = NORMAL;
  const setAlign = (a: LineAlign) => {
    if (a === align) return;
    align = a;
    if (a === 'center') p.alignCenter(); else if (a === 'right') p.alignRight(); else p.alignLeft();
  };
  const setStyle = (next: Style) => {
    if (next.bold === style.bold && next.tall === style.tall && next.wide === style.wide) return;
    p.add(styleBytes(next));
    style = next;
  };

  for (const line of lines) {
    switch (line.kind) {
      case 'text':
        setAlign(line.align ?? 'left');
        setStyle({ bold: line.bold ?? false, tall: line.doubleHeight ?? false, wide: line.doubleWidth ?? false });
        if (line.text !== '') p.add(iconv.encode(line.text, enc));
        p.add(LF);
        break;
      case 'rule':
        setAlign('left');
        setStyle(NORMAL);
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
        setStyle(NORMAL);
        p.partialCut({ verticalTabAmount: 1 });
        break;
    }
  }
  return p.getBuffer() ?? Buffer.alloc(0);
}

interface Style { bold: boolean; tall: boolean; wide: boolean }
const NORMAL: Style = { bold: false, tall: false, wide: false };

/**
 * One style change, sent the three ways Chinese printers need (payment-protocols.md §1.6c):
 * `ESC !` enlarges only alphanumerics on Epson-compatible printers, so enlarged lines also send
 * `FS !` (Kanji print mode: bit 2 double width, bit 3 double height) and `GS !` (character size,
 * all characters: high nibble width, low nibble height). `ESC !` bit 3 is "emphasized" and shares
 * its state with `ESC E`, so it carries the bold bit and `ESC E` comes last (it wins either way).
 * Going back to normal sends all four with 0: every enlargement is reset.
 */
export function styleBytes(s: Style): Buffer {
  const esc = (s.bold ? 0x08 : 0) | (s.tall ? 0x10 : 0) | (s.wide ? 0x20 : 0);
  const fs = (s.wide ? 0x04 : 0) | (s.tall ? 0x08 : 0);
  const gs = (s.wide ? 0x10 : 0) | (s.tall ? 0x01 : 0);
  return Buffer.from([0x1b, 0x21, esc, 0x1c, 0x21, fs, 0x1d, 0x21, gs, 0x1b, 0x45, s.bold ? 1 : 0]);
}

/** Why a QR payload cannot be printed natively. */
export class QrDataError extends Error {}

/**
 * The QR data must be printable ASCII: `GS ( k` stores bytes and the order numbers we print are
 * ASCII. Anything else is refused with a clear error, never silently stripped or cut. The error is
 * technical text (like the transports' errors) for the log and the job list, where the screen shows
 * it inside printer.failed in either language, so it is not Chinese.
 */
export function qrPayload(data: string): string {
  const chars = [...data];
  const at = chars.findIndex((ch) => !/[\x20-\x7e]/.test(ch));
  // The code point, not the character: the message stays readable on an English screen.
  if (at >= 0) throw new QrDataError(`QR data has a non-ASCII character U+${chars[at]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at position ${at + 1}, not printed`);
  if (data.length === 0) throw new QrDataError('QR data is empty, not printed');
  if (data.length > 512) throw new QrDataError(`QR data is too long (${data.length} characters, at most 512), not printed`);
  return data;
}
