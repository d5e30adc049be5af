/**
 * Journal record types: every payment-state change is one of these, appended and fsync'ed
 * before the next network call. The order index is folded from them at start (replay).
 */
import type { Wallet } from '../aggregator/types';
/** `message` / `reason` are the Chinese text for people reading the journal; `msg` is the code the screen words (absent in older records). */
import type { Msg } from '../../preload/messages';

export type PaymentMethod = 'qr' | 'scan' | 'cash';
export type FinalOutcome = 'PAID' | 'FAILED' | 'CANCELED' | 'EXPIRED';

export type JournalRecordBody =
  | { type: 'ATTEMPT_CREATED'; clientSn: string; method: PaymentMethod; amountFen: number; operator: string; subject: string; wallet?: Wallet; codeMasked?: string; windowMs: number; saleId?: string; saleTotalFen?: number }
  | { type: 'REQUEST_SENT'; clientSn: string; op: 'precreate' | 'pay' | 'query' | 'cancel' | 'refund' | 'revoke' }
  /** sn is absent for a unified QR (WAP gateway URL): the order exists only once a wallet opens it. */
  | { type: 'QR_READY'; clientSn: string; sn?: string; qrCode: string; expiresAt: number }
  | { type: 'CANCEL_REQUESTED'; clientSn: string; reason: 'cashier' | 'expired' | 'window_end' | 'recovery' }
  /** late: paid after its QR was withdrawn (checkout/late-watch.ts); the order index folds it like any PAID. */
  | { type: 'PAYMENT_FINAL'; clientSn: string; outcome: FinalOutcome; amountFen: number; sn?: string; tradeNo?: string; wallet?: Wallet; message?: string; msg?: Msg; recovered?: boolean; late?: boolean }
  | { type: 'NEEDS_ATTENTION'; clientSn: string; reason: string; msg?: Msg; sn?: string }
  /** kind 'void': a same-day 撤销 (revoke) of the whole payment; absent = a refund. */
  | { type: 'REFUND_REQUESTED'; clientSn: string; refundRequestNo: string; amountFen: number; operator: string; kind?: 'refund' | 'void' }
  | { type: 'REFUND_FINAL'; clientSn: string; refundRequestNo: string; amountFen: number; outcome: 'REFUNDED' | 'FAILED'; message?: string; msg?: Msg }
  /** A cash sale (or the cash part of a mixed sale): final in one record, no aggregator call. */
  | { type: 'CASH_SALE'; clientSn: string; amountFen: number; receivedFen: number; changeFen: number; operator: string; subject: string; saleId?: string; saleTotalFen?: number }
  /** Cash taken out of the drawer (支出); reports/shift.ts folds it into the expected cash. */
  | { type: 'CASH_PAYOUT'; amountFen: number; operator: string; reason: string }
  | { type: 'OPERATOR_ACTION'; operator: string; action: string; detail?: string }
  /** Shift records (交接班): the order index ignores them; reports/shift.ts folds them. */
  | { type: 'SHIFT_OPENED'; shiftNo: number; operator: string; openingFloatFen?: number }
  /**
   * The frozen Z report: a reprint shows exactly this, never a recomputation. Its shape belongs
   * to reports/ (ZReport); the journal stores it as it came and does not look inside.
   */
  | { type: 'SHIFT_CLOSED'; shiftNo: number; zNo: number; operator: string; fromTs: number; toTs: number; report: object };

export type JournalRecordType = JournalRecordBody['type'];

/** A record as stored: body plus sequence number, timestamp (ms epoch) and checksum. */
export type JournalRecord = JournalRecordBody & { seq: number; ts: number };
