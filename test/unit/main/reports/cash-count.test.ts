import { describe, expect, it } from 'vitest';
import { cashDifference, cashSummary, countedTotal, expectedCash } from '../../../../main/reports/cash-count';
import { computeZReport, ShiftBook } from '../../../../main/reports/shift';
import { layoutReceipt } from '../../../../main/devices/printer/receipt-layout';
import { shiftCloseDoc } from '../../../../main/manager/receipts';
import { DEFAULT_SETTINGS } from '../../../../main/settings/schema';
import type { OrderView } from '../../../../main/journal/order-view';
import type { JournalRecord } from '../../../../main/journal/records';
import { zhText } from '../../../../main/i18n/zh-text';

const paid = (clientSn: string, wallet: 'cash' | 'wechat', amountFen: number, at: number, refunds: OrderView['refunds'] = []): OrderView => ({
  clientSn, day: '2026-03-02', method: wallet === 'cash' ? 'cash' : 'qr', amountFen, operator: '收银员', subject: 's', createdAt: at, finishedAt: at,
  status: 'paid', windowMs: 0, wallet, refunds, refundedFen: refunds.filter((r) => r.status === 'refunded').reduce((n, r) => n + r.amountFen, 0),
});

describe('cash in the drawer at shift close', () => {
  it('expected cash = float + cash sales − cash refunds − payouts', () => {
    expect(expectedCash({ floatFen: 50_000, salesFen: 12_345, refundsFen: 1_000, payoutsFen: 2_000 })).toBe(59_345);
  });

  it('names the difference 长款 / 短款 in fen', () => {
    expect(cashDifference(10_000, 9_900)).toEqual({ kind: 'short', fen: -100 });
    expect(cashDifference(10_000, 10_050)).toEqual({ kind: 'over', fen: 50 });
    expect(cashDifference(10_000, 10_000)).toEqual({ kind: 'even', fen: 0 });
  });

  it('adds up a count by denomination (¥100 … ¥0.1) and refuses unknown notes', () => {
    expect(countedTotal({ denominations: { 10000: 2, 5000: 1, 2000: 0, 100: 3, 50: 1, 10: 4 } })).toEqual({ ok: true, fen: 25_390 });
    expect(countedTotal({ denominations: { 3000: 1 } }).ok).toBe(false);
    expect(countedTotal({ totalFen: 100 })).toEqual({ ok: true, fen: 100 });
  });

  it('the Z report shows float, cash sales, refunds, payouts, counted and ¥1.00 短款, and prints them', () => {
    const book = new ShiftBook();
    const t0 = Date.UTC(2026, 2, 2, 1);
    book.apply({ type: 'SHIFT_OPENED', shiftNo: 1, operator: '收银员', openingFloatFen: 20_000, seq: 1, ts: t0 } as JournalRecord);
    book.apply({ type: 'CASH_PAYOUT', amountFen: 1_500, operator: '店长', reason: '买水', seq: 2, ts: t0 + 10 } as JournalRecord);
    const orders = [
      paid('C1', 'cash', 3_650, t0 + 20),
      paid('C2', 'cash', 1_000, t0 + 30, [{ refundRequestNo: 'R1', amountFen: 1_000, status: 'refunded', finishedAt: t0 + 40 }]),
      paid('W1', 'wechat', 8_800, t0 + 50),
    ];
    // expected: 200.00 + 46.50 − 10.00 − 15.00 = 221.50; counted 220.50 → 短款 ¥1.00
    const z = computeZReport({ orders, book, operator: '店长', now: t0 + 100, count: { totalFen: 22_050 } });
    if (!z.ok) throw new Error(zhText(z.message));
    expect(z.report.cash).toMatchObject({ floatFen: 20_000, salesFen: 4_650, refundsFen: 1_000, payoutsFen: 1_500, expectedFen: 22_150, countedFen: 22_050, differenceFen: -100, difference: 'short' });
    expect(z.report.totals.byWallet.wechat?.paidFen).toBe(8_800);
    const text = layoutReceipt(shiftCloseDoc(z.report, DEFAULT_SETTINGS), 32).map((l) => (l.kind === 'text' ? l.text : '')).join('\n');
    expect(text).toMatch(/应有现金\s+[¥￥]221\.50/);
    expect(text).toMatch(/实点现金\s+[¥￥]220\.50/);
    expect(text).toMatch(/短款\s+[¥￥]1\.00/);
  });

  it('without a count the report shows the expected cash only', () => {
    const totals = { byWallet: {} } as Parameters<typeof cashSummary>[0];
    expect(cashSummary(totals, 10_000, 0)).toEqual({ floatFen: 10_000, salesFen: 0, refundsFen: 0, payoutsFen: 0, expectedFen: 10_000 });
  });
});
