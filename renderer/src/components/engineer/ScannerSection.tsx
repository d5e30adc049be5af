import { useStore } from '../../store';
import { useMsg, useT } from '../../i18n';
import { EngineerField, SectionFeedbackLine } from './EngineerField';
import { ScannerMonitor } from './ScannerMonitor';

const BAUDS = ['1200', '2400', '4800', '9600', '19200', '38400', '57600', '115200'];

/** Serial scanner: port (list with refresh, or typed), baud rate and framing, applied live. */
export function ScannerSection() {
  const ports = useStore((s) => s.serialPorts);
  const refresh = useStore((s) => s.refreshPorts);
  const saveSection = useStore((s) => s.saveEngineerSection);
  const setField = useStore((s) => s.setEngineerField);
  const override = useStore((s) => s.engineerView?.scannerOverride);
  const state = useStore((s) => s.devices?.scanner.message);
  const t = useT();
  const tm = useMsg();
  return (
    <section className="eng-card" data-testid="eng-scanner">
      <h3>{t('engScanner')}</h3>
      <div className="eng-status" data-testid="eng-scanner-state">{state && tm(state)}</div>
      {override && <div className="eng-warn">{t('engOverride', { v: override })}</div>}
      <div className="eng-ports">
        <strong>{t('engPorts')}</strong>
        <button className="btn small" onClick={() => void refresh()} data-testid="eng-ports-refresh">{t('engRefresh')}</button>
        {ports && ports.length === 0 && <div className="eng-hint">{t('engNoPorts')}</div>}
        <ul data-testid="eng-ports">
          {ports?.map((p) => (
            <li key={p.path}><button className="link" onClick={() => setField('scanner', 'path', p.path)} data-testid="eng-port">{p.label}</button></li>
          ))}
        </ul>
      </div>
      <div className="eng-grid">
        <EngineerField section="scanner" field="path" label={t('engPort')} placeholder="/dev/ttyUSB0 · COM3" hint={t('engPortHint')} />
        <EngineerField section="scanner" field="baudRate" label={t('engBaud')} options={BAUDS.map((b) => [b, b])} />
        <EngineerField section="scanner" field="dataBits" label={t('engDataBits')} options={[['8', '8'], ['7', '7']]} />
        <EngineerField section="scanner" field="parity" label={t('engParity')} options={[['none', t('engParitynone')], ['even', t('engParityeven')], ['odd', t('engParityodd')]]} />
        <EngineerField section="scanner" field="stopBits" label={t('engStopBits')} options={[['1', '1'], ['2', '2']]} />
        <EngineerField section="scanner" field="suffix" label={t('engSuffix')} options={[['CR', 'CR (\\r)'], ['LF', 'LF (\\n)'], ['CRLF', 'CRLF (\\r\\n)'], ['none', t('engSuffixNone')]]} />
        <EngineerField section="scanner" field="interCharTimeoutMs" label={t('engInterChar')} />
        <EngineerField section="scanner" field="dedupeMs" label={t('engDedupe')} />
        <EngineerField section="scanner" field="wedgeMaxGapMs" label={t('engWedgeGap')} />
      </div>
      <div className="actions">
        <button className="btn primary" onClick={() => void saveSection('scanner')} data-testid="eng-scanner-save">{t('engApply')}</button>
      </div>
      <SectionFeedbackLine section="scanner" />
      <ScannerMonitor />
    </section>
  );
}
