import { useStore } from '../store';
import { useT } from '../i18n';
import { formatFen } from '../money';
import { PinDialog } from './PinDialog';
import { CashLines, CountAndClose, OpenShiftForm } from './ShiftCash';

/** X report of the open shift, and shift close (Z report) behind the manager PIN. */
export function ShiftPanel() {
  const x = useStore((s) => s.xReport);
  const lastZ = useStore((s) => s.lastZ);
  const printed = useStore((s) => s.zPrinted);
  const error = useStore((s) => s.shiftError);
  const locale = useStore((s) => s.locale);
  const askPin = useStore((s) => s.askPin);
  const t = useT();
  const money = (fen: number) => formatFen(fen, locale);
  return (
    <section className="panel" data-testid="shift-panel">
      <h3>{t('mgrShiftTitle')}</h3>
      {x && (
        <>
          <p>
            {t('mgrShiftNo', { n: x.shift.shiftNo })} · {x.shift.fromTs > 0 ? t('mgrShiftSince', { t: new Date(x.shift.fromTs).toLocaleString(locale) }) : t('mgrShiftFromStart')}
          </p>
          <div className="figures">
            <div><span>{t('mgrCount')}</span><b data-testid="x-count">{x.totals.count}</b></div>
            <div><span>{t('mgrPaid')}</span><b>{money(x.totals.paidFen)}</b></div>
            <div><span>{t('mgrRefunds')}</span><b>{money(x.totals.refundFen)}</b></div>
            <div><span>{t('mgrNet')}</span><b data-testid="x-net">{money(x.totals.netFen)}</b></div>
          </div>
          {x.cash && <CashLines cash={x.cash} id="x" />}
          <p className="hint">{t('mgrNextZ', { z: x.nextZNo })}</p>
        </>
      )}
      <OpenShiftForm />
      <CountAndClose />
      <button className="btn primary" onClick={() => askPin({ kind: 'closeShift' })} data-testid="close-shift">{t('mgrCloseShift')}</button>
      {error && <div className="error" data-testid="shift-error">{error}</div>}
      {lastZ && (
        <div className="z-done" data-testid="z-report">
          <b data-testid="z-number">{t('mgrZDone', { z: lastZ.zNo })}</b> · {t('mgrShiftNo', { n: lastZ.shiftNo })} · {lastZ.operator}
          {' · '}{t('mgrCount')} {lastZ.totals.count} · {t('mgrNet')} {money(lastZ.totals.netFen)} · {printed ? t('mgrZPrinted') : t('mgrZNotPrinted')}
          {lastZ.cash && <CashLines cash={lastZ.cash} id="z" />}
        </div>
      )}
      <PinDialog kinds={['closeShift']} />
    </section>
  );
}
