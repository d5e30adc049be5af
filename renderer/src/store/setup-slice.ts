/**
 * The engineer's payment-platform and head-office forms: typed text in, main validates and
 * answers field → message code; secrets are write-only (the view says set / not set).
 * Both are one `formSlice` (load / setField / save / test) over their four contract actions.
 * IPC calls live here only.
 */
import type { StateCreator, StoreApi } from 'zustand';
import type { HqForm, HqView, Msg, PlatformForm, PlatformView, ProbeResultView } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';

export interface SetupFeedback { ok: boolean; message: Msg }
type Errors = Record<string, Msg>;

/** One engineer form: what main shows, what the engineer typed, main's answers, and its four actions. */
export interface FormState<V, F> {
  view: V | null;
  form: F | null;
  errors: Errors;
  feedback: SetupFeedback | null;
  /** A "test connection" is under way. */
  busy: boolean;
  load(): Promise<void>;
  setField<K extends keyof F>(field: K, value: F[K]): void;
  save(): Promise<void>;
  test(): Promise<void>;
}

export interface SetupSlice {
  platformSetup: FormState<PlatformView, PlatformForm>;
  hqSetup: FormState<HqView, HqForm>;
}

type Saved<V> = { ok: true; message: Msg; view: V } | { ok: false; message: Msg; errors: Errors };
/** A form's contract actions, and how a view becomes the form (secrets empty: write-only). */
export interface FormApi<V, F> {
  view(): Promise<V>;
  save(form: F): Promise<Saved<V>>;
  test(form: F): Promise<ProbeResultView>;
  formOf(view: V): F;
}

type Store = Pick<StoreApi<StoreState>, 'setState' | 'getState'>;

const without = (errors: Errors, field: PropertyKey): Errors => { const e = { ...errors }; delete e[field as string]; return e; };

/** The four actions of one form, kept under `name` in the store. */
export function formSlice<V, F>(name: keyof SetupSlice, api: FormApi<V, F>, store: Store): FormState<V, F> {
  const cur = () => store.getState()[name] as unknown as FormState<V, F>;
  const patch = (p: Partial<FormState<V, F>>) =>
    store.setState((s) => ({ [name]: { ...s[name], ...p } }) as unknown as Partial<StoreState>);
  /** The session ended (idle) in main: back to the PIN, as the other engineer forms do. */
  const failed = (err: unknown) => {
    if (errorMessage(err).code === 'eng.pinFirst') store.setState({ engineerUnlocked: false, engineerPinMessage: errorMessage(err) });
    patch({ feedback: { ok: false, message: errorMessage(err) } });
  };
  return {
    view: null, form: null, errors: {}, feedback: null, busy: false,
    async load() {
      try {
        const v = await api.view();
        patch({ view: v, form: api.formOf(v), errors: {}, feedback: null });
      } catch (err) { failed(err); }
    },
    setField(field, value) {
      const { form, errors } = cur();
      if (form) patch({ form: { ...form, [field]: value }, errors: without(errors, field) });
    },
    async save() {
      const f = cur().form;
      if (!f) return;
      try {
        const r = await api.save(f);
        if (r.ok) patch({ view: r.view, form: api.formOf(r.view), errors: {}, feedback: { ok: true, message: r.message } });
        else patch({ errors: r.errors, feedback: { ok: false, message: r.message } });
      } catch (err) { failed(err); }
    },
    async test() {
      const f = cur().form;
      if (!f) return;
      patch({ busy: true, feedback: null });
      try {
        const r = await api.test(f);
        patch({ feedback: { ok: r.ok, message: r.message }, errors: r.errors ?? cur().errors });
      } catch (err) { failed(err); } finally { patch({ busy: false }); }
    },
  };
}

const platformApi: FormApi<PlatformView, PlatformForm> = {
  view: () => pos().platformView({}),
  save: (f) => pos().savePlatform(f),
  test: (f) => pos().testPlatform(f),
  formOf: (v) => ({ platform: v.platform, ...v.cmb, appSecret: '', privateKey: '', publicKey: '' }),
};

const hqApi: FormApi<HqView, HqForm> = {
  view: () => pos().hqView({}),
  save: (f) => pos().saveHq(f),
  test: (f) => pos().testHq(f),
  formOf: (v) => ({ enabled: v.enabled, url: v.url, password: '', storeId: v.storeId, storeName: v.storeName }),
};

export const createSetupSlice: StateCreator<StoreState, [], [], SetupSlice> = (setState, getState) => ({
  platformSetup: formSlice('platformSetup', platformApi, { setState, getState }),
  hqSetup: formSlice('hqSetup', hqApi, { setState, getState }),
});
