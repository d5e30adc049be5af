import type { StateCreator } from 'zustand';
import type { DeviceStatus, Notice, RecoveryReport, Snapshot } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Msg } from '../../../preload/contract';

export type Screen = 'checkout' | 'history' | 'reports' | 'engineer';

export interface AppSlice {
  locale: 'zh-CN' | 'en';
  screen: Screen;
  shopName: string;
  wedgeMaxGapMs: number;
  aggregator: Snapshot['aggregator'] | null;
  devices: DeviceStatus | null;
  recovery: RecoveryReport | null;
  warnings: Msg[];
  notice: Notice | null;
  connectionError: Msg | null;
  /** Loads the snapshot and subscribes to every event; called once at start. */
  connect(): Promise<void>;
  setScreen(screen: Screen): void;
  toggleLocale(): void;
  dismissNotice(): void;
}

export const createAppSlice: StateCreator<StoreState, [], [], AppSlice> = (set, get) => ({
  locale: 'zh-CN',
  screen: 'checkout',
  shopName: '',
  wedgeMaxGapMs: 30,
  aggregator: null,
  devices: null,
  recovery: null,
  warnings: [],
  notice: null,
  connectionError: null,
  async connect() {
    const api = pos();
    api.onCheckout((view) => get().applyView(view));
    api.onDevices((devices) => set({ devices }));
    api.onRecovery((recovery) => set({ recovery }));
    api.onNotice((notice) => set({ notice }));
    api.onPendingAmount(({ amountFen }) => set({ pendingAmountFen: amountFen }));
    api.onLatePayments((list) => get().applyLatePayments(list));
    api.onPreferences((p) => get().applyPreferences(p));
    void api.getPreferences({}).then((p) => get().applyPreferences(p), () => undefined);
    try {
      const snap = await api.getSnapshot({});
      set({ shopName: snap.shopName, wedgeMaxGapMs: snap.wedgeMaxGapMs, aggregator: snap.aggregator, devices: snap.devices, recovery: snap.recovery, warnings: snap.warnings, connectionError: null });
      set({ qrMode: snap.qrMode ?? 'unified', latePayments: snap.latePayments ?? [] });
      get().applyView(snap.checkout);
    } catch (err) {
      set({ connectionError: errorMessage(err) });
    }
  },
  setScreen(screen) {
    set({ screen });
    if (screen === 'history') void get().runSearch();
    if (screen === 'reports') void get().loadReports();
  },
  toggleLocale() {
    const locale = get().locale === 'zh-CN' ? 'en' : 'zh-CN';
    set({ locale }); // at once; main saves it and tells the other windows
    void get().setPreferences({ locale });
  },
  dismissNotice() { set({ notice: null }); },
});
