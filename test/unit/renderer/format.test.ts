import { describe, expect, it } from 'vitest';
import { formatBasisPoints, formatClock, formatDateTime, formatDay, formatDayLong, formatFen, formatNumber, formatTime } from '../../../renderer/src/format';

// 2026-12-02 06:03:05 UTC; the test machine's zone decides the hour, so only the shape is checked for times.
const AT = Date.UTC(2026, 11, 2, 6, 3, 5);

describe('format: numbers and dates by the app language, not the browser', () => {
  it('money always has two decimals and groups thousands (¥128.50, never ¥128.5)', () => {
    expect(formatFen(12850, 'zh-CN')).toBe('¥128.50');
    expect(formatFen(12850, 'en')).toBe('¥128.50');
    expect(formatFen(123456789, 'en')).toBe('¥1,234,567.89');
    expect(formatFen(5, 'zh-CN')).toBe('¥0.05');
  });

  it('a business day reads as a date in each language (no mm/dd/yyyy)', () => {
    expect(formatDay('2026-12-02', 'zh-CN')).toBe('2026/12/02');
    expect(formatDay('2026-12-02', 'en')).toBe('02 Dec 2026');
    expect(formatDay('not a day', 'en')).toBe('not a day');
  });

  it("the date field shows the day the app's way: 2026年12月2日 周三 and Wed 2026-12-02, never 12/02/2026", () => {
    expect(formatDayLong('2026-12-02', 'zh-CN')).toBe('2026年12月2日 周三');
    expect(formatDayLong('2026-12-02', 'en')).toBe('Wed 2026-12-02');
    // The first of a month and the last of a year stay the same calendar day in every time zone.
    expect(formatDayLong('2027-01-01', 'zh-CN')).toBe('2027年1月1日 周五');
    expect(formatDayLong('2026-12-31', 'en')).toBe('Thu 2026-12-31');
    expect(formatDayLong('', 'en')).toBe('');
  });

  it('date-times and times are 24-hour in both languages', () => {
    expect(formatDateTime(AT, 'zh-CN')).toMatch(/^2026\/12\/0[23] \d{2}:\d{2}:05$/);
    expect(formatDateTime(AT, 'en')).toMatch(/^0[23] Dec 2026, \d{2}:\d{2}:05$/);
    expect(formatTime(AT, 'en')).toMatch(/^\d{2}:\d{2}:05$/);
    expect(formatClock(AT, 'zh-CN')).toMatch(/^\d{2}:03$/);
    expect(formatClock(AT, 'en')).toBe(formatClock(AT, 'zh-CN'));
  });

  it('plain numbers and fee rates', () => {
    expect(formatNumber(1200, 'en')).toBe('1,200');
    expect(formatBasisPoints(38, 'en')).toBe('0.38%');
  });
});
