/**
 * Late payments (paid after their QR was withdrawn) waiting for the cashier's decision, and the
 * per-wallet QR mode's wallet pick. IPC only in these actions; the refund itself is the manager
 * slice's PIN-guarded `refund`.
 */
import type { StateCreator } from 'zustand';
import type { LatePaymentView, QrWalletId } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';

export interface LateSlice {
  latePayments: LatePaymentView[];
  qrMode: 'unified' | 'per-wallet';
  /** Per-wallet mode: 收款 was pressed, the cashier now picks the customer's wallet. */
  walletPick: boolean;
  applyLatePayments(list: LatePaymentView[]): void;
  keepLatePayment(clientSn: string): Promise<void>;
  /** Asks for the manager PIN, then refunds the whole late payment. */
  refundLatePayment(p: LatePaymentView): void;
  setWalletPick(on: boolean): void;
  pickWallet(wallet: QrWalletId): Promise<void>;
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

export const createLateSlice: StateCreator<StoreState, [], [], LateSlice> = (set, get) => ({
  latePayments: [],
  qrMode: 'unified',
  walletPick: false,
  applyLatePayments(list) { set({ latePayments: list }); },
  async keepLatePayment(clientSn) {
    try { set({ latePayments: await pos().dismissLatePayment({ clientSn }) }); } catch (err) { set({ error: errorMessage(err) }); }
  },
  refundLatePayment(p) {
    get().askPin({ kind: 'refund', clientSn: p.clientSn, amount: yuan(p.amountFen) });
  },
  setWalletPick(on) { set({ walletPick: on, error: null }); },
  async pickWallet(wallet) {
    set({ walletPick: false });
    await get().collect(wallet);
  },
});
