import { describe, expect, it } from 'vitest';
import type { AggOutcome, OrderData } from '../../../../main/aggregator/types';
import { STATEMENT_HEADER } from '../../../../main/aggregator/sandbox/statement';
import { reconcileByQuery, reconcileStatementCsv, type ReconcileItem } from '../../../../main/reports/reconcile';
import { DAY, HOUR, order, T0, utc } from './fixtures';
import { reconcileView } from '../../../../main/manager/reconcile-day';
import { translateMsg } from '../../../../renderer/src/i18n';

const line = (clientSn: string, sn: string, type: string, yuan: string, status = '成功', fee = '0.00'): string =>
  `2026-01-15 12:00:00,${clientSn},${sn},微信支付,${type},${yuan},${fee},${status}`;

const byId = (items: ReconcileItem[], id: string): ReconcileItem | undefined => items.find((i) => i.clientSn === id || i.sn === id);

describe('reconcile against the statement', () => {
  const orders = [
    order('OK1', { amountFen: 1230, sn: 'SN-OK1' }),
    order('OKR', { amountFen: 1000, sn: 'SN-OKR', refunds: [{ amountFen: 300, finishedAt: T0 + 13 * HOUR }] }),
    order('SHORT', { amountFen: 500, sn: 'SN-SHORT' }), // 短款: counter paid, statement silent
    order('AMT', { amountFen: 800, sn: 'SN-AMT' }),
    order('REV', { amountFen: 600, sn: 'SN-REV' }), // counter paid, aggregator 撤单
    order('FAILED-BUT-PAID', { amountFen: 700, status: 'failed', sn: 'SN-FBP' }),
    order('CANCELED', { amountFen: 900, status: 'canceled', sn: 'SN-C' }),
    order('REFUND-MISSING', { amountFen: 400, sn: 'SN-RM', refunds: [{ amountFen: 400, finishedAt: T0 + 14 * HOUR }] }),
    order('YESTERDAY', { amountFen: 250, at: T0 - 10 * 60_000, finishedAt: T0 + 60_000, sn: 'SN-Y' }),
    order('OLD-REFUND', { amountFen: 2000, at: T0 - 30 * HOUR, sn: 'SN-OLD', refunds: [{ amountFen: 500, finishedAt: T0 + 9 * HOUR }] }),
  ];
  const csv = [
    STATEMENT_HEADER,
    line('OK1', 'SN-OK1', '收款', '12.30', '成功', '0.05'),
    line('OKR', 'SN-OKR', '收款', '10.00'),
    line('OKR', 'SN-OKR', '退款', '3.00'),
    line('AMT', 'SN-AMT', '收款', '8.01'),
    line('REV', 'SN-REV', '收款', '6.00'),
    line('REV', 'SN-REV', '撤单', '6.00'),
    line('FAILED-BUT-PAID', 'SN-FBP', '收款', '7.00'),
    line('REFUND-MISSING', 'SN-RM', '收款', '4.00'),
    line('', 'SN-STRANGER', '收款', '15.00'), // 长款: extra row, empty 商户订单号
    line('', 'SN-OK1', '退款', '0.00', '失败'), // empty 商户订单号 but a known sn: matched by sn
    line('GHOST', 'SN-GHOST', '收款', '1.00'),
    line('YESTERDAY', 'SN-Y', '收款', '2.50'),
    line('OLD-REFUND', 'SN-OLD', '退款', '5.00'),
    'this line is junk',
  ].join('\r\n');

  const res = reconcileStatementCsv(orders, csv, DAY, utc);

  it('classifies each kind of difference with a next step', () => {
    const kind = (id: string): string | undefined => byId(res.items, id)?.kind;
    expect(kind('OK1')).toBe('matched');
    expect(kind('OKR')).toBe('matched');
    expect(kind('OLD-REFUND')).toBe('matched');
    expect(kind('CANCELED')).toBeUndefined(); // no money on either side: nothing to list
    expect(kind('SHORT')).toBe('only_counter');
    expect(kind('AMT')).toBe('amount_differs');
    expect(kind('REV')).toBe('status_differs');
    expect(kind('FAILED-BUT-PAID')).toBe('status_differs');
    expect(kind('REFUND-MISSING')).toBe('status_differs');
    expect(kind('SN-STRANGER')).toBe('only_aggregator');
    expect(kind('GHOST')).toBe('only_aggregator');
    expect(kind('YESTERDAY')).toBe('other_day');

    const short = byId(res.items, 'SHORT')!;
    expect(short).toMatchObject({ counterNetFen: 500, aggregatorNetFen: 0, diffFen: -500 });
    expect(short.nextStep).toContain('再次查询');
    const stranger = byId(res.items, 'SN-STRANGER')!;
    expect(stranger).toMatchObject({ sn: 'SN-STRANGER', diffFen: 1500, wallet: 'wechat', line: 10 });
    expect(stranger.nextStep).toContain('补记或退款');
    expect(byId(res.items, 'AMT')).toMatchObject({ diffFen: 1, detail: '收款机 8.00 元，平台 8.01 元' });
    expect(byId(res.items, 'REV')!.detail).toContain('撤单');
    expect(byId(res.items, 'FAILED-BUT-PAID')).toMatchObject({ counterStatus: 'failed', diffFen: 700 });
    expect(byId(res.items, 'REFUND-MISSING')).toMatchObject({ counterNetFen: 0, aggregatorNetFen: 400, diffFen: 400 });
    for (const it of res.items) if (it.kind !== 'matched') expect(it.nextStep).not.toBe('');
  });

  it('reports the unparsable row with its text', () => {
    const bad = res.items.filter((i) => i.kind === 'unparsable');
    expect(bad).toEqual([expect.objectContaining({ line: 15, raw: 'this line is junk' })]);
  });

  it('summarizes counts and both sides in fen', () => {
    expect(res.counts).toMatchObject({ matched: 3, only_counter: 1, only_aggregator: 2, amount_differs: 1, status_differs: 3, other_day: 1, unparsable: 1 });
    expect(res.differences).toBe(8);
    // counter: paid today 1230+1000+500+800+600+400; refunds today 300+400+500
    expect(res.counter).toEqual({ paidFen: 4530, refundFen: 1200, netFen: 3330 });
    expect(res.aggregator).toMatchObject({ paidFen: 1230 + 1000 + 801 + 0 + 700 + 400 + 1500 + 100 + 250, refundFen: 800, feeFen: 5 });
  });

  it('treats a statement line for an order listed twice as one order', () => {
    const o = order('ONE', { amountFen: 100 });
    const r = reconcileStatementCsv([o, { ...o }], [STATEMENT_HEADER, line('ONE', 'S', '收款', '1.00')].join('\n'), DAY, utc);
    expect(r.items.map((i) => i.kind)).toEqual(['matched']);
    expect(r.counter.paidFen).toBe(100);
  });

  it('a payment confirmed after midnight, absent from its order day\'s statement, is a cross-day item, not 短款', () => {
    // Created 23:59:55, PAID journaled 00:00:03: the counter books it on DAY, the platform lists it the next day.
    const late = order('STRADDLE', { amountFen: 900, at: T0 + 24 * HOUR - 5_000, finishedAt: T0 + 24 * HOUR + 3_000 });
    const short = order('SHORT', { amountFen: 500 });
    const r = reconcileStatementCsv([late, short], STATEMENT_HEADER, DAY, utc);
    expect(byId(r.items, 'STRADDLE')).toMatchObject({ kind: 'other_day', counterNetFen: 900, detail: '收款机记在 2026-01-15，平台记在 2026-01-16' });
    expect(byId(r.items, 'SHORT')!.kind).toBe('only_counter'); // paid and confirmed on the day: still 短款
    expect(r.differences).toBe(1);
  });

  it('a reversal without its payment row is a status difference, not a missing payment', () => {
    const r = reconcileStatementCsv([order('X', { amountFen: 600 })], [STATEMENT_HEADER, line('X', 'S', '撤单', '6.00')].join('\n'), DAY, utc);
    expect(r.items).toEqual([expect.objectContaining({ kind: 'status_differs', detail: '收款机：已支付；平台：已撤单', diffFen: -1200 })]);
  });
});

