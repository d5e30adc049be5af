import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';
import { PinDialog } from './PinDialog';
import { CashLines, CountAndClose, OpenShiftForm } from './ShiftCash';
import { MixedTenderSwitch } from './MixedTenderSwitch';
import { PayoutForm } from './PayoutForm';

/**
 * X report of the open shift, payouts and the mixed-tender switch, and shift close (Z report):
 * all behind the manager PIN. An open mixed sale is named here, since it blocks the close.
 */
export function ShiftPanel() {
  const x = useStore((s) => s.xReport);
  const lastZ = useStore((s) => s.lastZ);
  const printed = useStore((s) => s.zPrinted);
  const error = useStore((s) => s.shiftError);
  const locale = useStore((s) => s.locale);
  const askPin = useStore((s) => s.askPin);
  const sale = useStore((s) => s.sale);
  const t = useT();
  const st = useMsg();
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
      <PayoutForm />
      <MixedTenderSwitch />
      {sale && (sale.state === 'open' || sale.state === 'paying') && (
        <div className="notice warn" data-testid="shift-sale-open">{t('shiftSaleOpen', { id: sale.saleId, due: money(sale.remainingFen), paid: money(sale.paidFen) })}</div>
      )}
      <CountAndClose />
      <button className="btn primary" onClick={() => askPin({ kind: 'closeShift' })} data-testid="close-shift">{t('mgrCloseShift')}</button>
      {error && <div className="error" data-testid="shift-error">{st(error)}</div>}
      {lastZ && (
        <div className="z-done" data-testid="z-report">
          <b data-testid="z-number">{t('mgrZDone', { z: lastZ.zNo })}</b> · {t('mgrShiftNo', { n: lastZ.shiftNo })} · {lastZ.operator}
          {' · '}{t('mgrCount')} {lastZ.totals.count} · {t('mgrPaid')} {money(lastZ.totals.paidFen)} · {t('mgrRefunds')} {money(lastZ.totals.refundFen)}
          {' · '}{t('mgrNet')} {money(lastZ.totals.netFen)} · {printed ? t('mgrZPrinted') : t('mgrZNotPrinted')}
          <div className="z-wallets" data-testid="z-wallets">
            {Object.entries(lastZ.totals.byWallet).map(([w, b]) => (
              <span key={w}>{t(`wallet${w}` as Parameters<typeof t>[0])} {money(b.netFen)}</span>
            ))}
          </div>
          {lastZ.cash && <CashLines cash={lastZ.cash} id="z" />}
        </div>
      )}
      <PinDialog kinds={['closeShift', 'mixedTender', 'payout']} />
    </section>
  );
}
