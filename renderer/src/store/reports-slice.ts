/** Reports screen state: the day's totals, the X report, reconciliation and CSV export. */
import type { StateCreator } from 'zustand';
import type { CsvKind, ReconcileView, TotalsView } from '../../../preload/contract';
import { downloadText, localDay } from '../download';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Msg } from '../../../preload/contract';

export type XReportView = Awaited<ReturnType<ReturnType<typeof pos>['xReport']>>;

export interface ReportsSlice {
  reportDay: string;
  totals: TotalsView | null;
  xReport: XReportView | null;
  reportsError: Msg | null;
  reconcileResult: ReconcileView | null;
  reconciling: boolean;
  reconcileError: Msg | null;
  exportInfo: string | null;
  setReportDay(day: string): void;
  loadReports(): Promise<void>;
  runReconcile(): Promise<void>;
  exportCsv(kind: CsvKind): Promise<void>;
}

export const createReportsSlice: StateCreator<StoreState, [], [], ReportsSlice> = (set, get) => ({
  reportDay: localDay(),
  totals: null,
  xReport: null,
  reportsError: null,
  reconcileResult: null,
  reconciling: false,
  reconcileError: null,
  exportInfo: null,
  setReportDay(day) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    set({ reportDay: day, reconcileResult: null, reconcileError: null });
    void get().loadReports();
  },
  async loadReports() {
    try {
      const [totals, xReport] = await Promise.all([pos().totals({ day: get().reportDay }), pos().xReport({})]);
      set({ totals, xReport, reportsError: null });
    } catch (err) {
      set({ reportsError: errorMessage(err) });
    }
  },
  async runReconcile() {
    set({ reconciling: true, reconcileError: null });
    try {
      set({ reconcileResult: await pos().reconcile({ day: get().reportDay }) });
    } catch (err) {
      set({ reconcileError: errorMessage(err) });
    } finally {
      set({ reconciling: false });
    }
  },
  async exportCsv(kind) {
    try {
      const out = await pos().exportCsv({ kind, day: get().reportDay });
      downloadText(out.fileName, out.csv);
      set({ exportInfo: out.path });
    } catch (err) {
      set({ exportInfo: null, reportsError: errorMessage(err) });
    }
  },
});