describe('reconcile by re-querying', () => {
  const data = (o: Partial<OrderData>): OrderData => ({ sn: 'S', clientSn: 'C', orderStatus: 'PAID', wallet: 'wechat', totalFen: 0, raw: {}, ...o });
  const answers: Record<string, AggOutcome> = {
    OK: { kind: 'ok', bizCode: 'SUCCESS', data: data({ totalFen: 1000 }) },
    PART: { kind: 'ok', bizCode: 'SUCCESS', data: data({ orderStatus: 'PARTIAL_REFUNDED', totalFen: 1000, netFen: 700 }) },
    GONE: { kind: 'ok', bizCode: 'FAIL', errorCode: 'UPAY_ORDER_NOT_EXISTS', message: '订单不存在' },
    REV: { kind: 'ok', bizCode: 'SUCCESS', data: data({ orderStatus: 'CANCELED', totalFen: 600 }) },
    LONG: { kind: 'ok', bizCode: 'SUCCESS', data: data({ totalFen: 900 }) },
    AMT: { kind: 'ok', bizCode: 'SUCCESS', data: data({ totalFen: 801 }) },
    DOWN: { kind: 'unknown', reason: 'timeout', message: '超时' },
    NEVER: { kind: 'ok', bizCode: 'FAIL', errorCode: 'UPAY_ORDER_NOT_EXISTS', message: '订单不存在' },
  };
  const orders = [
    order('OK', { amountFen: 1000 }),
    order('PART', { amountFen: 1000, refunds: [{ amountFen: 300 }] }),
    order('GONE', { amountFen: 500 }),
    order('REV', { amountFen: 600 }),
    order('LONG', { amountFen: 900, status: 'expired' }),
    order('AMT', { amountFen: 800 }),
    order('DOWN', { amountFen: 100 }),
    order('NEVER', { amountFen: 100, status: 'failed' }),
    order('OTHER-DAY', { at: T0 - 5 * HOUR }),
  ];

  it('classifies from the query answers with limited concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const queried: string[] = [];
    const query = async (clientSn: string): Promise<AggOutcome> => {
      queried.push(clientSn);
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      if (clientSn === 'DOWN') throw new Error('socket hang up');
      return answers[clientSn]!;
    };
    const res = await reconcileByQuery(orders, query, { day: DAY, concurrency: 3 });
    expect(peak).toBe(3);
    expect(queried).not.toContain('OTHER-DAY');
    expect(Object.fromEntries(res.items.map((i) => [i.clientSn, i.kind]))).toEqual({
      OK: 'matched', PART: 'matched', GONE: 'only_counter', REV: 'status_differs', LONG: 'status_differs',
      AMT: 'amount_differs', DOWN: 'query_failed', NEVER: 'matched',
    });
    expect(res.items.find((i) => i.clientSn === 'LONG')).toMatchObject({ diffFen: 900, aggregatorStatus: 'PAID' });
    expect(res.items.find((i) => i.clientSn === 'DOWN')!.nextStep).toContain('重新对账');
    expect(res.differences).toBe(5);
  });
});

