/**
 * renderReceiptHtml(doc): the same receipt as a self-contained HTML page for the OS printer
 * (Electron's webContents.print in main/app/). Drawn from layoutReceipt so paper and HTML
 * say the same thing; the order QR is an inline SVG. No Electron here.
 */
import QRCode from 'qrcode';
import { layoutReceipt } from './receipt-layout';
import type { Line, ReceiptDoc, ReceiptWidth } from './receipt-types';
import { TITLES } from './receipt-format';

export interface HtmlOptions { width?: ReceiptWidth }

export function renderReceiptHtml(doc: ReceiptDoc, opts: HtmlOptions = {}): string {
  const width = opts.width ?? 48;
  const body = layoutReceipt(doc, width).map(lineHtml).join('\n');
  const paperMm = width === 32 ? 58 : 80;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(doc.shop.name)} ${TITLES[doc.kind]}</title>
<style>
@page { size: ${paperMm}mm auto; margin: 2mm; }
body { margin: 0; font: 12px/1.35 "SimSun", "Noto Sans Mono CJK SC", monospace; width: ${paperMm - 4}mm; }
.l { white-space: pre-wrap; overflow-wrap: anywhere; }
.c { text-align: center; } .r { text-align: right; } .b { font-weight: bold; } .h { font-size: 20px; }
hr { border: 0; border-top: 1px dashed #000; margin: 2px 0; } hr.d { border-top-style: double; border-top-width: 3px; }
.qr { text-align: center; margin: 4px 0; } .qr svg { width: 32mm; height: 32mm; }
</style></head>
<body>
${body}
</body></html>
`;
}

function lineHtml(line: Line): string {
  switch (line.kind) {
    case 'text': {
      const cls = ['l', line.align === 'center' ? 'c' : line.align === 'right' ? 'r' : '', line.bold ? 'b' : '', line.doubleHeight ? 'h' : '']
        .filter(Boolean).join(' ');
      return `<div class="${cls}">${esc(line.text) || '&nbsp;'}</div>`;
    }
    case 'rule': return line.char === '=' ? '<hr class="d">' : '<hr>';
    case 'qr': return `<div class="qr" data-payload="${esc(line.data)}">${qrSvg(line.data)}</div>`;
    case 'feed': return '<div class="l">&nbsp;</div>'.repeat(line.lines);
    case 'cut': return '';
  }
}

function qrSvg(data: string): string {
  const m = QRCode.create(data, { errorCorrectionLevel: 'M' }).modules;
  const q = 2;
  let path = '';
  for (let r = 0; r < m.size; r++) {
    for (let c = 0; c < m.size; c++) if (m.get(r, c)) path += `M${c + q} ${r + q}h1v1h-1z`;
  }
  const n = m.size + 2 * q;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n} ${n}" shape-rendering="crispEdges"><path fill="#000" d="${path}"/></svg>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}
