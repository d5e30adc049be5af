/**
 * The one main-side date formatter: journal days, report and CSV times, receipt times, file
 * names and idempotency keys. By default in the PC's own time zone — the clock the screen, the
 * journal's business day and the receipts share (a counter in China runs on China time); a
 * platform that fixes its own zone (招商银行: Beijing time) passes utcOffsetMinutes = 480.
 * Machine-readable instants (logs, exports' "exportedAt") stay ISO 8601 UTC (toISOString).
 */

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

interface Fields { Y: number; M: number; D: number; h: number; m: number; s: number }

function fieldsOf(ts: number, utcOffsetMinutes?: number): Fields {
  if (utcOffsetMinutes === undefined) {
    const d = new Date(ts);
    return { Y: d.getFullYear(), M: d.getMonth() + 1, D: d.getDate(), h: d.getHours(), m: d.getMinutes(), s: d.getSeconds() };
  }
  const d = new Date(ts + utcOffsetMinutes * 60_000);
  return { Y: d.getUTCFullYear(), M: d.getUTCMonth() + 1, D: d.getUTCDate(), h: d.getUTCHours(), m: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

const TOKENS = /YYYY|YY|MM|DD|HH|mm|ss/g;

/**
 * `pattern` with YYYY, YY, MM, DD, HH, mm, ss replaced (zero-padded); everything else is kept.
 * formatDate(ts, 'YYYY-MM-DD HH:mm:ss'), formatDate(ts, 'YYYYMMDDHHmmss', 480).
 */
export function formatDate(ts: number, pattern: string, utcOffsetMinutes?: number): string {
  const f = fieldsOf(ts, utcOffsetMinutes);
  return pattern.replace(TOKENS, (t) => {
    switch (t) {
      case 'YYYY': return String(f.Y).padStart(4, '0');
      case 'YY': return pad2(f.Y % 100);
      case 'MM': return pad2(f.M);
      case 'DD': return pad2(f.D);
      case 'HH': return pad2(f.h);
      case 'mm': return pad2(f.m);
      default: return pad2(f.s);
    }
  });
}

/** "YYYY-MM-DD HH:mm:ss": reports, CSV, receipts. */
export function dateTime(ts: number, utcOffsetMinutes?: number): string {
  return formatDate(ts, 'YYYY-MM-DD HH:mm:ss', utcOffsetMinutes);
}

/** The hour of the day 0–23 (totals by hour). */
export function hourOf(ts: number, utcOffsetMinutes?: number): number {
  return fieldsOf(ts, utcOffsetMinutes).h;
}

// The last local day's bounds: replay asks for the day of ~1M records, in order.
let dayLo = 0;
let dayHi = -1;
let dayStr = '';

/** The local calendar day "YYYY-MM-DD" (the journal's business day, file names, report days). */
export function localDay(ts: number): string {
  if (ts >= dayLo && ts < dayHi) return dayStr;
  const d = new Date(ts);
  const y = d.getFullYear();
  const m = d.getMonth();
  const day = d.getDate();
  const s = `${y}-${pad2(m + 1)}-${pad2(day)}`;
  if (Number.isFinite(ts)) {
    dayLo = new Date(y, m, day).getTime();
    dayHi = new Date(y, m, day + 1).getTime();
    dayStr = s;
  }
  return s;
}

/** "YYYY-MM-DD" plus n calendar days (settlement T+N); no time zone involved. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return `${String(t.getUTCFullYear()).padStart(4, '0')}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())}`;
}
