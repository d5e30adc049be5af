/**
 * The engineer's payment-platform and head-office forms: typed text in, main validates and
 * answers field → message code; secrets are write-only (the view says set / not set).
 * IPC calls live here only.
 */
import type { StateCreator } from 'zustand';
import type { HqForm, HqView, Msg, PlatformForm, PlatformView, ProbeResultView } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';

export interface SetupFeedback { ok: boolean; message: Msg }
type Errors = Record<string, Msg>;

export interface SetupSlice {
  platformView: PlatformView | null;
  platformForm: PlatformForm | null;
  platformErrors: Errors;
  platformFeedback: SetupFeedback | null;
  platformBusy: boolean;
  hqView: HqView | null;
  hqForm: HqForm | null;
  hqErrors: Errors;
  hqFeedback: SetupFeedback | null;
  hqBusy: boolean;
  loadPlatform(): Promise<void>;
  setPlatformField(field: keyof PlatformForm, value: string): void;
  savePlatform(): Promise<void>;
  testPlatform(): Promise<void>;
  loadHq(): Promise<void>;
  setHqField<K extends keyof HqForm>(field: K, value: HqForm[K]): void;
  saveHq(): Promise<void>;
  testHq(): Promise<void>;
}

function platformFormOf(v: PlatformView): PlatformForm {
  return { platform: v.platform, ...v.cmb, appSecret: '', privateKey: '', publicKey: '' };
}

function hqFormOf(v: HqView): HqForm {
  return { enabled: v.enabled, url: v.url, password: '', storeId: v.storeId, storeName: v.storeName };
}

const without = (errors: Errors, field: string): Errors => { const e = { ...errors }; delete e[field]; return e; };

export const createSetupSlice: StateCreator<StoreState, [], [], SetupSlice> = (set, get) => {
  /** The session ended (idle) in main: back to the PIN, as the other engineer forms do. */
  const failed = (err: unknown): SetupFeedback => {
    if (errorMessage(err).code === 'eng.pinFirst') set({ engineerUnlocked: false, engineerPinMessage: errorMessage(err) });
    return { ok: false, message: errorMessage(err) };
  };
  const probe = (r: ProbeResultView): SetupFeedback => ({ ok: r.ok, message: r.message });
  return {
    platformView: null, platformForm: null, platformErrors: {}, platformFeedback: null, platformBusy: false,
    hqView: null, hqForm: null, hqErrors: {}, hqFeedback: null, hqBusy: false,

    async loadPlatform() {
      try {
        const v = await pos().platformView({});
        set({ platformView: v, platformForm: platformFormOf(v), platformErrors: {}, platformFeedback: null });
      } catch (err) { set({ platformFeedback: failed(err) }); }
    },
    setPlatformField(field, value) {
      const f = get().platformForm;
      if (f) set({ platformForm: { ...f, [field]: value }, platformErrors: without(get().platformErrors, field) });
    },
    async savePlatform() {
      const f = get().platformForm;
      if (!f) return;
      try {
        const r = await pos().savePlatform(f);
        if (r.ok) set({ platformView: r.view, platformForm: platformFormOf(r.view), platformErrors: {}, platformFeedback: { ok: true, message: r.message } });
        else set({ platformErrors: r.errors, platformFeedback: { ok: false, message: r.message } });
      } catch (err) { set({ platformFeedback: failed(err) }); }
    },
    async testPlatform() {
      const f = get().platformForm;
      if (!f) return;
      set({ platformBusy: true, platformFeedback: null });
      try {
        const r = await pos().testPlatform(f);
        set({ platformFeedback: probe(r), platformErrors: r.errors ?? get().platformErrors });
      } catch (err) { set({ platformFeedback: failed(err) }); } finally { set({ platformBusy: false }); }
    },

    async loadHq() {
      try {
        const v = await pos().hqView({});
        set({ hqView: v, hqForm: hqFormOf(v), hqErrors: {}, hqFeedback: null });
      } catch (err) { set({ hqFeedback: failed(err) }); }
    },
    setHqField(field, value) {
      const f = get().hqForm;
      if (f) set({ hqForm: { ...f, [field]: value }, hqErrors: without(get().hqErrors, field) });
    },
    async saveHq() {
      const f = get().hqForm;
      if (!f) return;
      try {
        const r = await pos().saveHq(f);
        if (r.ok) set({ hqView: r.view, hqForm: hqFormOf(r.view), hqErrors: {}, hqFeedback: { ok: true, message: r.message } });
        else set({ hqErrors: r.errors, hqFeedback: { ok: false, message: r.message } });
      } catch (err) { set({ hqFeedback: failed(err) }); }
    },
    async testHq() {
      const f = get().hqForm;
      if (!f) return;
      set({ hqBusy: true, hqFeedback: null });
      try {
        const r = await pos().testHq(f);
        set({ hqFeedback: probe(r), hqErrors: r.errors ?? get().hqErrors });
      } catch (err) { set({ hqFeedback: failed(err) }); } finally { set({ hqBusy: false }); }
    },
  };
};
