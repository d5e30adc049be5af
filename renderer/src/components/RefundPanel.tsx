import { Fragment, useEffect, useState } from 'react';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';
import { PinDialog } from './PinDialog';

const yuanText = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/**
 * Full or partial refund, or same-day void, of one order, behind the manager PIN. Lists the
 * order's refunds; one whose outcome is unknown gets "query again" (same refund number).
 */
export function RefundPanel({ clientSn }: { clientSn: string }) {
  const order = useStore((s) => s.refundOrders[clientSn]);
  const result = useStore((s) => s.refundResult);
  const error = useStore((s) => s.refundError);
  const locale = useStore((s) => s.locale);
  const load = useStore((s) => s.loadRefundOrder);
  const askPin = useStore((s) => s.askPin);
  const retry = useStore((s) => s.retryRefund);
  const watch = useStore((s) => s.watchRefunds);
  const t = useT();
  const tm = useMsg();
  // What the manager typed, for this order as it was; empty until typed (or 全额 pressed), so a
  // refund of everything is never one Enter away. After a refund the field is empty again.
  const [edit, setEdit] = useState<{ clientSn: string; refundedFen: number; text: string } | null>(null);
  useEffect(() => { watch(); void load(clientSn); }, [clientSn, load, watch]);
  if (!order) return null;
  const amount = edit && edit.clientSn === clientSn && edit.refundedFen === order.refundedFen ? edit.text : '';
  const setAmount = (text: string) => setEdit({ clientSn, refundedFen: order.refundedFen, text });
  const money = (fen: number) => formatFen(fen, locale);
  const canRefund = order.refundableFen > 0;
  const mine = result?.clientSn === clientSn ? result : null;
  return (
    <section className="refund-panel panel" data-testid="refund-panel">
      <h3>{t('mgrRefundTitle')}</h3>
      <div className="figures">
        <div><span>{t('mgrPaidAmount')}</span><b>{money(order.amountFen)}</b></div>
        <div><span>{t('mgrRefunded')}</span><b data-testid="refund-refunded">{money(order.refundedFen)}</b></div>
        <div><span>{t('mgrRefundable')}</span><b data-testid="refund-refundable">{money(order.refundableFen)}</b></div>
      </div>
      {canRefund ? (
        <div className="refund-form">
          <label>
            {t('mgrRefundAmount')}
            <input value={amount} inputMode="decimal" onChange={(e) => setAmount(e.target.value.replace(/[^\d.]/g, ''))} data-testid="refund-amount"
              onKeyDown={(e) => { if (e.key === 'Enter' && amount) askPin({ kind: 'refund', clientSn, amount }); }} />
          </label>
          <button className="btn" onClick={() => setAmount(yuanText(order.refundableFen))}>{t('mgrRefundAll')}</button>
          <button className="btn primary" disabled={!amount} onClick={() => askPin({ kind: 'refund', clientSn, amount })} data-testid="refund-submit">{t('mgrRefundBtn')}</button>
          {!order.voidRefusal && <button className="btn danger" onClick={() => askPin({ kind: 'void', clientSn })} data-testid="void-submit">{t('mgrVoidBtn')}</button>}
        </div>
      ) : <p className="hint">{t('mgrNotRefundable')}</p>}
      {error && <div className="error" data-testid="refund-error">{tm(error)}</div>}
      {mine && <div className={mine.status === 'refunded' ? 'ok-text' : 'warn-text'} data-testid="refund-result">{tm(mine.message)}</div>}
      {order.refunds.length > 0 && (
        <table className="compact" data-testid="refund-list">
          <tbody>
            {order.refunds.map((r) => (
              <Fragment key={r.refundRequestNo}>
                <tr className="refund-row" data-status={r.status}>
                  <td>{t(`mgrKind${r.kind ?? 'refund'}`)}</td>
                  <td className="num">{money(r.amountFen)}</td>
                  <td>{t(`mgrRefundStatus${r.status}`)}</td>
                  <td translate="no">{r.operator ?? ''}</td>{/* a name: data, the same in either language */}
                  <td>{r.status === 'pending' && <button className="btn" onClick={() => void retry(clientSn, r.refundRequestNo)} data-testid="refund-retry">{t('queryAgain')}</button>}</td>
                </tr>
                {/* The refund number on its own line: the whole number fits the panel at 1024 px, for the platform's support. */}
                <tr className="ref-no"><td colSpan={5} className="mono" data-testid="refund-no">{r.refundRequestNo}</td></tr>
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
      <PinDialog kinds={['refund', 'void']} clientSn={clientSn} />
    </section>
  );
}
