import { describe, expect, it } from 'vitest';
import { OrderBook } from '../../../../main/journal/order-index';
import type { JournalRecordBody } from '../../../../main/journal/records';
import { dayTotals, windowTotals } from '../../../../main/reports/totals';
import { DAY, HOUR, order, T0, utc, utcDay } from './fixtures';

describe('dayTotals', () => {
  it('splits by wallet, cashier and hour and counts statuses', () => {
    const orders = [
      order('A', { amountFen: 1000, wallet: 'wechat', operator: '001', at: T0 + 9 * HOUR }),
      order('B', { amountFen: 250, wallet: 'alipay', operator: '002', at: T0 + 9 * HOUR + 59 * 60_000 }),
      order('C', { amountFen: 700, wallet: 'alipay', operator: '001', at: T0 + 14 * HOUR, refunds: [{ amountFen: 200, operator: 'boss' }] }),
      order('D', { amountFen: 999, status: 'failed', at: T0 + 14 * HOUR }),
      order('E', { amountFen: 500, status: 'pending', at: T0 + 15 * HOUR }),
      order('F', { amountFen: 300, at: T0 - HOUR }), // the day before
    ];
    const t = dayTotals(orders, DAY, utc);
    expect(t).toMatchObject({ count: 3, paidFen: 1950, refundCount: 1, refundFen: 200, netFen: 1750, period: { kind: 'day', day: DAY } });
    expect(t.byWallet).toEqual({
      wechat: { count: 1, paidFen: 1000, refundCount: 0, refundFen: 0, netFen: 1000 },
      alipay: { count: 2, paidFen: 950, refundCount: 1, refundFen: 200, netFen: 750 },
    });
    expect(t.byOperator['001']).toMatchObject({ count: 2, paidFen: 1700, refundFen: 0 });
    expect(t.byOperator['002']).toMatchObject({ count: 1, paidFen: 250 });
    expect(t.byOperator['boss']).toMatchObject({ count: 0, refundCount: 1, refundFen: 200, netFen: -200 });
    expect(t.byHour).toHaveLength(24);
    expect(t.byHour[9]).toEqual({ hour: 9, count: 2, paidFen: 1250, refundFen: 0 });
    expect(t.byHour[14]).toMatchObject({ count: 1, paidFen: 700 });
    expect(t.byHour[15]).toMatchObject({ count: 0, paidFen: 0, refundFen: 200 }); // refund finished at 15:00
    expect(t.attempts).toEqual({ paid: 3, failed: 1, pending: 1, needs_attention: 0, canceled: 0, expired: 0 });
    const sumHours = t.byHour.reduce((a, h) => a + h.paidFen, 0);
    expect(sumHours).toBe(t.paidFen);
  });

  it('counts each payment exactly once even when lists overlap', () => {
    const a = order('A', { amountFen: 1000 });
    const t = dayTotals([a, { ...a }, order('B', { amountFen: 1 }), a], DAY, utc);
    expect(t.count).toBe(2);
    expect(t.paidFen).toBe(1001);
  });

  it('counts a refund on the day it completed, not on the order day', () => {
    const o = order('A', { amountFen: 1000, at: T0 - 2 * HOUR, refunds: [{ amountFen: 400, finishedAt: T0 + HOUR }, { amountFen: 100, status: 'failed', finishedAt: T0 + HOUR }] });
    expect(dayTotals([o], DAY, utc)).toMatchObject({ count: 0, paidFen: 0, refundCount: 1, refundFen: 400, netFen: -400 });
    expect(dayTotals([o], utcDay(T0 - 2 * HOUR), utc)).toMatchObject({ count: 1, paidFen: 1000, refundFen: 0 });
  });

  it('agrees with the journal order index, duplicate finals included', () => {
    const book = new OrderBook(utcDay, () => undefined);
    let seq = 0;
    const put = (body: JournalRecordBody, ts: number): void => book.apply({ ...body, seq: ++seq, ts } as never);
    for (let i = 0; i < 50; i++) {
      const clientSn = `S${i}`;
      const ts = T0 + i * 20 * 60_000;
      put({ type: 'ATTEMPT_CREATED', clientSn, method: 'scan', amountFen: 100 + i, operator: `00${i % 3}`, subject: 'x', windowMs: 45_000, wallet: i % 2 ? 'wechat' : 'alipay' }, ts);
      const outcome = i % 7 === 0 ? 'FAILED' : 'PAID';
      put({ type: 'PAYMENT_FINAL', clientSn, outcome, amountFen: 100 + i, wallet: i % 2 ? 'wechat' : 'alipay' }, ts + 1000);
      put({ type: 'PAYMENT_FINAL', clientSn, outcome, amountFen: 100 + i, wallet: i % 2 ? 'wechat' : 'alipay' }, ts + 2000); // recovery again
      if (i % 5 === 1) {
        put({ type: 'REFUND_REQUESTED', clientSn, refundRequestNo: `R${i}`, amountFen: 50, operator: 'boss' }, ts + 3000);
        put({ type: 'REFUND_FINAL', clientSn, refundRequestNo: `R${i}`, amountFen: 50, outcome: 'REFUNDED' }, ts + 4000);
        put({ type: 'REFUND_FINAL', clientSn, refundRequestNo: `R${i}`, amountFen: 50, outcome: 'REFUNDED' }, ts + 5000);
      }
    }
    put({ type: 'SHIFT_OPENED', shiftNo: 1, operator: '001' }, T0 + 1); // ignored by the index
    for (const day of [DAY, utcDay(T0 + 24 * HOUR)]) {
      const mine = dayTotals(book.list(), day, utc);
      const journal = book.totals(day);
      expect(mine).toMatchObject({ count: journal.count, paidFen: journal.paidFen, refundCount: journal.refundCount, refundFen: journal.refundFen, netFen: journal.netFen });
      for (const [w, b] of Object.entries(journal.byWallet)) expect(mine.byWallet[w as 'wechat']).toMatchObject(b);
    }
  });
});

describe('windowTotals', () => {
  it('counts by confirmation time in (from, to], so adjacent windows never share a payment', () => {
    const orders = [
      order('A', { at: T0 + HOUR, finishedAt: T0 + 2 * HOUR }),
      order('B', { at: T0 + HOUR, finishedAt: T0 + 3 * HOUR }), // recovered later
      order('C', { at: T0 + 3 * HOUR, finishedAt: T0 + 4 * HOUR }),
    ];
    const first = windowTotals(orders, 0, T0 + 3 * HOUR, utc);
    const second = windowTotals(orders, T0 + 3 * HOUR, T0 + 5 * HOUR, utc);
    expect(first.count).toBe(2);
    expect(second.count).toBe(1);
    expect(first.byHour[3]!.count).toBe(1); // bucketed by when it was confirmed
  });
});
