import { describe, expect, it } from 'vitest';
import { niceMaxFen } from '../../../renderer/src/components/HourChart';

describe('the hourly chart value axis', () => {
  it('tops out at a round amount at or above the best hour (1, 2 or 5 × 10ⁿ yuan)', () => {
    expect(niceMaxFen(16_450)).toBe(20_000); // ¥164.50 → axis to ¥200
    expect(niceMaxFen(12_850)).toBe(20_000);
    expect(niceMaxFen(4_999)).toBe(5_000);
    expect(niceMaxFen(100_000)).toBe(100_000); // exactly ¥1 000 stays ¥1 000
    expect(niceMaxFen(100_001)).toBe(200_000);
  });
  it('still draws an axis on a day with no sales (¥0 to ¥1)', () => {
    expect(niceMaxFen(0)).toBe(100);
  });
});
