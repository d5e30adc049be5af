/**
 * Report data shapes shared by totals, shift close and CSV export. Plain JSON on purpose: a Z
 * report is frozen into the journal (SHIFT_CLOSED) and reprinted from there, never recomputed.
 */
import type { Wallet } from '../aggregator/types';
import type { OrderStatus } from '../journal/order-view';
import type { CashSummary } from './cash-count';
import type { MessageCode } from '../../preload/messages';

export interface BucketTotals {
  /** Paid payments. */
  count: number;
  paidFen: number;
  /** Completed refunds. */
  refundCount: number;
  refundFen: number;
  netFen: number;
}

export interface HourBucket {
  hour: number;
  count: number;
  paidFen: number;
  refundFen: number;
}

export type TotalsPeriod =
  | { kind: 'day'; day: string }
  /** fromTs exclusive, toTs inclusive: consecutive shifts never share a payment. */
  | { kind: 'window'; fromTs: number; toTs: number };

export interface Totals extends BucketTotals {
  period: TotalsPeriod;
  /** Attempts in the period by status (paid, failed, canceled, expired, pending, needs_attention). */
  attempts: Record<OrderStatus, number>;
  byWallet: Partial<Record<Wallet, BucketTotals>>;
  /** By operator (cashier id as journaled); refunds count for the operator who did them. */
  byOperator: Record<string, BucketTotals>;
  /** 24 buckets, hour 0..23, for the bar chart. */
  byHour: HourBucket[];
}

/** A closed shift (交接班 / Z report) as frozen in SHIFT_CLOSED. */
export interface ZReport {
  zNo: number;
  shiftNo: number;
  /** Who closed the shift. */
  operator: string;
  openedBy?: string;
  openedAt?: number;
  openingFloatFen?: number;
  /** The shift covers payments confirmed in (fromTs, toTs]. */
  fromTs: number;
  toTs: number;
  totals: Totals;
  /** Cash in the drawer: float + cash sales − cash refunds − payouts, counted, 长款/短款. */
  cash?: CashSummary;
}

export const WALLET_NAME: Record<Wallet, string> = {
  wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付', ecny: '数字人民币', bestpay: '翼支付', cash: '现金', other: '其他',
};

/** The order states as message codes (the screen's words for STATUS_NAME). */
export const STATUS_MSG: Record<OrderStatus, MessageCode> = {
  paid: 'order.statusPaid', failed: 'order.statusFailed', canceled: 'order.statusCanceled', expired: 'order.statusExpired', pending: 'order.statusPending', needs_attention: 'order.statusNeedsAttention',
};

export const STATUS_NAME: Record<OrderStatus, string> = {
  paid: '已支付', failed: '失败', canceled: '已取消', expired: '已过期', pending: '处理中', needs_attention: '待确认',
};
