import { useStore } from '../store';
import { useT } from '../i18n';
import { PrinterIndicator } from './PrinterPanel';
import { DisplayToggles } from './DisplayToggles';
import { OperatorButton } from './OperatorButton';
import { SyncStatus } from './SyncStatus';

export function StatusBar() {
  const shopName = useStore((s) => s.shopName);
  const devices = useStore((s) => s.devices);
  const aggregator = useStore((s) => s.aggregator);
  const connectionError = useStore((s) => s.connectionError);
  const toggleLocale = useStore((s) => s.toggleLocale);
  const t = useT();
  return (
    <div className="status">
      <span className="shop" data-testid="shop-name">{shopName || t('appTitle')}</span>
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
      <OperatorButton />
      <PrinterIndicator />
      <SyncStatus />
      {connectionError && <span className="pill bad">{connectionError}</span>}
      <DisplayToggles />
      <button className="link" onClick={toggleLocale} data-testid="language-toggle">{t('language')}</button>
    </div>
  );
}
