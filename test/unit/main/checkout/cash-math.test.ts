import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { changeFor, quickTenders } from '../../../../main/checkout/cash-math';

describe('cash tender: change in fen', () => {
  it('gives the change a cashier counts out, to the fen', () => {
    expect(changeFor(3_650, 5_000)).toEqual({ ok: true, changeFen: 1_350 });
    expect(changeFor(1, 10_000)).toEqual({ ok: true, changeFen: 9_999 });
    expect(changeFor(1_999, 1_999)).toEqual({ ok: true, changeFen: 0 });
    // 0.1 + 0.2 style float errors cannot happen: ¥0.30 received for ¥0.10 + ¥0.20
    expect(changeFor(10 + 20, 30)).toEqual({ ok: true, changeFen: 0 });
  });

  it('refuses received below the amount and says how much is missing', () => {
    const r = changeFor(3_650, 2_000);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.shortFen).toBe(1_650);
      expect(r.message).toBe('实收 ¥20.00 少于应收 ¥36.50，还差 ¥16.50');
    }
  });

  it('offers exact, the next whole yuan and the notes that cover the amount', () => {
    expect(quickTenders(3_650)).toEqual([3_650, 3_700, 5_000, 10_000]);
    expect(quickTenders(2_000)).toEqual([2_000, 5_000, 10_000]);
    expect(quickTenders(850)).toEqual([850, 900, 1_000, 2_000, 5_000, 10_000]);
  });
});
