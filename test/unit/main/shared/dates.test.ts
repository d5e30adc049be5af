import { afterEach, describe, expect, it } from 'vitest';
import { addDays, dateTime, formatDate, hourOf, localDay } from '../../../../main/shared/dates';

// The PC's zone is whatever this machine has; expectations are built from the same local fields.
const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();

describe('formatDate', () => {
  it('writes every token zero-padded in the PC time zone', () => {
    const ts = local(2026, 3, 7, 9, 5, 4);
    expect(formatDate(ts, 'YYYY-MM-DD HH:mm:ss')).toBe('2026-03-07 09:05:04');
    expect(formatDate(ts, 'YYYYMMDDHHmmss')).toBe('20260307090504');
    expect(formatDate(ts, 'YYMMDD-HHmm')).toBe('260307-0905');
  });

  it('keeps text that is not a token', () => {
    expect(formatDate(local(2026, 12, 31, 23, 59, 59), 'Z号 YYYY年MM月DD日')).toBe('Z号 2026年12月31日');
  });

  it('uses a fixed offset when given (招商银行 times are Beijing time whatever the PC zone)', () => {
    const ts = Date.UTC(2026, 0, 31, 16, 30, 0); // 00:30 on 1 February in Beijing
    expect(formatDate(ts, 'YYYYMMDDHHmmss', 480)).toBe('20260201003000');
    expect(dateTime(ts, 0)).toBe('2026-01-31 16:30:00');
    expect(hourOf(ts, 480)).toBe(0);
  });
});

describe('dateTime / hourOf', () => {
  it('is the receipts\' and CSV\'s "YYYY-MM-DD HH:mm:ss" and the hour of the totals by hour', () => {
    const ts = local(2026, 12, 2, 18, 7, 0);
    expect(dateTime(ts)).toBe('2026-12-02 18:07:00');
    expect(hourOf(ts)).toBe(18);
  });
});

describe('localDay', () => {
  afterEach(() => { localDay(0); }); // the one-day cache must never leak a wrong answer between tests

  it('is the local calendar day, also right after midnight and across the cached bounds', () => {
    expect(localDay(local(2026, 12, 2, 23, 59, 59))).toBe('2026-12-02');
    expect(localDay(local(2026, 12, 3, 0, 0, 0))).toBe('2026-12-03');
    expect(localDay(local(2026, 12, 2, 12))).toBe('2026-12-02');
    expect(localDay(local(2027, 1, 1, 0, 0, 1))).toBe('2027-01-01');
  });

  it('does not cache a day for a timestamp that is not a number', () => {
    expect(localDay(Number.NaN)).toBe('NaN-NaN-NaN');
    expect(localDay(local(2026, 5, 6, 7))).toBe('2026-05-06');
  });
});

describe('addDays', () => {
  it('adds calendar days across month, year and leap-day ends (settlement T+N)', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-02', 0)).toBe('2026-12-02');
  });
});
