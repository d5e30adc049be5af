import type { TotalsView } from '../../../preload/contract';
import { useStore } from '../store';
import { useT } from '../i18n';
import { formatFen } from '../money';

const W = 24 * 22;
const H = 120;

/** Collected amount per hour as plain SVG bars (no chart library); hover shows the figures. */
export function HourChart() {
  const totals = useStore((s) => s.totals);
  const locale = useStore((s) => s.locale);
  const t = useT();
  const hours: TotalsView['byHour'] = totals?.byHour ?? [];
  const max = Math.max(1, ...hours.map((h) => h.paidFen));
  return (
    <section className="panel">
      <h3>{t('mgrByHour')}</h3>
      <svg viewBox={`0 0 ${W} ${H + 18}`} className="hour-chart" data-testid="hour-chart" role="img" aria-label={t('mgrByHour')}>
        {hours.map((h) => {
          const barH = Math.round((h.paidFen / max) * H);
          return (
            <g key={h.hour}>
              <rect x={h.hour * 22 + 3} y={H - barH} width={16} height={barH} className="bar" data-testid={h.count ? `hour-bar-${h.hour}` : undefined}>
                <title>{`${h.hour}:00 · ${h.count} · ${formatFen(h.paidFen, locale)}`}</title>
              </rect>
              {h.hour % 3 === 0 && <text x={h.hour * 22 + 11} y={H + 14} textAnchor="middle" className="axis">{h.hour}</text>}
            </g>
          );
        })}
      </svg>
    </section>
  );
}
