/** One zustand store built from slice files; components select single fields. */
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createCheckoutSlice, type CheckoutSlice } from './checkout-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createManagerSlice, type ManagerSlice } from './manager-slice';
import { createReportsSlice, type ReportsSlice } from './reports-slice';
import { createSearchSlice, type SearchSlice } from './search-slice';
import { createPrinterSlice, type PrinterSlice } from './printer-slice';
import { createPreferencesSlice, type PreferencesSlice } from './preferences-slice';
import { createEngineerSlice, type EngineerSlice } from './engineer-slice';
import { createCashSlice, type CashSlice } from './cash-slice';
import { createOperatorSlice, type OperatorSlice } from './operator-slice';
import { createLateSlice, type LateSlice } from './late-slice';
import { createSyncSlice, type SyncSlice } from './sync-slice';

export type StoreState = AppSlice & CheckoutSlice & HistorySlice & ManagerSlice & ReportsSlice & SearchSlice & PrinterSlice & PreferencesSlice & EngineerSlice & OperatorSlice & CashSlice & LateSlice & SyncSlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createCheckoutSlice(...a),
  ...createHistorySlice(...a),
  ...createManagerSlice(...a),
  ...createReportsSlice(...a),
  ...createSearchSlice(...a),
  ...createPrinterSlice(...a),
  ...createPreferencesSlice(...a),
  ...createEngineerSlice(...a),
  ...createCashSlice(...a),
  ...createOperatorSlice(...a),
  ...createLateSlice(...a),
  ...createSyncSlice(...a),
}));
