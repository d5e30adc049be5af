import { useStore } from '../../store';
import { useMsg, useT } from '../../i18n';
import { EngineerField, SectionFeedbackLine } from './EngineerField';

/** Receipt printer: transport and address, paper width, test print, status. */
export function PrinterSection() {
  const saveSection = useStore((s) => s.saveEngineerSection);
  const testPrint = useStore((s) => s.engineerTestPrint);
  const transport = useStore((s) => s.engineerForms?.printer.transport);
  const override = useStore((s) => s.engineerView?.printerOverride);
  const state = useStore((s) => s.devices?.printer.message);
  const t = useT();
  const tm = useMsg();
  const hint = transport === 'tcp' ? t('engAddrTcp') : transport === 'serial' ? t('engAddrSerial') : transport === 'file' ? t('engAddrFile') : transport === 'os' ? t('engAddrOs') : undefined;
  return (
    <section className="eng-card" data-testid="eng-printer">
      <h3>{t('engPrinter')}</h3>
      <div className="eng-status" data-testid="eng-printer-state">{state && tm(state)}</div>
      {override && <div className="eng-warn">{t('engOverride', { v: override })}</div>}
      <div className="eng-grid">
        <EngineerField section="printer" field="transport" label={t('engTransport')}
          options={[['none', t('engTransportnone')], ['serial', t('engTransportserial')], ['tcp', t('engTransporttcp')], ['file', t('engTransportfile')], ['os', t('engTransportos')]]} />
        {transport !== 'none' && <EngineerField section="printer" field="address" label={t('engAddress')} hint={hint} />}
        <EngineerField section="printer" field="width" label={t('engWidth')} options={[['58', '58 mm'], ['80', '80 mm']]} />
      </div>
      <div className="actions">
        <button className="btn primary" onClick={() => void saveSection('printer')} data-testid="eng-printer-save">{t('engSave')}</button>
        <button className="btn" onClick={() => void testPrint()} data-testid="eng-test-print">{t('testPrint')}</button>
      </div>
      <SectionFeedbackLine section="printer" />
    </section>
  );
}
