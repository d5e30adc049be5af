/**
 * The one place the screen formats numbers, money, dates and times: always by the app's language
 * (zh-CN or en), never the browser's, with `Intl`. Money always shows two decimals (¥128.50).
 */
export type FormatLocale = 'zh-CN' | 'en';

/** The Intl locale behind each app language (English dates unambiguous: 2 Dec 2026). */
const INTL: Record<FormatLocale, string> = { 'zh-CN': 'zh-CN', en: 'en-GB' };
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function intl(locale: string): string {
  return INTL[locale as FormatLocale] ?? INTL['zh-CN'];
}

function numberFormat(locale: string, key: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const k = `n|${locale}|${key}`;
  let f = cache.get(k) as Intl.NumberFormat | undefined;
  if (!f) { f = new Intl.NumberFormat(intl(locale), opts); cache.set(k, f); }
  return f;
}

function dateFormat(locale: string, key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `d|${locale}|${key}`;
  let f = cache.get(k) as Intl.DateTimeFormat | undefined;
  if (!f) { f = new Intl.DateTimeFormat(intl(locale), opts); cache.set(k, f); }
  return f;
}

/** fen → "¥128.50" (always two decimals, grouped thousands). */
export function formatFen(fen: number, locale: string = 'zh-CN'): string {
  const yuan = numberFormat(locale, 'money', { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return yuan.format(fen / 100);
}

/** A count or any plain number in the app's language (1,234). */
export function formatNumber(n: number, locale: string = 'zh-CN'): string {
  return numberFormat(locale, 'plain', { maximumFractionDigits: 2 }).format(n);
}

/** A percentage with two decimals (0.38%), from basis points. */
export function formatBasisPoints(bp: number, locale: string = 'zh-CN'): string {
  return numberFormat(locale, 'pct', { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(bp / 10_000);
}

/** Date and time of an instant: 2026/12/02 14:03:05 · 2 Dec 2026, 14:03:05. */
export function formatDateTime(ms: number, locale: string = 'zh-CN'): string {
  return dateFormat(locale, 'dt', { year: 'numeric', month: locale === 'en' ? 'short' : '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(ms);
}

/** Time of day: 14:03:05. */
export function formatTime(ms: number, locale: string = 'zh-CN'): string {
  return dateFormat(locale, 't', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(ms);
}

/** Hours and minutes: 14:03 (the sync pill's "since"). */
export function formatClock(ms: number, locale: string = 'zh-CN'): string {
  return dateFormat(locale, 'hm', { hour: '2-digit', minute: '2-digit', hour12: false }).format(ms);
}

/** Local calendar day "YYYY-MM-DD" of an instant (the counter's business day, as main's journal counts it). */
export function localDay(ms: number = Date.now()): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A business day "2026-12-02" as a date in the app's language (2026/12/02 · 2 Dec 2026), read as a calendar day. */
export function formatDay(day: string, locale: string = 'zh-CN'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return dateFormat(locale, 'day', { year: 'numeric', month: locale === 'en' ? 'short' : '2-digit', day: '2-digit', timeZone: 'UTC' }).format(utc);
}

/**
 * A business day for a date field: 2026年12月2日 周三 · Wed 2026-12-02 (ISO order in English, so
 * no reader takes 12/02 for 2 December or 12 February). Read as a calendar day, no zone shift.
 */
export function formatDayLong(day: string, locale: string = 'zh-CN'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const weekday = dateFormat(locale, 'wd', { weekday: 'short', timeZone: 'UTC' }).format(utc);
  if (locale === 'en') return `${weekday} ${day}`;
  return `${dateFormat(locale, 'dayLong', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(utc)} ${weekday}`;
}
