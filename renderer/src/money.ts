/** Keypad editing; money is formatted in format.ts (re-exported here for the existing imports). */
export { formatFen } from './format';

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
