import { useStore } from '../store';
import { useT } from '../i18n';
import { formatFen } from '../money';

export function HistoryScreen() {
  const orders = useStore((s) => s.orders);
  const error = useStore((s) => s.historyError);
  const locale = useStore((s) => s.locale);
  const load = useStore((s) => s.loadOrders);
  const t = useT();
  return (
    <div className="history">
      <div className="history-head">
        <h2>{t('historyTitle')}</h2>
        <button className="btn" onClick={() => void load()}>{t('refresh')}</button>
      </div>
      {error && <div className="error">{error}</div>}
      {orders.length === 0 ? <p>{t('historyEmpty')}</p> : (
        <table data-testid="orders">
          <thead><tr><th>{t('colTime')}</th><th>{t('colAmount')}</th><th>{t('colWallet')}</th><th>{t('colStatus')}</th><th>{t('colOrder')}</th></tr></thead>
          <tbody>
            {orders.map((o) => (
              <tr key={o.clientSn}>
                <td>{new Date(o.createdAt).toLocaleTimeString(locale)}</td>
                <td className="num">{formatFen(o.amountFen, locale)}</td>
                <td>{o.wallet ? t(`wallet${o.wallet}`) : '—'}</td>
                <td>{t(`status${o.status}`)}</td>
                <td className="mono">{o.sn ?? o.clientSn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
