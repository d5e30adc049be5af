import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { nodeJournalFs, openJournal } from '../../../../main/journal/index';
import { replay } from '../../../../main/journal/replay';
import type { JournalRecord, JournalRecordBody } from '../../../../main/journal/records';
import { closeShift, computeZReport, openShiftRecord, reprintZ, ShiftBook, xReport } from '../../../../main/reports/shift';
import { HOUR, order, T0, utc, utcDay } from './fixtures';
import { zhText } from '../../../../main/i18n/zh-text';

function fakeJournal(start: number) {
  let seq = 0;
  let now = start;
  const records: JournalRecord[] = [];
  return {
    records,
    clock: () => now,
    set: (t: number) => void (now = t),
    append: async (body: JournalRecordBody): Promise<JournalRecord> => {
      const rec = { ...body, seq: ++seq, ts: now } as JournalRecord;
      records.push(rec);
      return rec;
    },
  };
}

describe('shift close / Z report', () => {
  it('numbers Z reports 1, 2, 3 and splits payments between shifts exactly once', async () => {
    const j = fakeJournal(T0 + 12 * HOUR);
    const book = new ShiftBook();
    const orders = [
      order('A', { amountFen: 1000, at: T0 + 9 * HOUR }),
      order('B', { amountFen: 200, at: T0 + 11 * HOUR, wallet: 'alipay' }),
      order('C', { amountFen: 3000, at: T0 + 13 * HOUR, operator: '002' }),
    ];
    const opened = openShiftRecord(book, '001', 50_00);
    if (!opened.ok) throw new Error(zhText(opened.message));
    book.apply(await j.append(opened.record));
    expect(openShiftRecord(book, '001').ok).toBe(false); // one shift at a time

    const x = xReport(orders, book, j.clock(), utc);
    expect(x.totals.paidFen).toBe(1200);
    expect(book.nextZNo).toBe(1); // X report closes nothing

    const z1 = await closeShift({ orders, book, operator: '001', clock: j.clock, append: j.append, ...utc });
    if (!z1.ok) throw new Error(zhText(z1.message));
    expect(z1.report).toMatchObject({ zNo: 1, shiftNo: 1, operator: '001', openedBy: '001', openingFloatFen: 5000, fromTs: 0, toTs: T0 + 12 * HOUR });
    expect(z1.report.totals).toMatchObject({ count: 2, paidFen: 1200 });
    expect(j.records.at(-1)).toMatchObject({ type: 'SHIFT_CLOSED', zNo: 1, shiftNo: 1 });

    j.set(T0 + 18 * HOUR);
    const z2 = await closeShift({ orders, book, operator: '002', clock: j.clock, append: j.append, ...utc });
    if (!z2.ok) throw new Error(zhText(z2.message));
    expect(z2.report).toMatchObject({ zNo: 2, shiftNo: 2, fromTs: T0 + 12 * HOUR, toTs: T0 + 18 * HOUR });
    expect(z2.report.totals).toMatchObject({ count: 1, paidFen: 3000 });
    expect(z2.report.openedBy).toBeUndefined(); // implicit shift

    const z3 = await closeShift({ orders, book, operator: '002', clock: j.clock, append: j.append, ...utc });
    expect(z3.ok && z3.report.zNo).toBe(3);
    expect(z3.ok && z3.report.totals.count).toBe(0);
  });

  it('freezes the numbers: a reprint shows the stored report even if orders change later', async () => {
    const j = fakeJournal(T0 + 12 * HOUR);
    const book = new ShiftBook();
    const orders = [order('A', { amountFen: 1000 })];
    const z = await closeShift({ orders, book, operator: '001', clock: j.clock, append: j.append, ...utc });
    if (!z.ok) throw new Error('close refused');
    orders[0]!.refunds.push({ refundRequestNo: 'R', amountFen: 1000, status: 'refunded', finishedAt: T0 + 11 * HOUR }); // late change
    const replayed = new ShiftBook();
    for (const r of j.records) replayed.apply(r);
    const again = reprintZ(replayed, 1);
    expect(again).toMatchObject({ ok: true, reprint: true, report: { zNo: 1, totals: { paidFen: 1000, refundFen: 0 } } });
    expect(reprintZ(replayed, 9)).toMatchObject({ ok: false });
    expect(replayed.nextZNo).toBe(2);
  });

  it('refuses to close while a payment or refund is pending', () => {
    const book = new ShiftBook();
    const orders = [
      order('A'),
      order('P1', { status: 'pending' }),
      order('P2', { status: 'needs_attention' }),
      order('R1', { refunds: [{ status: 'pending' }] }),
    ];
    const res = computeZReport({ orders, book, operator: '001', now: T0 + 20 * HOUR, ...utc });
    expect(res.ok).toBe(false);
    if (res.ok) throw new Error('expected above');
    expect(res.reason).toBe('pending');
    expect(res.pending).toEqual(['P1', 'P2', 'R1']);
    expect(res.message).toContain('不能交班');
    expect(res.message).toContain('2 笔支付尚未确定结果');
    expect(res.message).toContain('1 笔退款尚未完成');
    expect(res.message).toContain('再次查询');
    expect(book.nextZNo).toBe(1);
  });

  it('survives a real journal round trip (the nested report is replayed intact)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'yima-shift-'));
    try {
      let now = T0 + 12 * HOUR;
      const opts = { dir, clock: () => now, businessDay: utcDay, warn: () => undefined };
      const j = await openJournal(opts);
      const book = new ShiftBook();
      j.onRecord((r) => book.apply(r));
      await j.append({ type: 'ATTEMPT_CREATED', clientSn: 'A', method: 'scan', amountFen: 1234, operator: '001', subject: 'x', windowMs: 45_000 });
      now += 1000;
      await j.append({ type: 'PAYMENT_FINAL', clientSn: 'A', outcome: 'PAID', amountFen: 1234, wallet: 'alipay' });
      now += 1000;
      const z = await closeShift({ orders: j.orders.list(), book, operator: '店长', clock: () => now, append: (b) => j.append(b), ...utc });
      expect(z.ok).toBe(true);
      await j.close();
      const j2 = await openJournal(opts);
      expect(j2.report).toMatchObject({ corrupt: [], records: 3 });
      expect(j2.orders.totals(utcDay(now)).paidFen).toBe(1234);
      await j2.close();
      const rebuilt = new ShiftBook();
      await replay({ fs: nodeJournalFs, dir, warn: () => undefined, onRecord: (r) => rebuilt.apply(r) });
      expect(reprintZ(rebuilt, 1)).toEqual({ ok: true, reprint: true, report: z.ok ? z.report : undefined });
      expect(rebuilt.nextZNo).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
