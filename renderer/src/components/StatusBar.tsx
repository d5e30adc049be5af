import { useStore } from '../store';
import { useT } from '../i18n';

export function StatusBar() {
  const shopName = useStore((s) => s.shopName);
  const devices = useStore((s) => s.devices);
  const aggregator = useStore((s) => s.aggregator);
  const connectionError = useStore((s) => s.connectionError);
  const toggleLocale = useStore((s) => s.toggleLocale);
  const t = useT();
  return (
    <div className="status">
      <span className="shop">{shopName || t('appTitle')}</span>
      {aggregator && (
        <span className={aggregator.activated ? 'pill ok' : 'pill warn'} data-testid="aggregator-status">
          {aggregator.mode === 'sandbox' ? t('aggregatorSandbox') : t('aggregatorProduction')}
          {aggregator.activated ? ` · ${aggregator.terminalSn ?? ''}` : ` · ${t('notActivated')}`}
        </span>
      )}
      {devices && (
        <span className={devices.scanner.state === 'connected' ? 'pill ok' : 'pill'} data-testid="scanner-status" title={devices.scanner.message}>
          {t(`scanner${devices.scanner.state}`)}
        </span>
      )}
      {devices && devices.printer.state !== 'not_configured' && (
        <span className={devices.printer.state === 'ok' ? 'pill ok' : 'pill warn'} data-testid="printer-status">{devices.printer.message}</span>
      )}
      {connectionError && <span className="pill bad">{connectionError}</span>}
      <button className="link" onClick={toggleLocale}>{t('language')}</button>
    </div>
  );
}
