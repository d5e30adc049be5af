import { useHq } from './store';
import { useT, useWalletName, yuan } from './i18n';
import type { TakingsRow } from './types';
import { StorePanel } from './StorePanel';
import { ReconcilePanel } from './ReconcilePanel';

export function Figures({ rows, label, onPick, testId }: { rows: (TakingsRow & { name?: string })[]; label: string; onPick?: (key: string) => void; testId: string }) {
  const t = useT();
  return (
    <table data-testid={testId}>
      <thead><tr><th>{label}</th><th>{t('count')}</th><th>{t('paid')}</th><th>{t('refunds')}</th><th>{t('net')}</th></tr></thead>
      <tbody>
        {rows.length === 0 && <tr><td colSpan={5}>{t('noData')}</td></tr>}
        {rows.map((r) => (
          <tr key={r.key} className={onPick ? 'pick' : ''} onClick={onPick ? () => onPick(r.key) : undefined}>
            <td>{r.name ? `${r.key} ${r.name}` : r.key}</td><td>{r.count}</td><td>{yuan(r.paidFen)}</td><td>{yuan(r.refundFen)}</td><td>{yuan(r.netFen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Health() {
  const t = useT();
  const health = useHq((s) => s.health);
  const bad = health.filter((h) => h.state !== 'ok');
  return (
    <section>
      <h2>{t('health')}</h2>
      <p data-testid="hq-health-summary">{t('ok')} {health.length - bad.length} · {t('behind')}/{t('silent')} {bad.length}</p>
      {bad.length > 0 && (
        <table data-testid="hq-health">
          <tbody>
            {bad.map((h) => (
              <tr key={`${h.storeId}/${h.terminalId}`}>
                <td>{h.storeId} {h.storeName}</td><td>{h.terminalName || h.terminalId}</td>
                <td className="warn">{h.state === 'behind' ? `${t('behind')} ${h.behind} ${t('records')}` : h.state === 'silent' ? `${t('silent')} · ${h.silentSeconds} ${t('seconds')}` : t('never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function Dashboard() {
  const t = useT();
  const walletName = useWalletName();
  const takings = useHq((s) => s.takings);
  const day = useHq((s) => s.day);
  const user = useHq((s) => s.user);
  const error = useHq((s) => s.error);
  const detail = useHq((s) => s.detail);
  const setDay = useHq((s) => s.setDay);
  const load = useHq((s) => s.load);
  const logout = useHq((s) => s.logout);
  const openStore = useHq((s) => s.openStore);
  return (
    <main className="hq">
      <header>
        <h1>{t('title')}</h1>
        <label>{t('day')} <input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} data-testid="hq-day" /></label>
        <button onClick={() => void load()}>{t('refresh')}</button>
        <span className="user">{user}</span>
        <button className="link" onClick={() => void logout()}>{t('logout')}</button>
      </header>
      {error && <p className="error" role="alert">{error}</p>}
      {detail ? <StorePanel /> : (
        <>
          <section>
            <h2>{t('takings')} · {day}</h2>
            {takings && (
              <p className="total" data-testid="hq-total">{t('total')}: {takings.total.count} {t('count')} · {t('paid')} ¥{yuan(takings.total.paidFen)} · {t('refunds')} ¥{yuan(takings.total.refundFen)} · {t('net')} ¥{yuan(takings.total.netFen)}</p>
            )}
            <a className="button" href={`/api/export/takings.csv?day=${day}`} download data-testid="hq-export-takings">{t('exportCsv')}</a>
            <p className="hint">{t('chooseStore')}</p>
            <div className="grid">
              <Figures rows={takings?.byStore ?? []} label={t('store')} onPick={(k) => void openStore(k)} testId="hq-by-store" />
              <div>
                <Figures rows={(takings?.byWallet ?? []).map((w) => ({ ...w, key: walletName(w.key) }))} label={t('wallet')} testId="hq-by-wallet" />
                <Figures rows={(takings?.byHour ?? []).map((h) => ({ ...h, key: `${h.key.padStart(2, '0')}:00` }))} label={t('hour')} testId="hq-by-hour" />
              </div>
            </div>
          </section>
          <Health />
          <ReconcilePanel />
        </>
      )}
    </main>
  );
}
