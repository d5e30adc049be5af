/**
 * The field engineer's screen: PIN, forms as typed text (main validates and answers field by
 * field), the port list, the live scanner monitor, test print, activation, check-in, settings
 * export/import and log export. IPC calls live here only.
 */
import type { StateCreator } from 'zustand';
import { downloadBlob } from '../download';
import type { AggregatorForm, EngineerView, EventPayload, PrinterForm, SaveResult, ScannerForm, SerialPortView, ShopForm, UnlockRole } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Msg } from '../../../preload/contract';

export type EngineerSection = 'scanner' | 'printer' | 'aggregator' | 'shop' | 'terminal' | 'files';
export type MonitorLine = EventPayload<'scannerMonitor'>;
/** `text`: a message from main, or a plain value (a file path, a job id). */
export interface SectionFeedback { ok: boolean; text: Msg | string }
export interface EngineerForms { scanner: ScannerForm; printer: PrinterForm; aggregator: AggregatorForm; shop: ShopForm }
type FormSection = keyof EngineerForms;

const MONITOR_LINES = 50;

function formsOf(v: EngineerView): EngineerForms {
  const s = v.scanner;
  return {
    scanner: {
      path: s.path, baudRate: String(s.baudRate), dataBits: String(s.dataBits), parity: s.parity, stopBits: String(s.stopBits),
      suffix: s.suffix, interCharTimeoutMs: String(s.interCharTimeoutMs), dedupeMs: String(s.dedupeMs), wedgeMaxGapMs: String(s.wedgeMaxGapMs),
    },
    printer: { transport: v.printer.transport, address: v.printer.address, width: String(v.printer.width) },
    aggregator: { mode: v.aggregator.mode, baseUrl: v.aggregator.baseUrl, vendorSn: v.aggregator.vendorSn, appId: v.aggregator.appId, vendorKey: '', qrMode: v.aggregator.qrMode ?? 'unified' },
    shop: { name: v.shop.name, terminalName: v.shop.terminalName },
  };
}

export interface EngineerSlice {
  engineerUnlocked: boolean;
  engineerPinMessage: Msg | null;
  engineerView: EngineerView | null;
  engineerForms: EngineerForms | null;
  engineerErrors: Partial<Record<FormSection, Record<string, Msg>>>;
  engineerFeedback: Partial<Record<EngineerSection, SectionFeedback>>;
  serialPorts: SerialPortView[] | null;
  monitor: MonitorLine[];
  unlockEngineer(pin: string, role?: UnlockRole): Promise<void>;
  lockEngineer(): Promise<void>;
  loadEngineer(): Promise<void>;
  refreshPorts(): Promise<void>;
  setEngineerField<S extends FormSection>(section: S, field: keyof EngineerForms[S] & string, value: string): void;
  saveEngineerSection(section: FormSection): Promise<void>;
  engineerTestPrint(): Promise<void>;
  activateTerminal(code: string): Promise<void>;
  checkinNow(): Promise<void>;
  exportEngineerSettings(): Promise<void>;
  importEngineerSettings(json: string): Promise<void>;
  exportEngineerLogs(): Promise<void>;
  clearMonitor(): void;
  /** Subscribes to the live scanner monitor while the screen is open; returns the unsubscribe. */
  watchMonitor(): () => void;
}

function save(section: FormSection, forms: EngineerForms): Promise<SaveResult> {
  const api = pos();
  switch (section) {
    case 'scanner': return api.saveScanner(forms.scanner);
    case 'printer': return api.savePrinter(forms.printer);
    case 'aggregator': return api.saveAggregator(forms.aggregator);
    case 'shop': return api.saveShop(forms.shop);
  }
}


