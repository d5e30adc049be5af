import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { DEFAULT_MAX_AMOUNT_FEN, fenToYuanString, formatFen, parseFenString, parseYuanToFen } from '../../../../main/checkout/money';

const fen = (input: string, max?: number): number => {
  const r = parseYuanToFen(input, max);
  if (!r.ok) throw new Error(`expected ${input} to parse, got ${r.reason}: ${r.message}`);
  return r.fen;
};
const refusal = (input: string, max?: number) => {
  const r = parseYuanToFen(input, max);
  if (r.ok) throw new Error(`expected ${input} to be refused, got ${r.fen} fen`);
  return r;
};

describe('parseYuanToFen: what the cashier typed → integer fen', () => {
  it.each([
    ['12', 1200], ['12.3', 1230], ['12.30', 1230], ['0.01', 1], ['.5', 50], ['12.', 1200],
    ['¥1,234.50', 123450], ['￥8', 800], ['1，234', 123400], ['  7.05  ', 705], ['50000', 5_000_000],
  ])('%j → %i fen', (input, expected) => {
    expect(fen(input)).toBe(expected);
  });

  it('never goes through floats: 0.07, 1.15, 4.35 and 19.99 are exact', () => {
    // 4.35 * 100 === 434.99999999999994 in floating point; a float parser would charge 1 fen less.
    expect([fen('0.07'), fen('1.15'), fen('4.35'), fen('19.99')]).toEqual([7, 115, 435, 1999]);
  });

  it('refuses an empty amount with a prompt to type one', () => {
    expect(refusal('')).toMatchObject({ reason: 'empty', message: '请输入金额' });
    expect(refusal('   ').reason).toBe('empty');
    expect(refusal('¥').reason).toBe('empty');
  });

  it('refuses zero, however it is written', () => {
    for (const z of ['0', '0.00', '0.0', '.00', '¥0']) expect(refusal(z)).toMatchObject({ reason: 'zero', message: '金额必须大于 0' });
  });

  it('refuses negative amounts', () => {
    for (const n of ['-1', '-0.01', '¥-5', '-¥5']) expect(refusal(n)).toMatchObject({ reason: 'negative', message: '金额不能为负数' });
  });

  it('refuses more than two decimals instead of rounding', () => {
    expect(refusal('1.234')).toMatchObject({ reason: 'too_many_decimals', message: '金额最多两位小数' });
    expect(refusal('0.001').reason).toBe('too_many_decimals');
  });

  it('refuses text that is not an amount and quotes it back', () => {
    for (const bad of ['abc', '1.2.3', '+5', '1e3', 'NaN', 'Infinity', '.', '１２', '12元']) {
      const r = refusal(bad);
      expect(r.reason, bad).toBe('malformed');
      expect(r.message).toContain(bad);
    }
  });

  it('accepts exactly the default limit (¥50,000.00) and refuses one fen more, naming the limit', () => {
    expect(DEFAULT_MAX_AMOUNT_FEN).toBe(5_000_000);
    expect(fen('50000.00')).toBe(5_000_000);
    expect(refusal('50000.01')).toMatchObject({ reason: 'over_limit', message: '金额超过上限 ¥50,000.00' });
  });

  it('uses the configured limit when one is given', () => {
    expect(fen('100', 10_000)).toBe(10_000);
    expect(refusal('100.01', 10_000)).toMatchObject({ reason: 'over_limit', message: '金额超过上限 ¥100.00' });
    expect(fen('60000', 100_000_000)).toBe(6_000_000);
  });

  it('refuses huge numbers without losing precision or overflowing', () => {
    expect(refusal('999999999999').reason).toBe('over_limit');
    expect(fen('999999999999.99', Number.MAX_SAFE_INTEGER)).toBe(99_999_999_999_999);
    // 13+ digits never reach Number(): refused, never silently truncated.
    expect(parseYuanToFen('12345678901234567890').ok).toBe(false);
    expect(parseYuanToFen('9'.repeat(400)).ok).toBe(false);
  });

  it('refuses a comma that is not a thousands separator rather than multiplying the amount', () => {
    // "12,34" is 12.34 in much of the world; reading it as ¥1,234.00 would overcharge 100×.
    for (const bad of ['12,34', '1,23.40', '1234,567', ',5']) expect(refusal(bad).reason, bad).toBe('malformed');
    expect(fen('1,234,567', 1e12)).toBe(123_456_700);
    expect(fen('12,345.6')).toBe(1_234_560);
  });
});

describe('fenToYuanString: the wire / CSV form', () => {
  it.each([[0, '0.00'], [1, '0.01'], [5, '0.05'], [10, '0.10'], [100, '1.00'], [1230, '12.30'], [123456, '1234.56'], [-5, '-0.05'], [-1230, '-12.30']])('%i → %s', (f, s) => {
    expect(fenToYuanString(f)).toBe(s);
  });

  it('round-trips every amount through parseYuanToFen', () => {
    for (const f of [1, 9, 10, 99, 100, 101, 1999, 4_999_999, 5_000_000]) expect(fen(fenToYuanString(f))).toBe(f);
  });
});

describe('formatFen: screens and receipts', () => {
  it.each([[0, '¥0.00'], [7, '¥0.07'], [1230, '¥12.30'], [100000, '¥1,000.00'], [123456, '¥1,234.56'], [5_000_000, '¥50,000.00'], [123456789, '¥1,234,567.89'], [-1230, '-¥12.30'], [-123456, '-¥1,234.56']])('%i → %s', (f, s) => {
    expect(formatFen(f)).toBe(s);
  });
});

describe('parseFenString: amounts on the wire', () => {
  it('accepts only plain non-negative integer strings', () => {
    expect(parseFenString('1000')).toBe(1000);
    expect(parseFenString('0')).toBe(0);
    for (const bad of ['', '-1', '1.5', ' 1', '1e3', '0x10', '9999999999999999', 1000, null, undefined]) expect(parseFenString(bad), String(bad)).toBeNull();
  });
});
