/**
 * Watching withdrawn QRs for late payments (payment-protocols.md §1.6a): a fake clock, a
 * scripted aggregator and the real journal, so "counts in the day's totals" is the journal's own
 * answer.
 */
import { describe, expect, it, vi } from 'vitest';
import { LATE_PAID_MESSAGE, LateWatch, withdrawnSince, type LatePayment, type LateWatchConfig } from '../../../../main/checkout/late-watch';
import { localBusinessDay } from '../../../../main/journal';
import { FakeTime } from '../../../support/fake-time';
import { cancelOk, notFound, queryAnswer, scriptedAggregator, unknown } from './agg-fixtures';
import { journalIn, tempDir } from './service-rig';
import type { AggOutcome } from '../../../../main/aggregator/types';

const T0 = Date.UTC(2026, 11, 2, 4, 0, 0);
const CFG: LateWatchConfig = { watchMs: 600_000, firstDelayMs: 2_000, factor: 2, maxDelayMs: 60_000 };

async function rig(query: AggOutcome[], cancel: AggOutcome[] = [cancelOk], cfg = CFG) {
  const time = new FakeTime(T0);
  const journal = await journalIn(await tempDir(), time.now);
  // The QR attempt the cashier withdrew: created, shown, canceled (nothing at the platform yet).
  await journal.append({ type: 'ATTEMPT_CREATED', clientSn: 'YM-TEST-1', method: 'qr', amountFen: 1230, operator: '收银员', subject: '小店', windowMs: 240_000 });
  await journal.append({ type: 'PAYMENT_FINAL', clientSn: 'YM-TEST-1', outcome: 'CANCELED', amountFen: 1230, message: '已取消' });
  const queryTimes: number[] = [];
  const { agg, calls } = scriptedAggregator({ query, cancel }, (op) => { if (op === 'query') queryTimes.push(time.now() - T0); });
  const late: LatePayment[] = [];
  const watch = new LateWatch({ aggregator: agg, journal, clock: time, timers: time, config: () => cfg, onLate: (p) => late.push(p) });
  return { time, journal, watch, late, calls, queryTimes };
}

