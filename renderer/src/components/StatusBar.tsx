import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
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
  const locale = useStore((s) => s.locale);
  const t = useT();
  const tm = useMsg();
  return (
    <div className="status">
      {/* The shop's own name is data: shown as entered, in any language. */}
      <span className="shop" data-testid="shop-name" translate="no" title={shopName || t('appTitle')}>{shopName || t('appTitle')}</span>
      {aggregator && (
        // The terminal number goes in the tooltip: the bar has no room for it at 1024 px.
        <span className={aggregator.activated ? 'pill ok' : 'pill warn'} data-testid="aggregator-status" title={aggregator.terminalSn ?? undefined}>
          {aggregator.mode === 'sandbox' ? t('aggregatorSandbox') : t('aggregatorProduction')}
          {aggregator.activated ? '' : ` · ${t('notActivated')}`}
        </span>
      )}
      {devices && (
        <span className={devices.scanner.state === 'connected' ? 'pill ok' : 'pill'} data-testid="scanner-status" title={tm(devices.scanner.message)}>
          {t(`scanner${devices.scanner.state}`)}
        </span>
      )}
      <OperatorButton />
      <PrinterIndicator />
      <SyncStatus />
      {connectionError && <span className="pill bad">{tm(connectionError)}</span>}
      <DisplayToggles />
      {/* The other language, named in that language (中文 / English). */}
      <button className="link" onClick={toggleLocale} data-testid="language-toggle" lang={locale === 'en' ? 'zh-CN' : 'en'}>{t('language')}</button>
    </div>
  );
}
