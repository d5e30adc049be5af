import { describe, expect, it } from 'vitest';
import { editAmount, formatFen } from '../../../renderer/src/money';

/** Types keys one after another on the keypad, starting from an empty amount. */
const type = (keys: string, start = ''): string => [...keys].reduce((text, key) => editAmount(text, key), start);

describe('editAmount: the cashier keypad', () => {
  it('builds an amount digit by digit', () => {
    expect(type('1230')).toBe('1230');
    expect(type('12.3')).toBe('12.3');
    expect(type('12.30')).toBe('12.30');
  });

  it('allows at most two decimals; further digits are ignored', () => {
    expect(type('12.345')).toBe('12.34');
    expect(type('0.999')).toBe('0.99');
  });

  it('allows one dot only', () => {
    expect(type('1.2.3')).toBe('1.23');
    expect(type('..')).toBe('0.');
  });

  it('a dot first becomes 0.', () => {
    expect(editAmount('', '.')).toBe('0.');
    expect(type('.5')).toBe('0.5');
  });

  it('no leading zeros: 0 then 5 is 5, and 00 stays 0', () => {
    expect(type('05')).toBe('5');
    expect(type('000')).toBe('0');
    expect(type('0.05')).toBe('0.05');
    expect(type('100')).toBe('100');
  });

  it('at most 9 integer digits; decimals may still follow', () => {
    expect(type('1234567890')).toBe('123456789');
    expect(type('123456789999.5')).toBe('123456789.5');
  });

  it('Backspace removes the last character, and does nothing on an empty amount', () => {
    expect(editAmount('12.3', 'Backspace')).toBe('12.');
    expect(editAmount('12.', 'Backspace')).toBe('12');
    expect(editAmount('', 'Backspace')).toBe('');
    // after backspacing a decimal, another digit may be typed again
    expect(editAmount(editAmount('1.23', 'Backspace'), '9')).toBe('1.29');
  });

  it('C clears; other keys (letters, Enter, function keys, multi-digit strings) change nothing', () => {
    expect(editAmount('88.8', 'C')).toBe('');
    for (const key of ['a', 'Enter', 'F1', ' ', '-', '+', '12', '١']) expect(editAmount('7', key), key).toBe('7');
  });
});

describe('formatFen (display)', () => {
  it('shows yuan with two decimals and grouping in zh-CN', () => {
    expect(formatFen(1230)).toBe('¥12.30');
    expect(formatFen(123456)).toBe('¥1,234.56');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0.00');
  });

  it('shows the yuan sign in English too', () => {
    expect(formatFen(5_000_000, 'en')).toBe('¥50,000.00');
  });
});
