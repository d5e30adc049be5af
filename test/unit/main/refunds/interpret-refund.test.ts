/** Which refund answers are final: a wrong "done" would tell the customer money came back when it did not. */
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import type { AggOutcome, OrderData } from '../../../../main/aggregator/types';
import { interpretRefund, makeRefundNoFactory, refundApplied } from '../../../../main/refunds';

const data = (orderStatus: string, netFen?: number): OrderData => ({ sn: '1', clientSn: 'c', orderStatus, wallet: 'wechat', totalFen: 1000, raw: {}, ...(netFen === undefined ? {} : { netFen }) });
const ok = (bizCode: string, d?: OrderData, message?: string): AggOutcome => ({ kind: 'ok', bizCode, ...(d ? { data: d } : {}), ...(message ? { message } : {}) });

describe('interpretRefund', () => {
  it('REFUND_SUCCESS / CANCEL_SUCCESS are done; FAIL and a 400 are definite failures', () => {
    expect(interpretRefund(ok('REFUND_SUCCESS'), 'refund')).toEqual({ kind: 'done' });
    expect(interpretRefund(ok('CANCEL_SUCCESS'), 'void')).toEqual({ kind: 'done' });
    expect(interpretRefund(ok('FAIL', undefined, '可退金额不足'), 'refund')).toEqual({ kind: 'failed', message: '可退金额不足' });
    expect(interpretRefund({ kind: 'rejected', errorCode: 'INVALID_PARAMS', message: 'bad' }, 'refund').kind).toBe('failed');
  });

  it('timeouts, 5xx and in-between answers are unknown, never done', () => {
    expect(interpretRefund({ kind: 'unknown', reason: 'timeout', message: 't' }, 'refund').kind).toBe('unknown');
    expect(interpretRefund(ok('REFUND_ERROR'), 'refund').kind).toBe('unknown');
    expect(interpretRefund(ok('REFUND_SUCCESS'), 'void').kind).toBe('unknown');
  });
});

describe('refundApplied (after an unknown answer, by query)', () => {
  it('a partial refund is applied only when the net left matches', () => {
    expect(refundApplied(ok('SUCCESS', data('PARTIAL_REFUNDED', 700)), 'refund', 700)).toBe(true);
    expect(refundApplied(ok('SUCCESS', data('PARTIAL_REFUNDED', 900)), 'refund', 700)).toBe(false);
    expect(refundApplied(ok('SUCCESS', data('PAID', 1000)), 'refund', 700)).toBe(false);
    expect(refundApplied(ok('SUCCESS', data('REFUNDED')), 'refund', 0)).toBe(true);
    expect(refundApplied(ok('SUCCESS', data('CANCELED', 0)), 'void', 0)).toBe(true);
    expect(refundApplied({ kind: 'unknown', reason: 'network', message: '' }, 'void', 0)).toBe(false);
  });
});

describe('refund_request_no', () => {
  it('fits Upay’s 20 characters, says refund or void, and never repeats', () => {
    const rolls = [42, 42, 7];
    const make = makeRefundNoFactory(() => Date.UTC(2026, 0, 15, 2, 3, 4), () => rolls.shift() ?? 9);
    const a = make('refund');
    const b = make('refund');
    expect(a).toMatch(/^R\d{18}$/);
    expect(a.length).toBeLessThanOrEqual(20);
    expect(b).not.toBe(a);
    expect(make('void')).toMatch(/^V/);
  });
});
