import { useStore } from '../../store';
import { useMsg, useT } from '../../i18n';

/** The live monitor: every frame the scanner sends, hex and text, with the wallet it looks like. */
export function ScannerMonitor() {
  const lines = useStore((s) => s.monitor);
  const clear = useStore((s) => s.clearMonitor);
  const t = useT();
  const tm = useMsg();
  return (
    <div className="eng-monitor" data-testid="eng-monitor">
      <div className="eng-monitor-head">
        <strong>{t('engMonitor')}</strong>
        <button className="btn small" onClick={clear}>{t('engMonitorClear')}</button>
      </div>
      {lines.length === 0 && <div className="eng-hint">{t('engMonitorEmpty')}</div>}
      <ol>
        {lines.map((l) => (
          <li key={`${l.at}-${l.hex}`} className={l.status === 'ok' && l.wallet ? 'ok' : 'bad'} data-testid="eng-monitor-line">
            <span className="eng-time">{new Date(l.at).toLocaleTimeString()}</span>
            <span className="mono" data-testid="eng-monitor-text">{l.text || '∅'}</span>
            <span className="eng-wallet" data-testid="eng-monitor-wallet">{l.wallet ? t(`wallet${l.wallet}`) : tm(l.verdict)}</span>
            <div className="mono eng-hex" data-testid="eng-monitor-hex">{l.hex}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}
