import { describe, expect, it } from 'vitest';
import { BookDecoder, encodeBook, SNAPSHOT_COLUMNS } from '../../../../main/journal/book-state';
import { OrderRec } from '../../../../main/journal/order-record';
import { utcDay } from './random-journal';

const rec = (): OrderRec => new OrderRec('A1', '2026-03-10', 'scan', 100, '001', 's', Date.UTC(2026, 2, 10, 9), 45_000, 'wechat', undefined);

describe('book state encoding', () => {
  it('carries every field of an order (a new OrderRec field must be added to the snapshot)', () => {
    expect(Object.keys(rec()).sort()).toEqual([...SNAPSHOT_COLUMNS].sort());
  });

  it('round-trips undefined, null, nested objects and refunds exactly', () => {
    const a = rec();
    a.status = 'paid';
    a.sn = null as unknown as string;
    a.refunds = [{ refundRequestNo: 'R1', amountFen: 50, status: 'refunded', finishedAt: Date.UTC(2026, 2, 12, 9) }];
    a.refundedFen = 50;
    a.cash = { receivedFen: 200, changeFen: 100 };
    const d = new BookDecoder(utcDay);
    for (const line of encodeBook({ orders: [a], orphans: [['X', [{ type: 'QR_READY', clientSn: 'X', sn: 's', qrCode: 'q', expiresAt: 1, seq: 3, ts: 4 }]]], totals: [] }, utcDay)) d.line(line);
    const out = d.finish();
    expect(out.orders[0]).toStrictEqual(a);
    expect(out.orphans[0]![1][0]!.seq).toBe(3);
  });

  it('refuses values JSON cannot carry (NaN, -0, undefined inside an object)', () => {
    for (const bad of [NaN, -0]) {
      const a = rec();
      a.refundedFen = bad;
      expect(() => [...encodeBook({ orders: [a], orphans: [], totals: [] }, utcDay)]).toThrow(/does not survive JSON/);
    }
    const b = rec();
    b.refunds = [{ refundRequestNo: 'R', amountFen: 1, status: 'pending', operator: undefined as unknown as string }];
    expect(() => [...encodeBook({ orders: [b], orphans: [], totals: [] }, utcDay)]).toThrow(/does not survive JSON/);
  });
});
