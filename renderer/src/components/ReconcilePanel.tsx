import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';
import { formatBasisPoints, formatDayLong, formatNumber } from '../format';
import { BankSettlement } from './BankSettlement';

/** Reconciliation of the chosen day: differences with the next step, and the expected settlement. */
export function ReconcilePanel() {
  const result = useStore((s) => s.reconcileResult);
  const running = useStore((s) => s.reconciling);
  const error = useStore((s) => s.reconcileError);
  const locale = useStore((s) => s.locale);
  const run = useStore((s) => s.runReconcile);
  const t = useT();
  const tm = useMsg();
  const money = (fen: number) => formatFen(fen, locale);
  const diffs = result?.items.filter((i) => i.kind !== 'matched') ?? [];
  return (
    <section className="panel" data-testid="reconcile-panel">
      <h3>{t('mgrReconcileTitle')}</h3>
      <button className="btn primary" onClick={() => void run()} disabled={running} data-testid="reconcile-run">
        {running ? t('mgrReconciling') : t('mgrReconcileRun')}
      </button>
      {error && <div className="error">{tm(error)}</div>}
      {result && (
        <>
          <p className="hint">{t(`mgrSource${result.source}`)}{result.statementProblem ? ` · ${tm(result.statementProblem)}` : ''}</p>
          <p data-testid="reconcile-summary" className={result.differences ? 'warn-text' : 'ok-text'}>
            {result.differences ? t('mgrReconcileDiffs', { n: result.differences }) : t('mgrReconcileOk', { n: result.counts.matched })}
          </p>
          <p>
            {t('mgrColCounter')} {money(result.counter.netFen)} · {t('mgrColAggregator')} {money(result.aggregator.netFen)}
          </p>
          {diffs.length > 0 && (
            <table className="compact" data-testid="reconcile-diffs">
              <thead><tr><th>{t('mgrColKind')}</th><th>{t('colOrder')}</th><th>{t('mgrColCounter')}</th><th>{t('mgrColAggregator')}</th><th>{t('mgrColDiff')}</th><th>{t('mgrColDetail')}</th><th>{t('mgrColNext')}</th></tr></thead>
              <tbody>
                {diffs.map((d, i) => (
                  <tr key={`${d.clientSn ?? d.sn ?? ''}-${i}`} data-kind={d.kind} data-testid="reconcile-diff">
                    <td>{t(`mgrDiff${d.kind}`)}</td>
                    <td className="mono">{d.clientSn ?? d.sn ?? '—'}</td>
                    <td className="num">{money(d.counterNetFen)}</td>
                    <td className="num">{money(d.aggregatorNetFen)}</td>
                    <td className="num">{money(d.diffFen)}</td>
                    <td>{d.detail ? tm(d.detail) : ''}</td>
                    <td>{d.nextStep ? tm(d.nextStep) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h4>{t('mgrSettlementTitle')} · <span data-testid="settlement-arrival">{t('mgrArrival', { day: formatDayLong(result.settlement.arrivalDay, locale) })}</span></h4>
          <table className="compact numeric" data-testid="settlement">
            <thead><tr><th>{t('mgrByWallet')}</th><th>{t('mgrFeeRate')}</th><th>{t('mgrCount')}</th><th>{t('mgrGross')}</th><th>{t('mgrRefunds')}</th><th>{t('mgrFee')}</th><th>{t('mgrSettleNet')}</th></tr></thead>
            <tbody>
              {Object.entries(result.settlement.byWallet).map(([w, l]) => (
                <tr key={w}>
                  <td>{t(`wallet${w as 'other'}`)}</td><td className="num">{formatBasisPoints(l.feeBp, locale)}</td><td className="num">{formatNumber(l.count, locale)}</td>
                  <td className="num">{money(l.grossFen)}</td><td className="num">{money(l.refundFen)}</td><td className="num">{money(l.feeFen)}</td><td className="num">{money(l.netFen)}</td>
                </tr>
              ))}
              <tr className="total">
                <td>∑</td><td /><td className="num">{result.settlement.total.count}</td><td className="num">{money(result.settlement.total.grossFen)}</td>
                <td className="num">{money(result.settlement.total.refundFen)}</td><td className="num">{money(result.settlement.total.feeFen)}</td>
                <td className="num" data-testid="settlement-net">{money(result.settlement.total.netFen)}</td>
              </tr>
            </tbody>
          </table>
          {result.bankSettlement && result.bankSettlement.length > 0 && <BankSettlement lines={result.bankSettlement} />}
        </>
      )}
    </section>
  );
}
