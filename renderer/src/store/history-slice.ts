import type { StateCreator } from 'zustand';
import type { OrderView } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Msg } from '../../../preload/contract';

export interface HistorySlice {
  orders: OrderView[];
  historyError: Msg | null;
  loadOrders(): Promise<void>;
}

export const createHistorySlice: StateCreator<StoreState, [], [], HistorySlice> = (set) => ({
  orders: [],
  historyError: null,
  async loadOrders() {
    try {
      const orders = await pos().listOrders({});
      set({ orders: [...orders].sort((a, b) => b.createdAt - a.createdAt), historyError: null });
    } catch (err) {
      set({ historyError: errorMessage(err) });
    }
  },
});
