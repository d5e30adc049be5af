/**
 * Receipt printer state for the screen: the order opened from the history (with its receipt
 * preview and 重打印), and the printer panel (queue, test page, retry). IPC calls live here only.
 */
import type { StateCreator } from 'zustand';
import type { PrintQueueView, ReceiptPreview } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Msg } from '../../../preload/contract';

/** What the last printer action did, for the line under its button (translated by key). */
export type PrintFeedback = { kind: 'queued' } | { kind: 'error'; message: Msg };

export interface PrinterSlice {
  /** client_sn of the order whose detail is open, or null. */
  detailClientSn: string | null;
  receiptPreview: ReceiptPreview | null;
  previewError: Msg | null;
  reprintFeedback: PrintFeedback | null;
  printerPanelOpen: boolean;
  printQueue: PrintQueueView | null;
  printerFeedback: PrintFeedback | null;
  openOrderDetail(clientSn: string): Promise<void>;
  closeOrderDetail(): void;
  reprintOrder(): Promise<void>;
  togglePrinterPanel(): void;
  loadPrintQueue(): Promise<void>;
  testPrint(): Promise<void>;
  retryPrintQueue(): Promise<void>;
  /** Keeps the queue view fresh while the panel is open; returns the unsubscribe. */
  watchPrinter(): () => void;
}

export const createPrinterSlice: StateCreator<StoreState, [], [], PrinterSlice> = (set, get) => ({
  detailClientSn: null,
  receiptPreview: null,
  previewError: null,
  reprintFeedback: null,
  printerPanelOpen: false,
  printQueue: null,
  printerFeedback: null,

  async openOrderDetail(clientSn) {
    set({ detailClientSn: clientSn, receiptPreview: null, previewError: null, reprintFeedback: null });
    const order = get().searchResults.find((o) => o.clientSn === clientSn) ?? get().orders.find((o) => o.clientSn === clientSn);
    if (order && order.status !== 'paid') return; // only a paid order has a receipt
    try {
      const preview = await pos().receiptPreview({ clientSn });
      if (get().detailClientSn === clientSn) set({ receiptPreview: preview });
    } catch (err) {
      if (get().detailClientSn === clientSn) set({ previewError: errorMessage(err) });
    }
  },
  closeOrderDetail() {
    set({ detailClientSn: null, receiptPreview: null, previewError: null, reprintFeedback: null });
  },
  async reprintOrder() {
    const clientSn = get().detailClientSn;
    if (!clientSn) return;
    try {
      await pos().reprint({ clientSn });
      set({ reprintFeedback: { kind: 'queued' } });
    } catch (err) {
      set({ reprintFeedback: { kind: 'error', message: errorMessage(err) } });
    }
  },

  togglePrinterPanel() {
    const open = !get().printerPanelOpen;
    set({ printerPanelOpen: open, printerFeedback: null });
    if (open) void get().loadPrintQueue();
  },
  async loadPrintQueue() {
    try {
      set({ printQueue: await pos().printQueue({}) });
    } catch (err) {
      set({ printerFeedback: { kind: 'error', message: errorMessage(err) } });
    }
  },
  async testPrint() {
    try {
      await pos().testPrint({});
      set({ printerFeedback: { kind: 'queued' } });
    } catch (err) {
      set({ printerFeedback: { kind: 'error', message: errorMessage(err) } });
    }
    await get().loadPrintQueue();
  },
  async retryPrintQueue() {
    try {
      set({ printQueue: await pos().printRetry({}) });
    } catch (err) {
      set({ printerFeedback: { kind: 'error', message: errorMessage(err) } });
    }
  },
  watchPrinter() {
    const api = pos();
    const refresh = () => { void get().loadPrintQueue(); };
    const offJob = api.onPrintJob(refresh);
    const offDevices = api.onDevices(refresh);
    return () => { offJob(); offDevices(); };
  },
});
