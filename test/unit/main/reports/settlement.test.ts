import { describe, expect, it } from 'vitest';
import { addDays, expectedSettlement, feeFen, refundFeeFen } from '../../../../main/reports/settlement';
import { DAY, HOUR, order, T0, utc } from './fixtures';

describe('fees in fen', () => {
  it('rounds half up per order at 0.38 %', () => {
    expect(feeFen(1000, 38)).toBe(4); // 3.8 → 4
    expect(feeFen(250, 38)).toBe(1); // 0.95 → 1
    expect(feeFen(125, 38)).toBe(0); // 0.475 → 0
    expect(feeFen(12_500, 38)).toBe(48); // 47.5 → 48 (half up)
    expect(feeFen(1, 38)).toBe(0);
    expect(feeFen(5_000_000, 38)).toBe(19_000);
    expect(feeFen(1000, 0)).toBe(0);
  });

  it('matches Math.round as the sandbox statement uses, for every amount up to ¥100', () => {
    for (let fen = 0; fen <= 10_000; fen++) expect(feeFen(fen, 38)).toBe(Math.round((fen * 38) / 10000));
  });

  it('per order, not on the sum: 3 × ¥1.25 pay 0 fen each, not round(1.425)', () => {
    const orders = ['A', 'B', 'C'].map((id) => order(id, { amountFen: 125 }));
    expect(expectedSettlement(orders, DAY, { defaultFeeBp: 38, settleDays: 1 }, utc).total.feeFen).toBe(0);
  });

  it('returns the fee of a refund pro rata, half up', () => {
    expect(refundFeeFen(4, 500, 1000)).toBe(2);
    expect(refundFeeFen(4, 125, 1000)).toBe(1); // 0.5 → 1
    expect(refundFeeFen(4, 1000, 1000)).toBe(4);
  });
});

describe('expected settlement', () => {
  it('sums gross, refunds, fees and net per wallet with T+N arrival', () => {
    const orders = [
      order('W1', { amountFen: 10_000, wallet: 'wechat' }),
      order('W2', { amountFen: 1000, wallet: 'wechat', refunds: [{ amountFen: 500 }] }),
      order('A1', { amountFen: 12_500, wallet: 'alipay' }),
      order('F', { amountFen: 9999, status: 'failed' }),
      order('OLD', { amountFen: 2000, wallet: 'alipay', at: T0 - 20 * HOUR, refunds: [{ amountFen: 2000, finishedAt: T0 + HOUR }] }),
    ];
    const s = expectedSettlement(orders, DAY, { defaultFeeBp: 38, feeBp: { alipay: 60 }, settleDays: 1 }, utc);
    expect(s.arrivalDay).toBe('2026-01-16');
    // wechat: fees 38 + 4, refund returns round(4*500/1000)=2
    expect(s.byWallet.wechat).toEqual({ feeBp: 38, count: 2, grossFen: 11_000, refundFen: 500, feeFen: 40, netFen: 10_460 });
    // alipay at 0.60 %: 75; OLD refunded in full returns its whole fee of 12
    expect(s.byWallet.alipay).toEqual({ feeBp: 60, count: 1, grossFen: 12_500, refundFen: 2000, feeFen: 63, netFen: 10_437 });
    expect(s.total).toEqual({ count: 3, grossFen: 23_500, refundFen: 2500, feeFen: 103, netFen: 20_897 });
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', 0)).toBe('2026-03-01');
  });
});
