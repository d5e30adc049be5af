import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { openSaleRefusal, unfinishedSales, type PartOrder } from '../../../../main/checkout/mixed-tender';
import { computeZReport, ShiftBook } from '../../../../main/reports/shift';
import { order, T0, HOUR } from '../reports/fixtures';

const part = (clientSn: string, method: string, amountFen: number, status: string, refundedFen = 0): PartOrder =>
  ({ clientSn, method, amountFen, status, refundedFen, sale: { saleId: 'S1', totalFen: 10_000 } });

describe('open mixed sales block the shift close', () => {
  it('an open sale (cash part only) is unfinished; paid or abandoned ones are not', () => {
    expect(unfinishedSales([part('C1', 'cash', 2_000, 'paid')]).map((s) => s.saleId)).toEqual(['S1']);
    expect(unfinishedSales([part('C1', 'cash', 2_000, 'paid'), part('W1', 'qr', 8_000, 'paid')])).toEqual([]);
    expect(unfinishedSales([part('C1', 'cash', 2_000, 'paid', 2_000)])).toEqual([]);
    expect(unfinishedSales([part('C1', 'cash', 2_000, 'paid'), part('W1', 'qr', 8_000, 'failed')])).toHaveLength(1);
    expect(openSaleRefusal([])).toBeNull();
  });

  it('says which sale and how much is still due', () => {
    expect(openSaleRefusal([part('C1', 'cash', 2_000, 'paid'), part('W1', 'qr', 8_000, 'canceled')])).toEqual({
      saleId: 'S1',
      message: '不能交班：混合支付 S1 尚未收完（应收 ¥100.00，已收 ¥20.00，还差 ¥80.00）。请先在收银台收完，或取消这笔交易并退还现金。',
    });
  });

  it('computeZReport refuses with reason open_sale and closes nothing', () => {
    const cash = { ...order('C1', { amountFen: 2_000, at: T0 + HOUR, wallet: 'cash' }), method: 'cash' as const, sale: { saleId: 'S1', totalFen: 10_000 } };
    const res = computeZReport({ orders: [order('A', { at: T0 }), cash], book: new ShiftBook(), operator: '店长', now: T0 + 2 * HOUR });
    expect(res).toMatchObject({ ok: false, reason: 'open_sale', pending: ['S1'], message: expect.stringContaining('还差 ¥80.00') });
  });
});
