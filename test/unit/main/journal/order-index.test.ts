import { afterEach, beforeEach, describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import type { Journal } from '../../../../main/journal/index';
import { attempt, DAY0, HOUR, manualClock, open, paid, T0, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let j: Journal;
let clock: ReturnType<typeof manualClock>;
let warnings: string[];
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  clock = manualClock();
  warnings = [];
  j = await open(dir, clock.now, { warnings });
});
afterEach(async () => {
  await j.close();
  await cleanup();
});

async function reopen(): Promise<void> {
  await j.close();
  j = await open(dir, clock.now, { warnings });
}

describe('order index', () => {
  it('counts each paid payment exactly once, even with duplicate finals, before and after replay', async () => {
    await j.append(attempt('A1', 1000));
    await j.append(paid('A1', 1000, 'wechat'));
    await j.append(paid('A1', 1000, 'wechat')); // recovery re-queried and journaled again
    await j.append(attempt('A2', 250, { wallet: 'alipay' }));
    await j.append(paid('A2', 250, 'alipay'));
    await j.append(attempt('A3', 999));
    await j.append({ type: 'PAYMENT_FINAL', clientSn: 'A3', outcome: 'FAILED', amountFen: 999, message: '余额不足' });
    await j.append({ type: 'PAYMENT_FINAL', clientSn: 'A3', outcome: 'FAILED', amountFen: 999 });
    const expected = {
      day: DAY0, count: 2, paidFen: 1250, refundFen: 0, netFen: 1250,
      byWallet: { wechat: { count: 1, paidFen: 1000, refundFen: 0 }, alipay: { count: 1, paidFen: 250, refundFen: 0 } },
    };
    expect(j.orders.totals(DAY0)).toMatchObject(expected);
    await reopen();
    expect(j.orders.totals(DAY0)).toMatchObject(expected);
    expect(j.orders.get('A3')).toMatchObject({ status: 'failed', message: '余额不足' });
  });

  it('refunds: counted once on the day of the refund, per wallet', async () => {
    await j.append(attempt('A1', 1000));
    await j.append(paid('A1', 1000, 'alipay'));
    clock.advance(24 * HOUR);
    await j.append({ type: 'REFUND_REQUESTED', clientSn: 'A1', refundRequestNo: 'R1', amountFen: 300, operator: 'mgr' });
    expect(j.orders.get('A1')?.refunds).toEqual([{ refundRequestNo: 'R1', amountFen: 300, status: 'pending', operator: 'mgr', requestedAt: T0 + 24 * HOUR }]);
    await j.append({ type: 'REFUND_FINAL', clientSn: 'A1', refundRequestNo: 'R1', amountFen: 300, outcome: 'REFUNDED' });
    await j.append({ type: 'REFUND_FINAL', clientSn: 'A1', refundRequestNo: 'R1', amountFen: 300, outcome: 'REFUNDED' });
    await j.append({ type: 'REFUND_REQUESTED', clientSn: 'A1', refundRequestNo: 'R2', amountFen: 100, operator: 'mgr' });
    await j.append({ type: 'REFUND_FINAL', clientSn: 'A1', refundRequestNo: 'R2', amountFen: 100, outcome: 'FAILED', message: 'x' });
    await reopen();
    expect(j.orders.get('A1')).toMatchObject({ status: 'paid', refundedFen: 300 });
    expect(j.orders.get('A1')?.refunds.map((r) => r.status)).toEqual(['refunded', 'failed']);
    expect(j.orders.totals(DAY0)).toMatchObject({ count: 1, paidFen: 1000, refundFen: 0, netFen: 1000 });
    expect(j.orders.totals('2026-03-11')).toMatchObject({ count: 0, paidFen: 0, refundFen: 300, netFen: -300, byWallet: { alipay: { count: 0, paidFen: 0, refundFen: 300 } } });
  });

  it('unfinished() lists pending and needs_attention attempts for recovery', async () => {
    await j.append(attempt('P1'));
    await j.append({ type: 'REQUEST_SENT', clientSn: 'P1', op: 'pay' });
    await j.append(attempt('N1', 500, { method: 'qr' }));
    await j.append({ type: 'QR_READY', clientSn: 'N1', sn: 'SQB1', qrCode: 'https://qr/1', expiresAt: T0 + 60_000 });
    await j.append({ type: 'NEEDS_ATTENTION', clientSn: 'N1', reason: 'cancel failed' });
    await j.append(attempt('D1'));
    await j.append({ type: 'CANCEL_REQUESTED', clientSn: 'D1', reason: 'cashier' });
    await j.append({ type: 'PAYMENT_FINAL', clientSn: 'D1', outcome: 'CANCELED', amountFen: 1000 });
    await reopen();
    expect(j.orders.unfinished().map((o) => [o.clientSn, o.status])).toEqual([['P1', 'pending'], ['N1', 'needs_attention']]);
    expect(j.orders.bySn('SQB1')).toMatchObject({ clientSn: 'N1', qrCode: 'https://qr/1', expiresAt: T0 + 60_000, message: 'cancel failed' });
    expect(j.orders.get('D1')).toMatchObject({ status: 'canceled', cancelReason: 'cashier' });
    expect(j.orders.unfinished().find((o) => o.clientSn === 'N1')?.qrCode).toBe('https://qr/1');
    // recovery finishes N1 as paid (the QR payload is dropped once final)
    await j.append({ ...paid('N1', 500), recovered: true });
    expect(j.orders.unfinished().map((o) => o.clientSn)).toEqual(['P1']);
    expect(j.orders.get('N1')).toMatchObject({ status: 'paid', recovered: true, sn: 'SNN1' });
    expect(j.orders.get('N1')?.qrCode).toBeUndefined();
    expect(j.orders.totals(DAY0).count).toBe(1);
  });

  it('a PAID result with a different amount is not counted and needs attention', async () => {
    await j.append(attempt('A1', 1000));
    await j.append(paid('A1', 10));
    expect(j.orders.get('A1')).toMatchObject({ status: 'needs_attention', message: expect.stringContaining('金额不符'), note: '金额不符：订单 ¥10.00，支付结果 ¥0.10' });
    expect(j.orders.totals(DAY0).count).toBe(0);
  });

  it('a late PAID after EXPIRED counts once; a FAILED after PAID is ignored', async () => {
    await j.append(attempt('A1', 700));
    await j.append({ type: 'PAYMENT_FINAL', clientSn: 'A1', outcome: 'EXPIRED', amountFen: 700 });
    await j.append(paid('A1', 700));
    await j.append({ type: 'PAYMENT_FINAL', clientSn: 'A1', outcome: 'FAILED', amountFen: 700 });
    await j.append(paid('A1', 700));
    expect(j.orders.get('A1')?.status).toBe('paid');
    expect(j.orders.totals(DAY0)).toMatchObject({ count: 1, paidFen: 700 });
  });

  it('list() filters by day, status, time range, wallet and amount; views are copies', async () => {
    await j.append(attempt('A1', 100));
    await j.append(paid('A1', 100, 'wechat'));
    clock.advance(HOUR);
    await j.append(attempt('A2', 200));
    await j.append(paid('A2', 200, 'alipay'));
    clock.advance(HOUR);
    await j.append(attempt('A3', 200));
    clock.advance(24 * HOUR);
    await j.append(attempt('B1', 200));
    const ids = (f: Parameters<Journal['orders']['list']>[0]) => j.orders.list(f).map((o) => o.clientSn);
    expect(ids(undefined)).toEqual(['A1', 'A2', 'A3', 'B1']);
    expect(ids({ day: DAY0 })).toEqual(['A1', 'A2', 'A3']);
    expect(ids({ day: '2026-03-11' })).toEqual(['B1']);
    expect(ids({ day: '2026-01-01' })).toEqual([]);
    expect(ids({ status: 'paid' })).toEqual(['A1', 'A2']);
    expect(ids({ status: ['pending', 'failed'] })).toEqual(['A3', 'B1']);
    expect(ids({ fromTs: T0 + HOUR, toTs: T0 + 2 * HOUR })).toEqual(['A2', 'A3']);
    expect(ids({ wallet: 'alipay' })).toEqual(['A2']);
    expect(ids({ amountFen: 200, day: DAY0 })).toEqual(['A2', 'A3']);
    const v = j.orders.get('A1')!;
    v.status = 'failed';
    v.refunds.push({ refundRequestNo: 'x', amountFen: 1, status: 'pending' });
    expect(j.orders.get('A1')).toMatchObject({ status: 'paid', refunds: [] });
  });

  it('a reused clientSn is ignored with a warning (the order number is immutable)', async () => {
    await j.append(attempt('A1', 100));
    await j.append(attempt('A1', 999));
    expect(j.orders.get('A1')?.amountFen).toBe(100);
    expect(warnings.some((w) => w.includes('duplicate ATTEMPT_CREATED'))).toBe(true);
  });

  it('totals of an empty day are zeros', () => {
    expect(j.orders.totals('2020-01-01')).toEqual({ day: '2020-01-01', count: 0, paidFen: 0, refundCount: 0, refundFen: 0, netFen: 0, byWallet: {} });
  });
});
