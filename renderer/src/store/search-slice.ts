/**
 * History search filters (HistorySearch.tsx) and their results, newest first; an order number
 * typed or scanned from a receipt's QR opens that order (the Orders screen claims the scanner).
 */
import type { StateCreator } from 'zustand';
import type { ManagerOrder, OrderSearch, ScanTargetName } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Msg } from '../../../preload/contract';

export interface SearchFields {
  day: string;
  amount: string;
  wallet: string;
  status: string;
  orderNo: string;
  /** HH:MM within the day, optional. */
  fromTime: string;
  toTime: string;
}

export interface SearchSlice {
  searchFields: SearchFields;
  searchResults: ManagerOrder[];
  searchTotal: number;
  searchError: Msg | null;
  selectedOrder: string | null;
  /** The scanner's target as main confirmed it (a scan on Orders looks an order up). */
  scanTarget: ScanTargetName;
  /** A scanned or typed order number that matched no order. */
  scanMiss: string | null;
  setSearchField(key: keyof SearchFields, value: string): void;
  /** `openIfOne`: an order-number search with exactly one hit opens that order. */
  runSearch(opts?: { openIfOne?: boolean }): Promise<void>;
  /** A receipt QR scanned on the Orders screen: search that number alone and open the order. */
  lookupOrderNo(code: string): Promise<void>;
  claimScanner(target: ScanTargetName): Promise<void>;
  selectOrder(clientSn: string | null): void;
}

const EMPTY: SearchFields = { day: '', amount: '', wallet: '', status: '', orderNo: '', fromTime: '', toTime: '' };

function timeOn(day: string, hhmm: string, end: boolean): number | undefined {
  if (!day || !/^\d{2}:\d{2}$/.test(hhmm)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = hhmm.split(':').map(Number) as [number, number];
  return new Date(y, m - 1, d, h, min, end ? 59 : 0, end ? 999 : 0).getTime();
}

export function toQuery(f: SearchFields): OrderSearch {
  const q: OrderSearch = {};
  if (f.day) q.day = f.day;
  if (f.amount.trim()) q.amount = f.amount.trim();
  if (f.wallet) q.wallet = f.wallet as NonNullable<OrderSearch['wallet']>;
  if (f.status) q.status = f.status as NonNullable<OrderSearch['status']>;
  if (f.orderNo.trim()) q.orderNo = f.orderNo.trim();
  const from = timeOn(f.day, f.fromTime, false);
  const to = timeOn(f.day, f.toTime, true);
  if (from !== undefined) q.fromTs = from;
  if (to !== undefined) q.toTs = to;
  return q;
}

export const createSearchSlice: StateCreator<StoreState, [], [], SearchSlice> = (set, get) => ({
  searchFields: EMPTY,
  searchResults: [],
  searchTotal: 0,
  searchError: null,
  selectedOrder: null,
  scanTarget: 'checkout',
  scanMiss: null,
  setSearchField(key, value) { set({ searchFields: { ...get().searchFields, [key]: value } }); },
  async runSearch(opts) {
    const fields = get().searchFields;
    try {
      const res = await pos().searchOrders(toQuery(fields));
      set({ searchResults: res.orders, searchTotal: res.total, searchError: null, scanMiss: null });
      if (!opts?.openIfOne || !fields.orderNo.trim()) return;
      const [only] = res.orders;
      if (res.total === 1 && only) {
        get().selectOrder(only.clientSn);
        await get().openOrderDetail(only.clientSn);
      } else if (res.total === 0) {
        set({ scanMiss: fields.orderNo.trim() });
      }
    } catch (err) {
      set({ searchError: errorMessage(err) });
    }
  },
  async lookupOrderNo(code) {
    set({ searchFields: { ...EMPTY, orderNo: code.trim() } });
    await get().runSearch({ openIfOne: true });
  },
  async claimScanner(target) {
    try {
      const res = await pos().setScanTarget({ target });
      set({ scanTarget: res.target });
    } catch {
      set({ scanTarget: 'checkout' });
    }
  },
  selectOrder(clientSn) { set({ selectedOrder: clientSn, refundResult: null, refundError: null }); },
});
