import { describe, expect, it } from 'vitest';
import { createScanRouter } from '../../../../main/manager/scan-target';

describe('scan routing: a scan on the Orders screen never reaches the checkout', () => {
  it('on the checkout a scan is left to the payment path', () => {
    const looked: string[] = [];
    const r = createScanRouter((c) => looked.push(c));
    expect(r.claim('134567890123456789')).toBe(false);
    expect(looked).toEqual([]);
  });

  it('on Orders every scan, even a payment code, is taken as an order number to look up', () => {
    const looked: string[] = [];
    const r = createScanRouter((c) => looked.push(c));
    r.set('history');
    expect(r.claim(' 7895000000011234 ')).toBe(true);
    expect(r.claim('134567890123456789')).toBe(true);
    expect(looked).toEqual(['7895000000011234', '134567890123456789']);
  });

  it('back on the checkout, scans pay again', () => {
    const r = createScanRouter(() => undefined);
    r.set('history');
    r.set('checkout');
    expect(r.target()).toBe('checkout');
    expect(r.claim('134567890123456789')).toBe(false);
  });
});
