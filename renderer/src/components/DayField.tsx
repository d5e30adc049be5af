import { useStore } from '../store';
import { useT } from '../i18n';
import { formatDayLong, localDay } from '../format';

/** 'YYYY-MM-DD' as a local calendar day (no UTC shift at midnight). */
function parseDay(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/**
 * A day in the app's language (2026年3月14日 周六 / Sat 2026-03-14, format.ts), not the browser's
 * mm/dd/yyyy: our text sits over the browser's date input, which stays clickable (its picker)
 * and focusable (typing) but invisible. ‹ › step one day.
 */
export function DayField({ value, onChange, testId }: { value: string; onChange(value: string): void; testId: string }) {
  const locale = useStore((s) => s.locale);
  const t = useT();
  const day = parseDay(value);
  const step = (n: number) => { if (day) { day.setDate(day.getDate() + n); onChange(localDay(day.getTime())); } };
  return (
    <span className="day-field">
      <button type="button" className="btn" disabled={!day} onClick={() => step(-1)} aria-label={t('dayPrev')} title={t('dayPrev')}>‹</button>
      <span className="day-box" data-testid={`${testId}-text`}>
        {day ? formatDayLong(value, locale) : t('dayAny')}
        <input type="date" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} aria-label={day ? formatDayLong(value, locale) : t('dayAny')} />
      </span>
      <button type="button" className="btn" disabled={!day} onClick={() => step(1)} aria-label={t('dayNext')} title={t('dayNext')}>›</button>
    </span>
  );
}
