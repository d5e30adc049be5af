/**
 * Column arithmetic for a Chinese-mode ESC/POS printer: an ASCII character takes one column,
 * every other character is printed from the 2-byte GBK font and takes two. Text is normalised
 * first to what the printer's font can show (e.g. "¥" U+00A5 is not in GBK; "￥" is).
 */

const REPLACEMENTS: Record<string, string> = { '¥': '￥', '\t': ' ', '\u00a0': ' ' };

/** Map characters the GBK font lacks to ones it has, drop control characters. */
export function toPrinterText(text: string): string {
  let out = '';
  for (const ch of text) {
    const mapped = REPLACEMENTS[ch] ?? ch;
    const code = mapped.codePointAt(0) ?? 0;
    if (code < 0x20 || code === 0x7f) continue;
    // Outside the BMP (emoji, rare ideographs) a GBK printer prints garbage: show '?'.
    out += code > 0xffff ? '?' : mapped;
  }
  return out;
}

export function charWidth(ch: string): 1 | 2 {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : 2;
}

/** Columns the (already normalised) text takes on the paper. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/**
 * Wrap to at most `width` columns per line. Breaks at spaces where an ASCII word fits,
 * anywhere between CJK characters, and hard-breaks words longer than a line.
 */
export function wrapText(text: string, width: number): string[] {
  const clean = toPrinterText(text);
  if (clean === '') return [''];
  const lines: string[] = [];
  let line = '';
  let lineW = 0;
  const tokens = clean.match(/[\x21-\x7e]+|\s+|[\u0080-\uffff]/g) ?? [];
  for (const token of tokens) {
    const w = textWidth(token);
    if (/^\s+$/.test(token)) {
      if (lineW > 0 && lineW + 1 <= width) { line += ' '; lineW += 1; }
      continue;
    }
    if (lineW + w <= width) { line += token; lineW += w; continue; }
    if (w <= width && lineW > 0) {
      lines.push(line.trimEnd());
      line = token; lineW = w;
      continue;
    }
    for (const ch of token) {
      const cw = charWidth(ch);
      if (lineW + cw > width) { lines.push(line.trimEnd()); line = ''; lineW = 0; }
      line += ch; lineW += cw;
    }
  }
  if (line.trim() !== '' || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}

/** Truncate to `width` columns (used only for values that must stay on one line). */
export function fitText(text: string, width: number): string {
  let out = '';
  let w = 0;
  for (const ch of toPrinterText(text)) {
    if (w + charWidth(ch) > width) break;
    out += ch; w += charWidth(ch);
  }
  return out;
}

/**
 * "label ........ value" on one line when it fits; otherwise the label (wrapped) and then
 * the value right-aligned (wrapped) on the following lines.
 */
export function labelValue(label: string, value: string, width: number): string[] {
  const l = toPrinterText(label);
  const v = toPrinterText(value);
  const gap = width - textWidth(l) - textWidth(v);
  if (gap >= 1) return [l + ' '.repeat(gap) + v];
  const out = wrapText(l, width);
  for (const part of wrapText(v, width)) out.push(' '.repeat(Math.max(0, width - textWidth(part))) + part);
  return out;
}

/** Pad (or cut) to exactly `width` columns, left- or right-aligned. */
export function padTo(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const t = fitText(text, width);
  const pad = ' '.repeat(width - textWidth(t));
  return align === 'left' ? t + pad : pad + t;
}