describe('LateWatch', () => {
  it('not found means still nobody paid: queries back off and stop when the watch ends, nothing is journaled', async () => {
    const r = await rig([notFound]);
    r.watch.watch({ clientSn: 'YM-TEST-1', amountFen: 1230, withdrawnAt: T0 });
    await r.time.advanceAsync(700_000);
    expect(r.queryTimes.slice(0, 6)).toEqual([2_000, 6_000, 14_000, 30_000, 62_000, 122_000]); // 2 s, ×2, capped at 60 s
    expect(r.queryTimes.at(-1)).toBe(600_000); // the last query lands on the end of the watch
    expect(r.calls).not.toContain('cancel'); // no order at the platform: nothing to cancel
    expect(r.watch.watching()).toEqual([]);
    expect(r.late).toEqual([]);
    expect(r.journal.orders.get('YM-TEST-1')?.status).toBe('canceled');
  });

  it('a payment after withdrawal is journaled, counts in the day totals and is reported once', async () => {
    const r = await rig([notFound, unknown(), notFound, queryAnswer('PAID', { clientSn: 'YM-TEST-1', wallet: 'alipay', finishTime: T0 + 20_000 })]);
    r.watch.watch({ clientSn: 'YM-TEST-1', amountFen: 1230, withdrawnAt: T0 });
    await r.time.advanceAsync(40_000);
    await vi.waitFor(() => expect(r.late).toHaveLength(1)); // the journal's fsync is real I/O
    expect(r.late).toEqual([{ clientSn: 'YM-TEST-1', amountFen: 1230, wallet: 'alipay', sn: '7894259244096169', paidAt: T0 + 20_000, detectedAt: T0 + 30_000 }]);
    const order = r.journal.orders.get('YM-TEST-1');
    expect(order).toMatchObject({ status: 'paid', wallet: 'alipay', message: LATE_PAID_MESSAGE, sn: '7894259244096169' });
    const totals = r.journal.orders.totals(localBusinessDay(T0));
    expect(totals).toMatchObject({ count: 1, paidFen: 1230 });
    expect(totals.byWallet.alipay).toMatchObject({ count: 1, paidFen: 1230 });
    await r.time.advanceAsync(700_000);
    expect(r.late).toHaveLength(1); // the watch ended with the payment
    expect(r.queryTimes).toHaveLength(4);
  });

  it('a canceled order is over: the watch stops at once', async () => {
    const r = await rig([queryAnswer('CANCELED')]);
    r.watch.watch({ clientSn: 'YM-TEST-1', amountFen: 1230, withdrawnAt: T0 });
    await r.time.advanceAsync(700_000);
    expect(r.queryTimes).toEqual([2_000]);
    expect(r.late).toEqual([]);
  });

  it('an order a wallet opened but did not pay is closed (cancel) when the watch ends', async () => {
    const r = await rig([notFound, queryAnswer('CREATED')]);
    r.watch.watch({ clientSn: 'YM-TEST-1', amountFen: 1230, withdrawnAt: T0 });
    await r.time.advanceAsync(700_000);
    await vi.waitFor(() => expect(r.calls.filter((c) => c === 'cancel')).toHaveLength(1)); // after CANCEL_REQUESTED's fsync
    expect(r.calls.at(-1)).toBe('cancel');
    expect(r.late).toEqual([]);
  });

  it('a different amount is never counted: journaled as received and reported to the cashier as a mismatch', async () => {
    const r = await rig([queryAnswer('PAID', { clientSn: 'YM-TEST-1', totalFen: 1 })]);
    r.watch.watch({ clientSn: 'YM-TEST-1', amountFen: 1230, withdrawnAt: T0 });
    await r.time.advanceAsync(3_000);
    await vi.waitFor(() => expect(r.late).toHaveLength(1));
    expect(r.late[0]).toMatchObject({ amountFen: 1, amountMismatch: true });
    expect(r.journal.orders.get('YM-TEST-1')?.status).not.toBe('paid');
    expect(r.journal.orders.totals(localBusinessDay(T0)).count).toBe(0);
  });

  it('watch time 0 watches nothing; a watch already over is not started', async () => {
    const r = await rig([notFound], [cancelOk], { ...CFG, watchMs: 0 });
    r.watch.watch({ clientSn: 'YM-TEST-1', amountFen: 1230, withdrawnAt: T0 });
    expect(r.watch.watching()).toEqual([]);
    const r2 = await rig([notFound]);
    r2.time.advance(600_001);
    r2.watch.watch({ clientSn: 'YM-TEST-1', amountFen: 1230, withdrawnAt: T0 });
    expect(r2.watch.watching()).toEqual([]);
  });
});

describe('withdrawnSince (resuming watches after a restart)', () => {
  const base = { amountFen: 100, refundedFen: 0 };
  it('takes QR attempts canceled or expired within the watch time, nothing else', () => {
    const now = T0 + 600_000;
    const orders = [
      { ...base, clientSn: 'a', method: 'qr', status: 'canceled', finishedAt: T0 + 1 },
      { ...base, clientSn: 'b', method: 'qr', status: 'expired', finishedAt: now - 1 },
      { ...base, clientSn: 'c', method: 'qr', status: 'canceled', finishedAt: T0 }, // watch over
      { ...base, clientSn: 'd', method: 'scan', status: 'canceled', finishedAt: now - 1 },
      { ...base, clientSn: 'e', method: 'qr', status: 'paid', finishedAt: now - 1 },
    ];
    expect(withdrawnSince(orders, now, 600_000)).toEqual([
      { clientSn: 'a', amountFen: 100, withdrawnAt: T0 + 1 },
      { clientSn: 'b', amountFen: 100, withdrawnAt: now - 1 },
    ]);
    expect(withdrawnSince(orders, now, 0)).toEqual([]);
  });
});
