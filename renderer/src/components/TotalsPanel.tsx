import type { ManagerOrder } from '../../../preload/contract';
import { useStore } from '../store';
import { useT } from '../i18n';
import { formatFen } from '../money';

type WalletKey = NonNullable<ManagerOrder['wallet']>;

/** The day's totals: collected, refunds, net, by wallet and by cashier. */
export function TotalsPanel() {
  const totals = useStore((s) => s.totals);
  const locale = useStore((s) => s.locale);
  const t = useT();
  if (!totals) return <section className="panel"><h3>{t('mgrTotalsTitle')}</h3><p>{t('mgrNoData')}</p></section>;
  const money = (fen: number) => formatFen(fen, locale);
  const a = totals.attempts;
  const rows = (rec: Record<string, { count: number; paidFen: number; refundFen: number; netFen: number }>, label: (k: string) => string, id: string, names = false) => (
    Object.entries(rec).map(([k, b]) => (
      <tr key={k} data-testid={`${id}-${k}`}>
        <td translate={names ? 'no' : undefined}>{label(k)}</td><td className="num">{b.count}</td><td className="num">{money(b.paidFen)}</td>
        <td className="num">{money(b.refundFen)}</td><td className="num">{money(b.netFen)}</td>
      </tr>
    ))
  );
  const head = (first: string) => (
    <thead><tr><th>{first}</th><th>{t('mgrCount')}</th><th>{t('mgrPaid')}</th><th>{t('mgrRefunds')}</th><th>{t('mgrNet')}</th></tr></thead>
  );
  return (
    <section className="panel">
      <h3>{t('mgrTotalsTitle')}</h3>
      <div className="figures">
        <div><span>{t('mgrCount')}</span><b data-testid="totals-count">{totals.count}</b></div>
        <div><span>{t('mgrPaid')}</span><b data-testid="totals-paid">{money(totals.paidFen)}</b></div>
        <div><span>{t('mgrRefunds')}</span><b data-testid="totals-refunds">{money(totals.refundFen)}</b><small>{t('mgrRefundCount')} {totals.refundCount}</small></div>
        <div><span>{t('mgrNet')}</span><b data-testid="totals-net">{money(totals.netFen)}</b></div>
      </div>
      <p className="hint">{t('mgrAttempts', { failed: a.failed, canceled: a.canceled, expired: a.expired, open: a.pending + a.needs_attention })}</p>
      <table className="compact numeric">{head(t('mgrByWallet'))}<tbody>{rows(totals.byWallet, (k) => t(`wallet${k as WalletKey}`), 'wallet')}</tbody></table>
      <table className="compact numeric">{head(t('mgrByCashier'))}<tbody>{rows(totals.byOperator, (k) => k || '—', 'cashier', true)}</tbody></table>
    </section>
  );
}
