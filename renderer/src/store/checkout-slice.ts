import type { StateCreator } from 'zustand';
import type { CheckoutView, QrWalletId } from '../../../preload/contract';
import { editAmount } from '../money';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Msg } from '../../../preload/contract';

export interface CheckoutSlice {
  amountText: string;
  view: CheckoutView;
  /** Difference main-clock minus browser-clock, so the QR countdown follows the main process. */
  clockOffsetMs: number;
  error: Msg | null;
  pendingAmountFen: number | null;
  pressKey(key: string): void;
  setAmountText(text: string): void;
  applyView(view: CheckoutView): void;
  /** `wallet`: the per-wallet QR mode's pick; without it that mode first asks for the wallet. */
  collect(wallet?: QrWalletId): Promise<void>;
  /** A wedge scan's code, or a serial scan's one-time token (main holds that code and pays it once). */
  scan(scanned: { code: string } | { scanToken: string }): Promise<void>;
  cancel(): Promise<void>;
  queryAgain(): Promise<void>;
  next(): Promise<void>;
}

let requestSeq = 0;
const newRequestId = () => `r${Date.now().toString(36)}${(++requestSeq).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export const createCheckoutSlice: StateCreator<StoreState, [], [], CheckoutSlice> = (set, get) => {
  /** One request id per amount entry: a double click re-sends the same id and main ignores it. */
  let requestId = newRequestId();
  /** The result (its client_sn; a view re-sent for it is the same result) the next amount was begun after. */
  let begunAfter: unknown = null;
  const syncPending = (text: string) => { void pos().setPendingAmount({ amount: text }).catch(() => undefined); };

  return {
    amountText: '',
    view: { phase: 'idle', serverNow: Date.now() },
    clockOffsetMs: 0,
    error: null,
    pendingAmountFen: null,
    pressKey(key) {
      const phase = get().view.phase;
      if (phase !== 'idle' && phase !== 'result') return;
      // After a result the next key begins the next customer's amount (a digit is not appended to
      // the last sale's ¥8.80); Backspace still edits the kept amount, for a retry of the same sale.
      // Only the first key after a given result does so: the keys after it (typed before main has
      // answered "next") build on it.
      const view = get().view;
      const mark = view.clientSn ?? view;
      let from = get().amountText;
      if (phase === 'result' && begunAfter !== mark) {
        begunAfter = mark;
        void get().next();
        if (key !== 'Backspace') from = '';
      }
      get().setAmountText(editAmount(from, key));
    },
    setAmountText(text) {
      if (text === get().amountText) return;
      requestId = newRequestId();
      set({ amountText: text, error: null });
      syncPending(text);
    },
    applyView(view) {
      set({ view, clockOffsetMs: view.serverNow - Date.now() });
      if (view.phase === 'creating') set({ notice: null, error: null });
      if (view.phase === 'result') {
        // A finished attempt never blocks the next one: the next 收款 is a new request.
        requestId = newRequestId();
        if (view.result?.outcome === 'PAID') { set({ amountText: '' }); syncPending(''); }
      }
    },
    async collect(wallet) {
      const { amountText, view } = get();
      if (view.phase !== 'idle' && view.phase !== 'result') return;
      if (amountText.trim() === '') { set({ error: { code: 'amount.required' } }); return; }
      const sale = get().sale; // an open mixed-tender sale: the QR is for what it still owes
      if (get().qrMode === 'per-wallet' && !wallet) { get().setWalletPick(true); return; }
      try {
        set({ error: null });
        const w = wallet ? { wallet } : {};
        get().applyView(await (sale ? pos().payRemainder({ saleId: sale.saleId, requestId, ...w }) : pos().startQrPayment({ amount: amountText, requestId, ...w })));
      } catch (err) {
        set({ error: errorMessage(err) });
      }
    },
    async scan(scanned) {
      const source = 'code' in scanned ? 'wedge' : 'serial';
      try {
        set({ error: null });
        const sale = get().sale;
        // The amount is the one on this screen now, for the wedge and the serial scanner alike.
        get().applyView(await (sale ? pos().payRemainder({ saleId: sale.saleId, requestId: newRequestId(), ...scanned }) : pos().startScanPayment({ amount: get().amountText, requestId: newRequestId(), source, ...scanned })));
      } catch (err) {
        // A serial scan comes while the cashier may look elsewhere: its refusal is a notice.
        if (source === 'serial') set({ notice: { level: 'error', message: errorMessage(err), at: Date.now() } });
        else set({ error: errorMessage(err) });
      }
    },
    async cancel() {
      const sn = get().view.clientSn;
      if (!sn) return;
      try { get().applyView(await pos().cancelPayment({ clientSn: sn })); } catch (err) { set({ error: errorMessage(err) }); }
    },
    async queryAgain() {
      const sn = get().view.clientSn;
      if (!sn) return;
      try { get().applyView(await pos().queryAgain({ clientSn: sn })); } catch (err) { set({ error: errorMessage(err) }); }
    },
    async next() {
      try { get().applyView(await pos().dismissResult({})); } catch (err) { set({ error: errorMessage(err) }); }
    },
  };
};
