/** Pieces of the manager's reconciliation and search that are pure. */
import { describe, expect, it } from 'vitest';
import { parseManagerConfig } from '../../../../main/manager/manager-config';
import { normalizeOrderNo } from '../../../../main/manager/order-search';
import { voidsAsRefunds } from '../../../../main/manager/reconcile-day';
import { reconcile } from '../../../../main/reports/reconcile';
import { parseStatement } from '../../../../main/reports/statement';
import { DAY, order, utc } from '../reports/fixtures';

const STATEMENT = [
  '交易时间,商户订单号,收钱吧订单号,支付方式,交易类型,金额(元),手续费(元),状态',
  '2026-01-15 10:00:00,A1,7890000000000001,微信,收款,10.00,0.04,成功',
  '2026-01-15 10:05:00,A1,7890000000000001,微信,撤单,10.00,0.04,成功',
].join('\n');

describe('voidsAsRefunds', () => {
  it('a counter void and the statement’s 撤单 reconcile as matched (without it: status differs)', () => {
    const voided = order('A1', { amountFen: 1000, sn: '7890000000000001', refunds: [{ amountFen: 1000, kind: 'void', finishedAt: Date.UTC(2026, 0, 15, 10, 5) }] });
    const st = parseStatement(STATEMENT);
    expect(reconcile([voided], st, DAY, utc).counts.status_differs).toBe(1);
    const res = reconcile([voided], voidsAsRefunds(st, [voided]), DAY, utc);
    expect(res.counts.matched).toBe(1);
    expect(res.differences).toBe(0);
  });

  it('leaves a 撤单 the counter did not make as a difference', () => {
    const paid = order('A1', { amountFen: 1000, sn: '7890000000000001' });
    expect(reconcile([paid], voidsAsRefunds(parseStatement(STATEMENT), [paid]), DAY, utc).counts.status_differs).toBe(1);
  });
});

describe('order number from a scanned receipt QR', () => {
  it('keeps the order number at the end of a URL or label', () => {
    expect(normalizeOrderNo('https://shop.example/o/YM20260115100000123456')).toBe('YM20260115100000123456');
    expect(normalizeOrderNo(' 7890000000000001 ')).toBe('7890000000000001');
  });
});

describe('manager.json (fees, T+N)', () => {
  it('defaults to 0.38 % and T+1; reads per-wallet rates; refuses junk with a warning', () => {
    const warnings: string[] = [];
    expect(parseManagerConfig(null, (m) => warnings.push(m))).toEqual({ defaultFeeBp: 38, settleDays: 1 });
    expect(parseManagerConfig({ feeBp: { alipay: 60 }, settleDays: 2 }, (m) => warnings.push(m))).toEqual({ defaultFeeBp: 38, feeBp: { alipay: 60 }, settleDays: 2 });
    expect(parseManagerConfig({ settleDays: -1 }, (m) => warnings.push(m))).toEqual({ defaultFeeBp: 38, settleDays: 1 });
    expect(warnings).toHaveLength(1);
  });
});