export const createEngineerSlice: StateCreator<StoreState, [], [], EngineerSlice> = (set, get) => {
  const feedback = (section: EngineerSection, ok: boolean, text: Msg | string) => set({ engineerFeedback: { ...get().engineerFeedback, [section]: { ok, text } } });
  const refused = (err: unknown) => {
    // The session ended (idle) in main: back to the PIN.
    if (errorMessage(err).code === 'eng.pinFirst') set({ engineerUnlocked: false, engineerPinMessage: errorMessage(err) });
  };
  return {
    engineerUnlocked: false,
    engineerPinMessage: null,
    engineerView: null,
    engineerForms: null,
    engineerErrors: {},
    engineerFeedback: {},
    serialPorts: null,
    monitor: [],

    async unlockEngineer(pin, role = 'engineer') {
      try {
        const res = await pos().engineerUnlock({ pin, role });
        set({ engineerUnlocked: res.ok, engineerPinMessage: res.ok ? null : res.message });
        if (res.ok) { await get().loadEngineer(); void get().refreshPorts(); }
      } catch (err) {
        set({ engineerPinMessage: errorMessage(err) });
      }
    },
    async lockEngineer() {
      set({ engineerUnlocked: false, engineerView: null, engineerForms: null, engineerErrors: {}, engineerFeedback: {}, monitor: [] });
      await pos().engineerLock({}).catch(() => undefined);
    },
    async loadEngineer() {
      try {
        const view = await pos().engineerView({});
        set({ engineerView: view, engineerForms: formsOf(view) });
      } catch (err) { refused(err); }
    },
    async refreshPorts() {
      try {
        set({ serialPorts: (await pos().listSerialPorts({})).ports });
      } catch (err) { refused(err); feedback('scanner', false, errorMessage(err)); }
    },
    setEngineerField(section, field, value) {
      const forms = get().engineerForms;
      if (!forms) return;
      const errors: Record<string, Msg> = { ...(get().engineerErrors[section] ?? {}) };
      delete errors[field];
      set({ engineerForms: { ...forms, [section]: { ...forms[section], [field]: value } }, engineerErrors: { ...get().engineerErrors, [section]: errors } });
    },
    async saveEngineerSection(section) {
      const forms = get().engineerForms;
      if (!forms) return;
      try {
        const res = await save(section, forms);
        if (res.ok) {
          set({ engineerView: res.view, engineerForms: { ...get().engineerForms!, [section]: formsOf(res.view)[section] }, engineerErrors: { ...get().engineerErrors, [section]: {} } });
          if (res.view.aggregator.qrMode) set({ qrMode: res.view.aggregator.qrMode, walletPick: false }); // the next 收款 uses it
        } else {
          set({ engineerErrors: { ...get().engineerErrors, [section]: res.errors } });
        }
        feedback(section, res.ok, res.message);
      } catch (err) { refused(err); feedback(section, false, errorMessage(err)); }
    },
    async engineerTestPrint() {
      try {
        const { jobId } = await pos().testPrint({});
        feedback('printer', true, `✓ ${jobId}`);
      } catch (err) { feedback('printer', false, errorMessage(err)); }
    },
    async activateTerminal(code) {
      try {
        const res = await pos().activateTerminal({ code });
        feedback('terminal', res.ok, res.message);
        await get().loadEngineer();
      } catch (err) { refused(err); feedback('terminal', false, errorMessage(err)); }
    },
    async checkinNow() {
      try {
        const res = await pos().checkinNow({});
        feedback('terminal', res.ok, res.message);
        await get().loadEngineer();
      } catch (err) { refused(err); feedback('terminal', false, errorMessage(err)); }
    },
    async exportEngineerSettings() {
      try {
        const res = await pos().exportSettings({});
        downloadBlob(res.fileName, new Blob([res.json], { type: 'application/json' }));
        feedback('files', true, res.path);
      } catch (err) { refused(err); feedback('files', false, errorMessage(err)); }
    },
    async importEngineerSettings(json) {
      try {
        const res = await pos().importSettings({ json });
        if (res.ok) set({ engineerView: res.view, engineerForms: formsOf(res.view), engineerErrors: {} });
        feedback('files', res.ok, res.message);
      } catch (err) { refused(err); feedback('files', false, errorMessage(err)); }
    },
    async exportEngineerLogs() {
      try {
        const res = await pos().exportLogs({});
        const bytes = Uint8Array.from(atob(res.base64), (c) => c.charCodeAt(0));
        downloadBlob(res.fileName, new Blob([bytes], { type: 'application/zip' }));
        feedback('files', true, res.path);
      } catch (err) { refused(err); feedback('files', false, errorMessage(err)); }
    },
    clearMonitor() { set({ monitor: [] }); },
    watchMonitor() {
      const api = pos();
      const offMonitor = api.onScannerMonitor((line) => set({ monitor: [line, ...get().monitor].slice(0, MONITOR_LINES) }));
      const offDevices = api.onDevices(() => { if (get().engineerUnlocked) void get().loadEngineer(); });
      return () => { offMonitor(); offDevices(); };
    },
  };
};
