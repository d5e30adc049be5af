import { useHq } from './store';
import { useT, useWalletName, yuan } from './i18n';
import { Figures } from './Dashboard';

/** One store's ledger (分户帐): paid, refunds, fees, net and the expected settlement per wallet channel. */
export function StorePanel() {
  const t = useT();
  const walletName = useWalletName();
  const detail = useHq((s) => s.detail);
  const day = useHq((s) => s.day);
  const openStore = useHq((s) => s.openStore);
  if (!detail) return null;
  const { ledger, takings } = detail;
  const s = ledger.settlement;
  return (
    <section data-testid="hq-ledger">
      <button className="link" onClick={() => void openStore(null)}>← {t('back')}</button>
      <h2>{t('ledger')} · {ledger.storeId} {ledger.name} · {day}</h2>
      <p>{t('settleAccount')}: {ledger.settleAccount || '—'} · {t('arrival')}: <b data-testid="hq-arrival">{s.arrivalDay}</b></p>
      <table>
        <thead><tr><th>{t('wallet')}</th><th>{t('feeBp')}</th><th>{t('count')}</th><th>{t('paid')}</th><th>{t('refunds')}</th><th>{t('fees')}</th><th>{t('settleNet')}</th></tr></thead>
        <tbody>
          {Object.entries(s.byWallet).map(([w, l]) => l && (
            <tr key={w}><td>{walletName(w)}</td><td>{l.feeBp}</td><td>{l.count}</td><td>{yuan(l.grossFen)}</td><td>{yuan(l.refundFen)}</td><td>{yuan(l.feeFen)}</td><td>{yuan(l.netFen)}</td></tr>
          ))}
          <tr className="sum" data-testid="hq-ledger-total"><td>{t('total')}</td><td /><td>{s.total.count}</td><td>{yuan(s.total.grossFen)}</td><td>{yuan(s.total.refundFen)}</td><td>{yuan(s.total.feeFen)}</td><td>{yuan(s.total.netFen)}</td></tr>
        </tbody>
      </table>
      <a className="button" href={`/api/export/ledger.csv?store=${encodeURIComponent(ledger.storeId)}&day=${day}`} download data-testid="hq-export-ledger">{t('exportCsv')}</a>
      <div className="grid">
        <Figures rows={takings.byTerminal} label={t('counter')} testId="hq-by-counter" />
        <Figures rows={takings.byHour.map((h) => ({ ...h, key: `${h.key.padStart(2, '0')}:00` }))} label={t('hour')} testId="hq-store-by-hour" />
      </div>
    </section>
  );
}
