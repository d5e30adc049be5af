import { useEffect, useState } from 'react';
import type { CashCountInput, CashSummaryView } from '../../../preload/contract';
import { useStore } from '../store';
import { useT } from '../i18n';
import { formatFen } from '../money';

const DENOMINATIONS = [10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10];

/** 开班 with the opening float (备用金) counted into the drawer. */
export function OpenShiftForm() {
  const shiftOpen = useStore((s) => s.shiftOpen);
  const floatFen = useStore((s) => s.floatFen);
  const locale = useStore((s) => s.locale);
  const openShift = useStore((s) => s.openShift);
  const loadCash = useStore((s) => s.loadCash);
  const lastZ = useStore((s) => s.lastZ);
  const t = useT();
  const [float, setFloat] = useState('');
  useEffect(() => { void loadCash(); }, [loadCash, lastZ]);
  if (shiftOpen) return <p data-testid="shift-float">{t('shiftOpened', { x: formatFen(floatFen ?? 0, locale) })}</p>;
  return (
    <div className="refund-form">
      <label>{t('shiftFloat')}<input value={float} inputMode="decimal" onChange={(e) => setFloat(e.target.value.replace(/[^\d.]/g, ''))} data-testid="float-input" /></label>
      <button className="btn" onClick={() => void openShift(float)} data-testid="open-shift">{t('shiftOpenBtn')}</button>
    </div>
  );
}

/** The drawer's lines: float, cash in and out, expected; counted and 长款/短款 when counted. */
export function CashLines({ cash, id }: { cash: CashSummaryView; id: string }) {
  const locale = useStore((s) => s.locale);
  const t = useT();
  const money = (fen: number) => formatFen(fen, locale);
  return (
    <div className="figures" data-testid={`${id}-cash`}>
      <div><span>{t('cashFloat')}</span><b>{money(cash.floatFen)}</b></div>
      <div><span>{t('cashSales')}</span><b data-testid={`${id}-cash-sales`}>{money(cash.salesFen)}</b></div>
      <div><span>{t('cashRefunds')}</span><b>{money(cash.refundsFen)}</b></div>
      {cash.payoutsFen > 0 && <div><span>{t('cashPayouts')}</span><b>{money(cash.payoutsFen)}</b></div>}
      <div><span>{t('cashExpected')}</span><b data-testid={`${id}-cash-expected`}>{money(cash.expectedFen)}</b></div>
      {cash.countedFen !== undefined && <div><span>{t('cashCounted')}</span><b data-testid={`${id}-cash-counted`}>{money(cash.countedFen)}</b></div>}
      {cash.difference && cash.differenceFen !== undefined && (
        <div><span>{t(`cashDiff${cash.difference}`)}</span><b data-testid={`${id}-cash-diff`}>{t(`cashDiff${cash.difference}`)} {money(Math.abs(cash.differenceFen))}</b></div>
      )}
    </div>
  );
}

/** 交班: count the drawer by denomination (or type the total), then the manager PIN. */
export function CountAndClose() {
  const askPin = useStore((s) => s.askPin);
  const locale = useStore((s) => s.locale);
  const t = useT();
  const [pieces, setPieces] = useState<Record<string, string>>({});
  const [total, setTotal] = useState('');
  const close = () => {
    const denominations: Record<string, number> = {};
    for (const [k, v] of Object.entries(pieces)) if (/^\d+$/.test(v) && Number(v) > 0) denominations[k] = Number(v);
    const counted: CashCountInput | undefined = Object.keys(denominations).length ? { denominations } : total.trim() ? { total: total.trim() } : undefined;
    askPin({ kind: 'closeShift', ...(counted ? { counted } : {}) });
  };
  return (
    <details className="count-form" data-testid="count-form">
      <summary>{t('countTitle')}</summary>
      <div className="refund-form">
        {DENOMINATIONS.map((d) => (
          <label key={d}>{formatFen(d, locale)}
            <input inputMode="numeric" size={4} value={pieces[d] ?? ''} data-testid={`count-${d}`} onChange={(e) => setPieces({ ...pieces, [d]: e.target.value.replace(/\D/g, '') })} />
          </label>
        ))}
        <label>{t('countTotal')}<input inputMode="decimal" value={total} data-testid="count-total" onChange={(e) => setTotal(e.target.value.replace(/[^\d.]/g, ''))} /></label>
      </div>
      <button className="btn primary" onClick={close} data-testid="close-shift-counted">{t('mgrCloseShift')}</button>
    </details>
  );
}
