/**
 * Refunds and voids over the real wire: the sandbox over HTTP, the real Upay driver, the real
 * journal. What the manager sees: money goes back once, partials stop at the paid amount,
 * a lost answer never makes a second refund, and a void is same-day only.
 */
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { ServiceError } from '../../../../main/services/dispatch';
import { refundRig } from './refund-rig';

const refusal = async (p: Promise<unknown>): Promise<string> => {
  try { await p; } catch (err) { if (err instanceof ServiceError) return err.message; throw err; }
  throw new Error('expected a refusal');
};

describe('refunds', () => {
  it('several partial refunds up to the paid amount; one more fen is refused before anything is sent', async () => {
    const r = await refundRig();
    const sn = await r.paid(1000);
    const a = await r.refunds.refund({ clientSn: sn, amountFen: 300, operator: '店长' });
    expect(a).toMatchObject({ status: 'refunded', amountFen: 300, kind: 'refund' });
    expect(a.refundRequestNo).toMatch(/^R\d{18}$/);
    const b = await r.refunds.refund({ clientSn: sn, amountFen: 700, operator: '店长' });
    expect(b.status).toBe('refunded');
    expect(b.refundRequestNo).not.toBe(a.refundRequestNo);
    expect(r.journal.orders.get(sn)).toMatchObject({ refundedFen: 1000 });
    expect(await r.sandboxOrder(sn)).toMatchObject({ orderStatus: 'REFUNDED' });

    const before = (await r.ctl.call<{ requests: unknown[] }>('GET', 'requests')).requests.length;
    expect(await refusal(r.refunds.refund({ clientSn: sn, amountFen: 1, operator: '店长' }))).toContain('最多可退 ¥0.00');
    expect((await r.ctl.call<{ requests: unknown[] }>('GET', 'requests')).requests.length).toBe(before);
  });

  it('journals REFUND_REQUESTED with the number and who did it before the network call', async () => {
    const r = await refundRig();
    const sn = await r.paid(500, 'alipay');
    const out = await r.refunds.refund({ clientSn: sn, amountFen: 200, operator: '王店长' });
    const recs = (await r.records(sn)).map((x) => x.type);
    expect(recs.slice(-3)).toEqual(['REFUND_REQUESTED', 'REQUEST_SENT', 'REFUND_FINAL']);
    const req = (await r.records(sn)).find((x) => x.type === 'REFUND_REQUESTED');
    expect(req).toMatchObject({ refundRequestNo: out.refundRequestNo, amountFen: 200, operator: '王店长' });
    expect(r.journal.orders.get(sn)?.refunds).toEqual([expect.objectContaining({ status: 'refunded', operator: '王店长', amountFen: 200 })]);
  });

  it('a timeout is retried with the same refund_request_no; the customer gets the money back once', async () => {
    const r = await refundRig({ driverTimeoutMs: 400 });
    const sn = await r.paid(1000);
    await r.ctl.fault('refund', 'timeout');
    const out = await r.refunds.refund({ clientSn: sn, amountFen: 400, operator: '店长' });
    expect(out.status).toBe('refunded');
    const refundRequests = (await r.records(sn)).filter((x) => x.type === 'REQUEST_SENT' && x.op === 'refund');
    expect(refundRequests.length).toBe(2);
    const order = await r.sandboxOrder(sn);
    expect(order?.refunds).toHaveLength(1);
    expect(order?.refunds?.[0]).toMatchObject({ requestNo: out.refundRequestNo, amountFen: 400 });
  });

  it('a lost answer after the refund happened is settled by query, without a second refund', async () => {
    const r = await refundRig();
    const sn = await r.paid(800);
    await r.ctl.fault('refund', 'lost_response');
    const out = await r.refunds.refund({ clientSn: sn, amountFen: 800, operator: '店长' });
    expect(out).toMatchObject({ status: 'refunded', message: '退款成功（查询确认）' });
    expect((await r.records(sn)).filter((x) => x.type === 'REQUEST_SENT' && x.op === 'refund')).toHaveLength(1);
    expect(r.journal.orders.get(sn)?.refundedFen).toBe(800);
  });

  it('an outage leaves the refund pending; "query again" later finishes it with the same number', async () => {
    const r = await refundRig();
    const sn = await r.paid(600);
    await r.ctl.fault('*', 'http500', { times: -1 });
    const out = await r.refunds.refund({ clientSn: sn, amountFen: 100, operator: '店长' });
    expect(out.status).toBe('pending');
    expect(out.message).toContain('再次查询');
    expect(await refusal(r.refunds.refund({ clientSn: sn, amountFen: 100, operator: '店长' }))).toContain('未确定');
    await r.ctl.clearFaults();
    const again = await r.refunds.retry({ clientSn: sn, refundRequestNo: out.refundRequestNo, operator: '店长' });
    expect(again).toMatchObject({ status: 'refunded', refundRequestNo: out.refundRequestNo });
    expect((await r.sandboxOrder(sn))?.refunds).toHaveLength(1);
    expect(r.journal.orders.get(sn)?.refundedFen).toBe(100);
  });

  it('a refund the platform refuses is FAILED and the amount stays refundable', async () => {
    const r = await refundRig();
    const sn = await r.paid(300);
    // Make the platform refuse: revoke it behind the counter's back, then refund.
    await r.aggregator.revoke({ clientSn: sn });
    const out = await r.refunds.refund({ clientSn: sn, amountFen: 100, operator: '店长' });
    expect(out.status).toBe('failed');
    expect(out.message).toContain('退款失败');
    expect(r.journal.orders.get(sn)?.refundedFen).toBe(0);
  });

  it('refuses refunds of unpaid orders and of unknown order numbers', async () => {
    const r = await refundRig();
    expect(await refusal(r.refunds.refund({ clientSn: 'nope', amountFen: 1, operator: '店长' }))).toContain('没有订单');
  });
});

describe('voids (撤销)', () => {
  it('voids a paid order of today in full; the platform shows it cancelled', async () => {
    const r = await refundRig();
    const sn = await r.paid(1230, 'unionpay');
    const out = await r.refunds.void({ clientSn: sn, operator: '店长' });
    expect(out).toMatchObject({ status: 'refunded', kind: 'void', amountFen: 1230 });
    expect(out.refundRequestNo).toMatch(/^V/);
    expect(await r.sandboxOrder(sn)).toMatchObject({ orderStatus: 'CANCELED' });
    expect(r.journal.orders.get(sn)).toMatchObject({ refundedFen: 1230, refunds: [expect.objectContaining({ kind: 'void' })] });
    expect((await r.records(sn)).filter((x) => x.type === 'REQUEST_SENT').at(-1)).toMatchObject({ op: 'revoke' });
  });

  it('refuses a void after a partial refund (the platform would too)', async () => {
    const r = await refundRig();
    const sn = await r.paid(1000);
    await r.refunds.refund({ clientSn: sn, amountFen: 100, operator: '店长' });
    expect(await refusal(r.refunds.void({ clientSn: sn, operator: '店长' }))).toContain('已有退款');
  });

  it('a lost void answer is confirmed by query', async () => {
    const r = await refundRig();
    const sn = await r.paid(900);
    await r.ctl.fault('revoke', 'lost_response');
    const out = await r.refunds.void({ clientSn: sn, operator: '店长' });
    expect(out).toMatchObject({ status: 'refunded', message: '已撤销（查询确认）' });
  });
});
