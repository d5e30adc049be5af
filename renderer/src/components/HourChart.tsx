import type { TotalsView } from '../../../preload/contract';
import { useStore } from '../store';
import { useT } from '../i18n';
import { formatFen } from '../money';

const LEFT = 64; // room for the value axis labels
const STEP = 20;
const W = LEFT + 24 * STEP + 8;
const H = 150;
const TOP = 10;

/** A round top for the value axis (1, 2 or 5 × 10^n yuan) at or above the highest bar. */
export function niceMaxFen(maxFen: number): number {
  const yuan = Math.max(1, maxFen / 100);
  const pow = 10 ** Math.floor(Math.log10(yuan));
  const top = [1, 2, 5, 10].map((m) => m * pow).find((v) => v >= yuan) ?? 10 * pow;
  return Math.round(top * 100);
}

/** Collected amount per hour as plain SVG bars (no chart library), with a value axis; hover shows the figures. */
export function HourChart() {
  const totals = useStore((s) => s.totals);
  const locale = useStore((s) => s.locale);
  const t = useT();
  const hours: TotalsView['byHour'] = totals?.byHour ?? [];
  const top = niceMaxFen(Math.max(0, ...hours.map((h) => h.paidFen)));
  const ticks = [0, 0.5, 1].map((f) => Math.round(top * f));
  const y = (fen: number) => TOP + H - (fen / top) * H;
  const axisMoney = (fen: number) => formatFen(fen, locale).replace(/\.00$/, '');
  return (
    <section className="panel">
      <h3>{t('mgrByHour')}</h3>
      <svg viewBox={`0 0 ${W} ${TOP + H + 22}`} className="hour-chart" data-testid="hour-chart" role="img" aria-label={t('mgrByHour')}>
        {ticks.map((v) => (
          <g key={v} data-testid="hour-axis-tick">
            <line x1={LEFT} x2={W} y1={y(v)} y2={y(v)} className={v === 0 ? 'baseline' : 'grid'} />
            <text x={LEFT - 6} y={y(v) + 4} textAnchor="end" className="axis">{axisMoney(v)}</text>
          </g>
        ))}
        {hours.map((h) => {
          const barH = Math.round((h.paidFen / top) * H);
          const x = LEFT + h.hour * STEP;
          return (
            <g key={h.hour}>
              <rect x={x + 3} y={TOP + H - barH} width={STEP - 6} height={barH} className="bar" data-testid={h.count ? `hour-bar-${h.hour}` : undefined}>
                <title>{`${h.hour}:00 · ${h.count} · ${formatFen(h.paidFen, locale)}`}</title>
              </rect>
              {h.hour % 3 === 0 && <text x={x + STEP / 2} y={TOP + H + 16} textAnchor="middle" className="axis">{h.hour}</text>}
            </g>
          );
        })}
      </svg>
    </section>
  );
}
