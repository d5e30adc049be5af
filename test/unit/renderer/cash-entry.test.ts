/** The cash dialog's change-due arithmetic reads typed text with main's own parser (preload/amount.ts). */
import { describe, expect, it } from 'vitest';
import { fenToYuanText, yuanTextToFen } from '../../../renderer/src/cash-entry';
import { parseYuanToFen } from '../../../main/shared/money';

describe('typed cash amounts on the screen', () => {
  it('agree with what main will accept, in integer fen', () => {
    for (const text of ['12', '12.3', '12.30', '0.01', '1,234.50', '¥8', '999999999.99']) {
      const main = parseYuanToFen(text, Number.MAX_SAFE_INTEGER);
      expect(main.ok && yuanTextToFen(text)).toBe(main.ok && main.fen);
    }
    expect(yuanTextToFen('12.3')).toBe(1230);
  });

  it('show nothing for text main refuses (three decimals, letters, a stray comma), and 0 for zero', () => {
    expect(yuanTextToFen('12.345')).toBeNull();
    expect(yuanTextToFen('12a')).toBeNull();
    expect(yuanTextToFen('12,34')).toBeNull();
    expect(yuanTextToFen('')).toBeNull();
    expect(yuanTextToFen('0')).toBe(0);
  });

  it('write fen back as the text main parses to the same fen', () => {
    for (const fen of [1, 10, 1230, 100_000, 5_000_000]) expect(yuanTextToFen(fenToYuanText(fen))).toBe(fen);
  });
});
