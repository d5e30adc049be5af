/** One zustand store built from slice files; components select single fields. */
import { create } from 'zustand';
import { createAppSlice, type AppSlice } from './app-slice';
import { createCheckoutSlice, type CheckoutSlice } from './checkout-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';

export type StoreState = AppSlice & CheckoutSlice & HistorySlice;

export const useStore = create<StoreState>()((...a) => ({
  ...createAppSlice(...a),
  ...createCheckoutSlice(...a),
  ...createHistorySlice(...a),
}));
