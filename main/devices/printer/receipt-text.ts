/**
 * receiptText(lines, width): the laid-out receipt as the lines a monospace screen shows, each
 * padded to the paper's columns exactly as the printer places it (Chinese characters count two
 * columns). The QR stays a QR line (its payload), the feed and cut become blank space.
 */
import { padTo, textWidth, toPrinterText } from './text-width';
import type { Line, ReceiptWidth } from './receipt-types';

export type TextLine =
  | { kind: 'text'; text: string; bold?: boolean; big?: boolean }
  | { kind: 'qr'; data: string };

export function receiptText(lines: readonly Line[], width: ReceiptWidth): TextLine[] {
  const out: TextLine[] = [];
  for (const line of lines) {
    switch (line.kind) {
      case 'text': {
        const text = toPrinterText(line.text);
        const free = Math.max(0, width - textWidth(text));
        const left = line.align === 'center' ? Math.floor(free / 2) : line.align === 'right' ? free : 0;
        const placed = padTo(' '.repeat(left) + text, width).trimEnd();
        out.push({ kind: 'text', text: placed, ...(line.bold ? { bold: true } : {}), ...(line.doubleHeight ? { big: true } : {}) });
        break;
      }
      case 'rule': out.push({ kind: 'text', text: line.char.repeat(width) }); break;
      case 'qr': out.push({ kind: 'qr', data: line.data }); break;
      case 'feed': for (let i = 0; i < line.lines; i++) out.push({ kind: 'text', text: '' }); break;
      case 'cut': break;
    }
  }
  return out;
}

/** Plain text of the receipt (logs, tests): the QR as `[QR] payload`. */
export function receiptPlainText(lines: readonly Line[], width: ReceiptWidth): string {
  return receiptText(lines, width).map((l) => (l.kind === 'qr' ? `[QR] ${l.data}` : l.text)).join('\n');
}
