/**
 * The bank's bill read for 对账 and 结算: the rows in the assumed format (statement-format.ts)
 * matched against the journal with every kind of difference named, and the bank's payout per
 * account and 清算日期 — from the bill's own 手续费/清算日期 once cleared, from the documented
 * SETTLEMENT assumptions before (cmb-polypay.md §4: unsettled bill from T+1 10:30, 清分 from 16:30).
 */
import { describe, expect, it } from 'vitest';
import { billSettlement } from '../../../../../main/aggregator/cmb/bill-settlement';
import { billToCsv, parseBill, type BillRow } from '../../../../../main/aggregator/cmb/statement';
import { BILL_COLUMNS, SETTLEMENT } from '../../../../../main/aggregator/cmb/statement-format';
import type { StatementOutcome } from '../../../../../main/aggregator/types';
import { reconcileDay } from '../../../../../main/manager/reconcile-day';
import { DAY, order, utc } from '../../reports/fixtures';

const HEADER = Object.values(BILL_COLUMNS).join(',');
// 交易日期,交易时间,商户订单号,招行订单号,退款单号,支付方式,交易类型,交易金额(分),手续费(分),清算日期,交易状态
const CLEARED = [
  HEADER,
  '20260115,100000,A1,CMB1,,WX,支付,10000,38,20260116,成功',
  '20260115,101000,A2,CMB2,,ZF,支付,660,3,20260116,成功',
  '20260115,120000,A1,CMB1,A1R1,WX,退款,2500,10,20260116,成功',
  '20260115,130000,A9,CMB9,,ZF,支付,500,2,20260116,失败',
].join('\n');
const UNSETTLED = CLEARED.replace(/,(\d+),2026011[6],/g, ',,,');

const rowsOf = (text: string): BillRow[] => {
  const b = parseBill(text);
  if (!b.ok) throw new Error(JSON.stringify(b.message));
  return b.rows;
};

describe('billSettlement', () => {
  it('a cleared bill: the bank’s own fees and 清算日期, net per account (refund returns its fee)', () => {
    expect(billSettlement(rowsOf(CLEARED), '308999170120008', DAY)).toEqual([{
      account: SETTLEMENT.account('308999170120008'), settleDay: '2026-01-16', dayAssumed: false, feeAssumed: false,
      count: 2, grossFen: 10_660, refundFen: 2_500, feeFen: 38 + 3 - 10, netFen: 10_660 - 2_500 - 31,
    }]);
  });

  it('an unsettled bill (no fee, no 清算日期): the assumed rate and T+N, marked assumed', () => {
    const unsettled = rowsOf(UNSETTLED);
    expect(unsettled.every((r) => r.feeFen === null && r.settleDate === '')).toBe(true);
    const [line] = billSettlement(unsettled, 'M', DAY);
    // 0.38 % half up per order: 100.00 → 0.38, 6.60 → 0.03 (2.508 fen); the refund returns 38 × 2500/10000 = 9.5 → 10.
    expect(line).toEqual({ account: SETTLEMENT.account('M'), settleDay: '2026-01-16', dayAssumed: true, feeAssumed: true, count: 2, grossFen: 10_660, refundFen: 2_500, feeFen: 38 + 3 - 10, netFen: 8_129 });
  });

  it('the 清算日期 of the bill wins over the assumed T+N (a weekend: paid out on Monday)', () => {
    const lines = billSettlement(rowsOf(CLEARED.replace(/20260116/g, '20260119')), 'M', DAY);
    expect(lines.map((l) => [l.settleDay, l.dayAssumed])).toEqual([['2026-01-19', false]]);
  });
});

describe('对账 against the bank’s bill (reconcileDay)', () => {
  const bank = (text: string) => {
    const rows = rowsOf(text);
    const out: StatementOutcome = { ok: true, csv: billToCsv(rows), settlement: billSettlement(rows, 'M', DAY) };
    return {
      statement: async () => out,
      query: async () => { throw new Error('a statement day is not re-queried'); },
      settlementTerms: { defaultFeeBp: SETTLEMENT.defaultFeeBp, settleDays: SETTLEMENT.settleDays },
    };
  };
  const at = Date.UTC(2026, 0, 15, 10, 0);

  it('names missing at the bank, missing locally, amount differs and refund differs; the rest matches', async () => {
    const bill = [
      HEADER,
      '20260115,100000,A1,CMB1,,WX,支付,1000,4,20260116,成功', // matches
      '20260115,100100,A2,CMB2,,ZF,支付,999,4,20260116,成功', // counter says 10.00
      '20260115,100200,A4,CMB4,,WX,支付,1000,4,20260116,成功', // counter has no A4
      '20260115,100300,A5,CMB5,,WX,支付,1000,4,20260116,成功',
      '20260115,110000,A5,CMB5,A5R1,WX,退款,200,1,20260116,成功', // counter refunded 3.00
    ].join('\n');
    const orders = [
      order('A1', { at, amountFen: 1000 }),
      order('A2', { at, amountFen: 1000, wallet: 'alipay' }),
      order('A3', { at, amountFen: 1230 }), // not on the bill
      order('A5', { at, amountFen: 1000, refunds: [{ amountFen: 300, finishedAt: at + 3_600_000 }] }),
    ];
    const res = await reconcileDay(bank(bill), orders, DAY, { defaultFeeBp: 60, settleDays: 3 }, utc);
    const kinds = Object.fromEntries(res.items.map((i) => [i.clientSn, i.kind]));
    expect(kinds).toEqual({ A1: 'matched', A2: 'amount_differs', A3: 'only_counter', A4: 'only_aggregator', A5: 'amount_differs' });
    expect(res.items.find((i) => i.clientSn === 'A5')?.detail).toContain('退款');
    expect(res.items.find((i) => i.clientSn === 'A3')).toMatchObject({ counterNetFen: 1230, aggregatorNetFen: 0, diffFen: -1230 });
    expect(res.differences).toBe(4);
    expect(res.source).toBe('statement');
    // The expected settlement uses the bank's terms (0.38 %, T+1), not the shop's manager.json (0.60 %, T+3).
    expect(res.settlement.arrivalDay).toBe('2026-01-16');
    expect(res.settlement.total.feeFen).toBe(4 + 4 + 5 + 4 - 1);
    expect(res.bankSettlement).toEqual([expect.objectContaining({ settleDay: '2026-01-16', count: 4, grossFen: 3_999, refundFen: 200, feeFen: 15, netFen: 3_784 })]);
  });
});
