/**
 * Cash at the counter: the cash dialog (received, change), the open mixed-tender sale, the
 * drawer and the shift's opening float. IPC only in these actions.
 */
import type { StateCreator } from 'zustand';
import type { PinFailure, SaleView } from '../../../preload/contract';
import { fenToYuanText } from '../cash-entry';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Msg } from '../../../preload/contract';

/** What waits for the manager PIN on the shift panel: mixed tender on/off, a payout (支出). */
export type CashPinIntent =
  | { kind: 'mixedTender'; enabled: boolean }
  | { kind: 'payout'; amount: string; reason: string };

/** The last payout: recorded (what, why, the drawer's answer) or refused before the PIN. */
export type PayoutResult = { ok: true; amountFen: number; reason: string; drawer: Msg } | { ok: false; error: Msg };

export interface CashSlice {
  cashOpen: boolean;
  receivedText: string;
  cashError: Msg | null;
  mixedTender: boolean;
  sale: SaleView | null;
  drawerOpen: boolean;
  drawerMessage: Msg | null;
  shiftOpen: boolean;
  floatFen: number | null;
  cashBusy: boolean;
  payoutResult: PayoutResult | null;
  openCash(): void;
  closeCash(): void;
  setReceived(text: string): void;
  confirmCash(partial?: boolean): Promise<void>;
  loadCash(): Promise<void>;
  applySale(sale: SaleView | null): void;
  abandonSale(pin: string): Promise<void>;
  showDrawer(open: boolean): void;
  openDrawer(pin: string, reason: string): Promise<void>;
  openShift(float: string): Promise<void>;
  setPayoutResult(result: PayoutResult | null): void;
  /** Runs a shift-panel action with the manager PIN; the refusal when the PIN was not accepted. Throws on other errors. */
  cashPin(intent: CashPinIntent, pin: string): Promise<PinFailure | null>;
  /** Subscribes once to the open-sale event and loads the cash status. */
  watchCash(): void;
}

let watching = false;

let seq = 0;
const newRequestId = () => `c${Date.now().toString(36)}${(++seq).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export const createCashSlice: StateCreator<StoreState, [], [], CashSlice> = (set, get) => {
  let requestId = newRequestId();
  return {
    cashOpen: false,
    receivedText: '',
    cashError: null,
    mixedTender: false,
    sale: null,
    drawerOpen: false,
    drawerMessage: null,
    shiftOpen: false,
    floatFen: null,
    cashBusy: false,
    payoutResult: null,
    openCash() {
      const { view, amountText, sale } = get();
      if (view.phase !== 'idle' && view.phase !== 'result') return;
      if (!sale && amountText.trim() === '') { set({ error: { code: 'amount.required' } }); return; }
      if (view.phase === 'result') void get().next();
      requestId = newRequestId();
      set({ cashOpen: true, receivedText: '', cashError: null });
    },
    closeCash() { set({ cashOpen: false, cashError: null }); },
    setReceived(text) { set({ receivedText: text, cashError: null }); },
    async confirmCash(partial) {
      const { amountText, receivedText, sale, cashBusy } = get();
      if (cashBusy) return;
      set({ cashBusy: true, cashError: null });
      try {
        const view = await pos().cashSale({ amount: sale ? fenToYuanText(sale.remainingFen) : amountText, received: receivedText, requestId, ...(partial ? { partial: true } : {}), ...(sale ? { saleId: sale.saleId } : {}) });
        requestId = newRequestId();
        set({ cashOpen: false, receivedText: '' });
        get().applyView(view);
        await get().loadCash();
      } catch (err) {
        set({ cashError: errorMessage(err) });
      } finally {
        set({ cashBusy: false });
      }
    },
    async loadCash() {
      try {
        const st = await pos().cashStatus({});
        set({ mixedTender: st.mixedTender, shiftOpen: st.shiftOpen, floatFen: st.floatFen });
        get().applySale(st.sale);
      } catch { /* shown by the next action that needs it */ }
    },
    applySale(sale) {
      set({ sale });
      if (sale && sale.state === 'open') get().setAmountText(fenToYuanText(sale.remainingFen));
    },
    async abandonSale(pin) {
      const sale = get().sale;
      if (!sale) return;
      try {
        const res = await pos().abandonSale({ saleId: sale.saleId, pin });
        if (!res.ok) { set({ drawerMessage: res.auth.message }); return; }
        set({ drawerMessage: res.value.message, sale: null });
        get().setAmountText('');
      } catch (err) {
        set({ drawerMessage: errorMessage(err) });
      }
    },
    showDrawer(open) { set({ drawerOpen: open, drawerMessage: null }); },
    async openDrawer(pin, reason) {
      try {
        const res = await pos().openDrawer({ pin, reason });
        if (!res.ok) { set({ drawerMessage: res.auth.message }); return; }
        set({ drawerOpen: false, drawerMessage: res.value.message });
      } catch (err) {
        set({ drawerMessage: errorMessage(err) });
      }
    },
    watchCash() {
      if (watching) return;
      watching = true;
      pos().onSale((sale) => get().applySale(sale));
      void get().loadCash();
    },
    setPayoutResult(result) { set({ payoutResult: result }); },
    async cashPin(intent, pin) {
      if (intent.kind === 'mixedTender') {
        const res = await pos().setMixedTender({ enabled: intent.enabled, pin });
        if (!res.ok) return res.auth;
        set({ mixedTender: res.value.mixedTender, shiftError: null });
        return null;
      }
      const res = await pos().cashPayout({ amount: intent.amount, reason: intent.reason, pin });
      if (!res.ok) return res.auth;
      set({ payoutResult: { ok: true, amountFen: res.value.amountFen, reason: res.value.reason, drawer: res.value.message } });
      await get().loadReports();
      return null;
    },
    async openShift(float) {
      try {
        const r = await pos().openShift({ float });
        set({ shiftOpen: true, floatFen: r.floatFen, shiftError: null });
        await get().loadReports();
      } catch (err) {
        set({ shiftError: errorMessage(err) });
      }
    },
  };
};
