import type { CsvKind } from '../../../preload/contract';
import { useStore } from '../store';
import { useT } from '../i18n';

const KINDS: CsvKind[] = ['orders', 'totals', 'reconciliation', 'settlement'];

/** CSV exports of the chosen day (UTF-8 with BOM, saved in the data directory and downloaded). */
export function ExportButtons() {
  const exportCsv = useStore((s) => s.exportCsv);
  const info = useStore((s) => s.exportInfo);
  const t = useT();
  return (
    <section className="panel">
      <h3>{t('mgrExportTitle')}</h3>
      <div className="actions">
        {KINDS.map((k) => (
          <button key={k} className="btn" onClick={() => void exportCsv(k)} data-testid={`export-${k}`}>{t(`mgrExport${k}`)}</button>
        ))}
      </div>
      {info && <p className="hint" data-testid="export-info">{t('mgrExported', { path: info })}</p>}
    </section>
  );
}
