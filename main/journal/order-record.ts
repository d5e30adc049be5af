/**
 * Internal, memory-lean form of an order (the index may hold hundreds of thousands): one fixed
 * shape (all fields set in the constructor), repeated strings interned, refunds allocated lazily,
 * and the QR payload dropped once the attempt is final. view() builds the public OrderView copy.
 */
import type { Wallet } from '../aggregator/types';
import type { OrderStatus, OrderView, RefundView } from './order-view';
import type { PaymentMethod } from './records';
import type { Msg } from '../../preload/messages';

const INTERN_MAX = 20_000;
const interned = new Map<string, string>();

/** Share one instance of low-cardinality strings (operator, subject, day, wallet, messages…). */
export function intern<T extends string | undefined>(s: T): T {
  if (s === undefined) return s;
  const hit = interned.get(s);
  if (hit !== undefined) return hit as T;
  if (interned.size < INTERN_MAX && s.length <= 64) interned.set(s, s);
  return s;
}

const internedMsgs = new Map<string, Msg>();

/** Share one instance of each order note (支付成功 is the note of most orders). */
export function internMsg(m: Msg | undefined): Msg | undefined {
  if (m === undefined) return m;
  const key = JSON.stringify(m);
  const hit = internedMsgs.get(key);
  if (hit !== undefined) return hit;
  if (internedMsgs.size < INTERN_MAX && key.length <= 200) internedMsgs.set(key, m);
  return m;
}

export class OrderRec {
  status: OrderStatus = 'pending';
  sn: string | undefined = undefined;
  tradeNo: string | undefined = undefined;
  wallet: Wallet | undefined;
  codeMasked: string | undefined;
  qrCode: string | undefined = undefined;
  expiresAt: number | undefined = undefined;
  message: string | undefined = undefined;
  /** The outcome's message code (what the screen shows, in the cashier's language). */
  note: Msg | undefined = undefined;
  finishedAt: number | undefined = undefined;
  recovered: boolean | undefined = undefined;
  reconstructed: boolean | undefined = undefined;
  cancelReason: string | undefined = undefined;
  refunds: RefundView[] | undefined = undefined;
  refundedFen = 0;
  cash: { receivedFen: number; changeFen: number } | undefined = undefined;
  sale: { saleId: string; totalFen: number } | undefined = undefined;

  constructor(
    readonly clientSn: string,
    readonly day: string,
    readonly method: PaymentMethod,
    readonly amountFen: number,
    readonly operator: string,
    readonly subject: string,
    readonly createdAt: number,
    readonly windowMs: number,
    wallet: Wallet | undefined,
    codeMasked: string | undefined,
  ) {
    this.wallet = wallet;
    this.codeMasked = codeMasked;
  }

  view(): OrderView {
    const v: OrderView = {
      clientSn: this.clientSn,
      day: this.day,
      method: this.method,
      amountFen: this.amountFen,
      operator: this.operator,
      subject: this.subject,
      createdAt: this.createdAt,
      status: this.status,
      windowMs: this.windowMs,
      refunds: this.refunds ? this.refunds.map((r) => ({ ...r })) : [],
      refundedFen: this.refundedFen,
    };
    if (this.sn !== undefined) v.sn = this.sn;
    if (this.tradeNo !== undefined) v.tradeNo = this.tradeNo;
    if (this.wallet !== undefined) v.wallet = this.wallet;
    if (this.codeMasked !== undefined) v.codeMasked = this.codeMasked;
    if (this.qrCode !== undefined) v.qrCode = this.qrCode;
    if (this.expiresAt !== undefined) v.expiresAt = this.expiresAt;
    if (this.message !== undefined) v.message = this.message;
    if (this.note !== undefined) v.note = this.note;
    if (this.finishedAt !== undefined) v.finishedAt = this.finishedAt;
    if (this.recovered !== undefined) v.recovered = this.recovered;
    if (this.reconstructed !== undefined) v.reconstructed = this.reconstructed;
    if (this.cancelReason !== undefined) v.cancelReason = this.cancelReason;
    if (this.cash !== undefined) v.cash = { ...this.cash };
    if (this.sale !== undefined) v.sale = { ...this.sale };
    return v;
  }
}
