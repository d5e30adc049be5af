/**
 * Manager PIN prompts and refunds: what waits for the manager PIN (refund, void, shift close,
 * and the shift panel's mixed-tender switch and payouts, run by the cash slice),
 * the lockout countdown, and the order the RefundPanel shows. IPC only in these actions.
 */
import type { StateCreator } from 'zustand';
import type { CashCountInput, ManagerOrder, PinFailure, RefundOutcomeView, ZReportView } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { CashPinIntent } from './cash-slice';
import type { Msg } from '../../../preload/contract';

export type PinIntent =
  | { kind: 'refund'; clientSn: string; amount: string }
  | { kind: 'void'; clientSn: string }
  | { kind: 'closeShift'; counted?: CashCountInput }
  | CashPinIntent;

export interface ManagerSlice {
  pinIntent: PinIntent | null;
  pinMessage: Msg | null;
  /** Browser time when the lockout ends (the dialog counts down to it). */
  pinLockedUntil: number | null;
  pinBusy: boolean;
  refundOrders: Record<string, ManagerOrder | null>;
  refundResult: RefundOutcomeView | null;
  refundError: Msg | null;
  lastZ: ZReportView | null;
  zPrinted: boolean;
  shiftError: Msg | null;
  askPin(intent: PinIntent): void;
  cancelPin(): void;
  submitPin(pin: string): Promise<void>;
  loadRefundOrder(clientSn: string): Promise<void>;
  retryRefund(clientSn: string, refundRequestNo: string): Promise<void>;
  /** Subscribes once to refund updates from main (another window may refund too). */
  watchRefunds(): void;
}

let watching = false;

export const createManagerSlice: StateCreator<StoreState, [], [], ManagerSlice> = (set, get) => {
  const lockFrom = (f: PinFailure) => set({ pinMessage: f.message, pinLockedUntil: f.reason === 'locked' ? Date.now() + f.lockedForMs : null });
  const afterRefund = async (clientSn: string, out: RefundOutcomeView) => {
    set({ refundResult: out, refundError: null });
    await Promise.all([get().loadRefundOrder(clientSn), get().screen === 'reports' ? get().loadReports() : undefined, get().screen === 'history' ? get().runSearch() : undefined]);
  };
  return {
    pinIntent: null,
    pinMessage: null,
    pinLockedUntil: null,
    pinBusy: false,
    refundOrders: {},
    refundResult: null,
    refundError: null,
    lastZ: null,
    zPrinted: false,
    shiftError: null,
    askPin(intent) {
      const locked = get().pinLockedUntil;
      set({ pinIntent: intent, pinMessage: null, pinLockedUntil: locked && locked > Date.now() ? locked : null, refundError: null, shiftError: null });
    },
    cancelPin() { set({ pinIntent: null, pinMessage: null }); },
    async submitPin(pin) {
      const intent = get().pinIntent;
      if (!intent || get().pinBusy) return;
      set({ pinBusy: true });
      try {
        if (intent.kind === 'closeShift') {
          const res = await pos().closeShift({ pin, ...(intent.counted ? { counted: intent.counted } : {}) });
          if (!res.ok) return lockFrom(res.auth);
          set({ pinIntent: null, pinLockedUntil: null, lastZ: res.value.report, zPrinted: res.value.printed });
          await get().loadReports();
          return;
        }
        if (intent.kind === 'mixedTender' || intent.kind === 'payout') {
          const refused = await get().cashPin(intent, pin);
          if (refused) return lockFrom(refused);
          set({ pinIntent: null, pinLockedUntil: null });
          return;
        }
        const res = intent.kind === 'refund'
          ? await pos().refund({ clientSn: intent.clientSn, amount: intent.amount, pin })
          : await pos().voidOrder({ clientSn: intent.clientSn, pin });
        if (!res.ok) return lockFrom(res.auth);
        set({ pinIntent: null, pinLockedUntil: null });
        await afterRefund(intent.clientSn, res.value);
      } catch (err) {
        const message = errorMessage(err);
        if (intent.kind === 'payout') set({ pinIntent: null, payoutResult: { ok: false, error: message } });
        else set(intent.kind === 'closeShift' || intent.kind === 'mixedTender' ? { pinIntent: null, shiftError: message } : { pinIntent: null, refundError: message });
      } finally {
        set({ pinBusy: false });
      }
    },
    async loadRefundOrder(clientSn) {
      try {
        const order = await pos().orderDetail({ clientSn });
        set({ refundOrders: { ...get().refundOrders, [clientSn]: order } });
      } catch (err) {
        set({ refundError: errorMessage(err) });
      }
    },
    async retryRefund(clientSn, refundRequestNo) {
      try {
        await afterRefund(clientSn, await pos().retryRefund({ clientSn, refundRequestNo }));
      } catch (err) {
        set({ refundError: errorMessage(err) });
      }
    },
    watchRefunds() {
      if (watching) return;
      watching = true;
      pos().onRefundUpdate((out) => {
        if (out.clientSn in get().refundOrders) void get().loadRefundOrder(out.clientSn);
      });
    },
  };
};