describe('reconciliation on screen: details and next steps as message codes', () => {
  const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
  const orders = [order('SHORT', { amountFen: 500, sn: 'SN-SHORT' }), order('AMT', { amountFen: 800, sn: 'SN-AMT' }), order('REV', { amountFen: 600, sn: 'SN-REV' })];
  const csv = [STATEMENT_HEADER, line('AMT', 'SN-AMT', '收款', '8.01'), line('REV', 'SN-REV', '收款', '6.00'), line('REV', 'SN-REV', '撤单', '6.00'), line('', 'SN-X', '收款', '1.00'), 'junk'].join('\n');
  const day = { ...reconcileStatementCsv(orders, csv, DAY, utc), source: 'statement' as const, settlement: { day: DAY, arrivalDay: DAY, total: { count: 0, grossFen: 0, refundFen: 0, feeFen: 0, netFen: 0 }, byWallet: {} } };
  const view = reconcileView(day);

  it('the Chinese words are the CSV text; English has no Chinese character', () => {
    const diffs = view.items.filter((i) => i.kind !== 'matched');
    expect(diffs.map((i) => i.kind).sort()).toEqual(['amount_differs', 'only_aggregator', 'only_counter', 'status_differs', 'unparsable']);
    for (const [k, it] of diffs.entries()) {
      const source = day.items.filter((i) => i.kind !== 'matched')[k]!;
      expect(translateMsg('zh-CN', it.detail!)).toBe(source.detail);
      expect(translateMsg('zh-CN', it.nextStep!)).toBe(source.nextStep);
      expect(translateMsg('en', it.detail!), it.kind).not.toMatch(CJK);
      expect(translateMsg('en', it.nextStep!), it.kind).not.toMatch(CJK);
    }
    expect(translateMsg('en', view.items.find((i) => i.kind === 'amount_differs')!.detail!)).toBe('Counter ¥8.00, platform ¥8.01');
  });
});
