/** The order view the index exposes (folded from journal records). */
import type { Wallet } from '../aggregator/types';
import type { DayTotals } from './day-totals';
import type { PaymentMethod } from './records';
import type { Msg } from '../../preload/messages';

export type OrderStatus = 'pending' | 'needs_attention' | 'paid' | 'failed' | 'canceled' | 'expired';
export type RefundStatus = 'pending' | 'refunded' | 'failed';

export interface RefundView {
  refundRequestNo: string;
  amountFen: number;
  status: RefundStatus;
  /** 'void' = same-day 撤销 of the whole payment (absent on plain refunds). */
  kind?: 'refund' | 'void';
  operator?: string;
  requestedAt?: number;
  finishedAt?: number;
  message?: string;
  /** The message code of `message` (absent in records written before codes). */
  note?: Msg;
}

export interface OrderView {
  clientSn: string;
  /** Business day of the attempt (YYYY-MM-DD). */
  day: string;
  method: PaymentMethod;
  amountFen: number;
  operator: string;
  subject: string;
  createdAt: number;
  status: OrderStatus;
  sn?: string;
  tradeNo?: string;
  wallet?: Wallet;
  codeMasked?: string;
  qrCode?: string;
  expiresAt?: number;
  /** The journal's text (Chinese); `note` is the same as a message code for the screen. */
  message?: string;
  note?: Msg;
  windowMs: number;
  finishedAt?: number;
  recovered?: boolean;
  /**
   * The ATTEMPT_CREATED record is missing (corrupt line): this order was rebuilt from its later
   * records; method/operator/subject are unknown (operator and subject are empty).
   */
  reconstructed?: boolean;
  /** Reason of the last CANCEL_REQUESTED, if any. */
  cancelReason?: string;
  refunds: RefundView[];
  refundedFen: number;
  /** Cash tender: what the customer handed over and the change given. */
  cash?: { receivedFen: number; changeFen: number };
  /** A part of a mixed-tender sale. */
  sale?: { saleId: string; totalFen: number };
}

export interface OrderFilter {
  day?: string;
  status?: OrderStatus | OrderStatus[];
  /** createdAt ≥ fromTs */
  fromTs?: number;
  /** createdAt ≤ toTs */
  toTs?: number;
  wallet?: Wallet;
  amountFen?: number;
}

export interface OrderIndex {
  get(clientSn: string): OrderView | undefined;
  /** By the aggregator's order number. */
  bySn(sn: string): OrderView | undefined;
  /** Matching orders, oldest first. */
  list(filter?: OrderFilter): OrderView[];
  /** Attempts still 'pending' or 'needs_attention': recovery re-queries them. */
  unfinished(): OrderView[];
  totals(day: string): DayTotals;
}
