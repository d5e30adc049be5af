/** The dashboard's one zustand store: session, the day's figures, the open store ledger, reconciliation. */
import { create } from 'zustand';
import { api, ApiError } from './api';
import type { CounterHealth, ReconcileItem, StoreLedger, Takings, TakingsRow } from './types';

type StoreDetail = { ledger: StoreLedger; takings: { byTerminal: (TakingsRow & { name: string })[]; byWallet: TakingsRow[]; byHour: TakingsRow[] } };
export type ChainItem = ReconcileItem & { storeId: string };
/** A file the server refused: `code` when the page has words for it, else the server's text. */
export interface FileError { file: string; code?: string; text: string }
export interface ReconcileSummary { files: number; stores: string[]; differences: number; errors: FileError[]; items: ChainItem[] }

export interface HqState {
  locale: 'zh-CN' | 'en';
  user: string | null;
  checked: boolean;
  error: string | null;
  day: string;
  takings: Takings | null;
  health: CounterHealth[];
  detail: StoreDetail | null;
  reconcile: ReconcileSummary | null;
  busy: boolean;
  toggleLocale(): void;
  start(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  setDay(day: string): void;
  load(): Promise<void>;
  openStore(storeId: string | null): Promise<void>;
  reconcileFiles(files: { name: string; text: string }[]): Promise<void>;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export const useHq = create<HqState>()((set, get) => ({
  locale: (localStorage.getItem('yima-hq-locale') as 'zh-CN' | 'en' | null) ?? 'zh-CN',
  user: null, checked: false, error: null, day: '', takings: null, health: [], detail: null, reconcile: null, busy: false,
  toggleLocale() {
    const locale = get().locale === 'zh-CN' ? 'en' : 'zh-CN';
    localStorage.setItem('yima-hq-locale', locale);
    set({ locale });
  },
  async start() {
    try {
      const me = await api.get<{ user: string; today: string }>('/api/me');
      set({ user: me.user, day: get().day || me.today, checked: true });
      await get().load();
    } catch {
      set({ user: null, checked: true });
    }
  },
  async login(username, password) {
    set({ busy: true, error: null });
    try {
      await api.post('/api/login', { username, password });
      set({ busy: false });
      await get().start();
    } catch (err) {
      set({ busy: false, error: message(err) });
    }
  },
  async logout() {
    await api.post('/api/logout', {}).catch(() => undefined);
    set({ user: null, takings: null, detail: null, reconcile: null });
  },
  setDay(day) { set({ day, detail: null, reconcile: null }); void get().load(); },
  async load() {
    const day = get().day;
    try {
      const [takings, health] = await Promise.all([api.get<Takings>(`/api/takings?day=${day}`), api.get<CounterHealth[]>('/api/health')]);
      set({ takings, health, error: null });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) set({ user: null });
      set({ error: message(err) });
    }
  },
  async openStore(storeId) {
    if (!storeId) { set({ detail: null }); return; }
    try {
      set({ detail: await api.get<StoreDetail>(`/api/store?store=${encodeURIComponent(storeId)}&day=${get().day}`), error: null });
    } catch (err) {
      set({ error: message(err) });
    }
  },
  async reconcileFiles(files) {
    set({ busy: true, error: null });
    const sum: ReconcileSummary = { files: files.length, stores: [], differences: 0, errors: [], items: [] };
    // One request per file, one after the other: a chain's statements never sit in one request.
    for (const f of files) {
      try {
        const r = await api.postText<{ storeId: string; differences: number; items: ReconcileItem[] }>(`/api/reconcile?day=${get().day}&file=${encodeURIComponent(f.name)}`, f.text);
        sum.stores.push(r.storeId);
        sum.differences += r.differences;
        for (const it of r.items) sum.items.push({ ...it, storeId: r.storeId });
      } catch (err) {
        sum.errors.push({ file: f.name, text: message(err), ...(err instanceof ApiError && err.code ? { code: err.code } : {}) });
      }
    }
    set({ reconcile: sum, busy: false });
  },
}));
