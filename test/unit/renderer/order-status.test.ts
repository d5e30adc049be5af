import { describe, expect, it } from 'vitest';
import { displayStatus } from '../../../renderer/src/order-status';

describe('the status a manager reads in the order list', () => {
  it('a voided order says voided, not paid', () => {
    expect(displayStatus({ status: 'paid', amountFen: 500, refundedFen: 500, refunds: [{ kind: 'void', status: 'refunded' }] })).toBe('voided');
  });
  it('a void still in flight keeps the order paid', () => {
    expect(displayStatus({ status: 'paid', amountFen: 500, refundedFen: 0, refunds: [{ kind: 'void', status: 'pending' }] })).toBe('paid');
  });
  it('full and partial refunds are told apart', () => {
    expect(displayStatus({ status: 'paid', amountFen: 500, refundedFen: 500, refunds: [{ kind: 'refund', status: 'refunded' }] })).toBe('refunded');
    expect(displayStatus({ status: 'paid', amountFen: 500, refundedFen: 120 })).toBe('partrefunded');
  });
  it('other states are shown as they are', () => {
    expect(displayStatus({ status: 'canceled', amountFen: 500 })).toBe('canceled');
    expect(displayStatus({ status: 'paid', amountFen: 500, refundedFen: 0 })).toBe('paid');
  });
});
