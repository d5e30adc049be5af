import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';
import { PinDialog } from './PinDialog';

/**
 * A payment made after its QR was withdrawn (main/checkout/late-watch.ts): shown over every
 * screen until the cashier keeps it or refunds it (manager PIN, the normal refund with its
 * refund_request_no). It never changes the checkout's own result: the next sale goes on.
 */
export function LatePaymentDialog() {
  const list = useStore((s) => s.latePayments);
  const locale = useStore((s) => s.locale);
  const keep = useStore((s) => s.keepLatePayment);
  const refund = useStore((s) => s.refundLatePayment);
  const refundResult = useStore((s) => s.refundResult);
  const refundError = useStore((s) => s.refundError);
  const t = useT();
  const tm = useMsg();
  const p = list[0];
  if (!p) return null;
  const done = refundResult?.clientSn === p.clientSn ? refundResult : null;
  const time = new Date(p.paidAt).toLocaleTimeString(locale === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
  return (
    <div className="pin-backdrop">
      <div className="pin-dialog panel late-payment" role="alertdialog" aria-modal="true" aria-labelledby="late-title" data-testid="late-payment">
        <h3 id="late-title">{t('lateTitle')}</h3>
        <p className="late-lead" data-testid="late-lead">{t('lateLead')}</p>
        <dl className="late-facts">
          <dt>{t('lateAmount')}</dt><dd data-testid="late-amount">{formatFen(p.amountFen, locale)}</dd>
          <dt>{t('lateWallet')}</dt><dd data-testid="late-wallet">{t(`wallet${p.wallet}`)}</dd>
          <dt>{t('lateTime')}</dt><dd data-testid="late-time">{time}</dd>
          <dt>{t('lateOrder')}</dt><dd data-testid="late-sn">{p.sn}</dd>
        </dl>
        <p className={p.amountMismatch ? 'error' : 'hint'}>{p.amountMismatch ? t('lateMismatch') : t('lateCounted')}</p>
        {done && (
          <div className={done.status === 'failed' ? 'error' : 'ok'} role="status" data-testid="late-refund-result">
            {done.status === 'refunded' ? t('lateRefunded', { a: formatFen(done.amountFen, locale) }) : done.status === 'pending' ? t('lateRefundPending') : t('lateRefundFailed', { m: tm(done.message) })}
          </div>
        )}
        {refundError && !done && <div className="error" role="alert">{tm(refundError)}</div>}
        {list.length > 1 && <p className="hint">{t('lateMore', { n: list.length - 1 })}</p>}
        <div className="actions">
          {done
            ? <button className="btn primary" autoFocus onClick={() => void keep(p.clientSn)} data-testid="late-close">{t('lateClose')}</button>
            : <>
                {!p.amountMismatch && <button className="btn danger" onClick={() => refund(p)} data-testid="late-refund">{t('lateRefund')}</button>}
                <button className="btn primary" autoFocus onClick={() => void keep(p.clientSn)} data-testid="late-keep">{t('lateKeep')}</button>
              </>}
        </div>
      </div>
      <PinDialog kinds={['refund']} clientSn={p.clientSn} />
    </div>
  );
}
