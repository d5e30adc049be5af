/** Display-only money formatting (fen → ¥12.30) per locale; parsing happens in the main process. */
const formatters = new Map<string, Intl.NumberFormat>();

export function formatFen(fen: number, locale = 'zh-CN'): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2 });
    formatters.set(locale, f);
  }
  return f.format(fen / 100);
}

/** Keypad editing: digits and one dot, at most two decimals, at most 9 integer digits. */
export function editAmount(text: string, key: string): string {
  if (key === 'Backspace') return text.slice(0, -1);
  if (key === 'C') return '';
  if (key === '.') return text.includes('.') ? text : (text === '' ? '0.' : `${text}.`);
  if (!/^\d$/.test(key)) return text;
  const [whole = '', frac] = text.split('.');
  if (frac !== undefined) return frac.length >= 2 ? text : text + key;
  if (whole === '0') return key;
  return whole.length >= 9 ? text : text + key;
}
