import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { ExportButtons } from './ExportButtons';
import { HourChart } from './HourChart';
import { ReconcilePanel } from './ReconcilePanel';
import { ShiftPanel } from './ShiftPanel';
import { TotalsPanel } from './TotalsPanel';
import { DayField } from './DayField';
import '../manager.css';

/** The store manager's screen (F3): day totals, X/Z report, reconciliation, export. Orders and refunds are on F2. */
export function ReportsScreen() {
  const day = useStore((s) => s.reportDay);
  const setDay = useStore((s) => s.setReportDay);
  const reload = useStore((s) => s.loadReports);
  const error = useStore((s) => s.reportsError);
  const t = useT();
  const tm = useMsg();
  return (
    <div className="reports" data-testid="reports">
      <div className="history-head">
        <label className="day-label">{t('mgrDay')} <DayField value={day} onChange={setDay} testId="report-day" /></label>
        <button className="btn" onClick={() => void reload()} data-testid="reports-refresh">{t('refresh')}</button>
      </div>
      {error && <div className="error" data-testid="reports-error">{tm(error)}</div>}
      <div className="reports-grid">
        <TotalsPanel />
        <HourChart />
        <ShiftPanel />
        <ExportButtons />
      </div>
      <ReconcilePanel />
    </div>
  );
}
