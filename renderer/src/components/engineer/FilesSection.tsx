import { useRef } from 'react';
import { useStore } from '../../store';
import { useT } from '../../i18n';
import { EngineerField, SectionFeedbackLine } from './EngineerField';

/** Shop and terminal names, settings export / import (no keys), log export (zip). */
export function FilesSection() {
  const saveSection = useStore((s) => s.saveEngineerSection);
  const exportSettings = useStore((s) => s.exportEngineerSettings);
  const importSettings = useStore((s) => s.importEngineerSettings);
  const exportLogs = useStore((s) => s.exportEngineerLogs);
  const settingsPath = useStore((s) => s.engineerView?.settingsPath);
  const logDir = useStore((s) => s.engineerView?.logDir);
  const file = useRef<HTMLInputElement>(null);
  const t = useT();
  return (
    <section className="eng-card" data-testid="eng-files">
      <h3>{t('engShop')}</h3>
      <div className="eng-grid">
        <EngineerField section="shop" field="name" label={t('engShopName')} />
        <EngineerField section="shop" field="terminalName" label={t('engTerminalName')} />
      </div>
      <div className="actions">
        <button className="btn primary" onClick={() => void saveSection('shop')} data-testid="eng-shop-save">{t('engSave')}</button>
      </div>
      <SectionFeedbackLine section="shop" />

      <h3>{t('engFiles')}</h3>
      <div className="eng-hint">{t('engSettingsFile')}: <span className="mono">{settingsPath}</span></div>
      <div className="eng-hint">{t('engLogDir')}: <span className="mono">{logDir}</span></div>
      <div className="actions">
        <button className="btn" onClick={() => void exportSettings()} data-testid="eng-export-settings">{t('engExportSettings')}</button>
        <button className="btn" onClick={() => file.current?.click()} data-testid="eng-import-settings">{t('engImportSettings')}</button>
        <button className="btn" onClick={() => void exportLogs()} data-testid="eng-export-logs">{t('engExportLogs')}</button>
        <input ref={file} type="file" accept="application/json,.json" hidden data-testid="eng-import-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void f.text().then((text) => importSettings(text));
          }} />
      </div>
      <div className="eng-hint">{t('engNoSecretsInExport')}</div>
      <SectionFeedbackLine section="files" />
    </section>
  );
}
