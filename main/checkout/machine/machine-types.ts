/**
 * The checkout as data: the states one counter can be in, the events that move it, and the
 * effects a transition asks for. `transition` (checkout-machine.ts) is pure; the runner
 * (machine-runner.ts) executes effects with the injected clock, timers, journal and aggregator
 * and feeds their outcomes back as events. The view on screen is derived from the state (view.ts).
 */
import type { Wallet } from '../../aggregator/types';
import type { Msg } from '../../../preload/messages';
import type { CheckoutView } from '../../../preload/contract';
import type { JournalRecordBody } from '../../journal/records';
import type { CloseOutResult } from '../close-out';
import type { OrderState } from '../interpret';
import type { QrAnswer } from '../qr-start';

export type Method = 'qr' | 'scan';
export type CloseReason = 'cashier' | 'expired' | 'window_end' | 'recovery';
export type Outcome = 'PAID' | 'FAILED' | 'CANCELED' | 'EXPIRED' | 'NEEDS_ATTENTION';

/** One payment attempt, as the machine knows it. */
export interface MAttempt {
  clientSn: string;
  method: Method;
  amountFen: number;
  createdAt: number;
  /** End of the window (shop setting, or the platform's query limit when shorter). */
  deadline: number;
  /** QR only: shown once journaled (QR_READY). */
  qrCode?: string;
  /** Per-wallet QR: the wallet picked; scan: the wallet the code belongs to; paid: the platform's. */
  wallet?: Wallet;
  codeMasked?: string;
  /** Mixed tender: the sale this wallet part belongs to (mixed-tender.ts keeps the sale). */
  sale?: { saleId: string; saleTotalFen: number };
  perWallet?: boolean;
  /** Finished after a restart (journal: PAYMENT_FINAL.recovered). */
  recovered?: boolean;
  /** Recovery in the background: finished without taking over the screen. */
  background?: boolean;
}

export interface MResult { outcome: Outcome; message: Msg; nextStep?: Msg; wallet?: Wallet; amountFen: number; sn?: string }

export type MState =
  | { tag: 'idle' }
  | { tag: 'recovering' }
  /** ATTEMPT_CREATED is being written (fsync): nothing has gone over the network yet. */
  | { tag: 'journaling'; att: MAttempt; code?: string }
  /** The QR request / pay has gone out; its answer is awaited. */
  | { tag: 'requesting'; att: MAttempt }
  /** QR answer in hand, QR_READY being written: not shown until it is on disk. */
  | { tag: 'qr_journaling'; att: MAttempt; sn?: string }
  /** Polling the platform; the customer may still pay. */
  | { tag: 'waiting'; att: MAttempt; progress: Msg }
  /** Query → cancel/close under way (cashier, window end, unclear answer, recovery). */
  | { tag: 'closing'; att: MAttempt; reason: CloseReason; progress: Msg }
  | { tag: 'result'; att: MAttempt; result: MResult }
  /**
   * A view another tender put on screen: a cash sale, or a mixed sale whose wallet part just paid
   * (cash-service.ts words it). Like idle and result, the next payment may start from here.
   */
  | { tag: 'tendered'; view: TenderView };

/** A screen made by the cash tender (the machine shows it as given). */
export type TenderView = Omit<CheckoutView, 'serverNow'>;

export type MEvent =
  | { type: 'START_QR'; clientSn: string; amountFen: number; now: number; windowMs: number; operator: string; subject: string; wallet?: Wallet; perWallet?: boolean; sale?: MAttempt['sale'] }
  | { type: 'START_SCAN'; clientSn: string; amountFen: number; now: number; windowMs: number; operator: string; subject: string; code: string; wallet: Wallet; codeMasked: string; sale?: MAttempt['sale'] }
  /** ATTEMPT_CREATED (or QR_READY) is on disk, or could not be written. */
  | { type: 'JOURNALED' }
  | { type: 'JOURNAL_FAILED'; reason: Msg; detail: string }
  | { type: 'QR_ANSWER'; answer: QrAnswer }
  | { type: 'PAY_ANSWER'; state: OrderState }
  | { type: 'POLL_ANSWER'; state: OrderState }
  /** The window ran out, or the platform's query limit was reached. */
  | { type: 'POLL_ENDED'; end: 'deadline' | 'exhausted' }
  | { type: 'CANCEL_PRESSED' }
  | { type: 'QUERY_AGAIN' }
  | { type: 'CLOSE_OUT_DONE'; res: CloseOutResult }
  /** CANCEL_REQUESTED could not be journaled, so no cancel was sent. */
  | { type: 'CLOSE_OUT_JOURNAL_FAILED'; reason: Msg; detail: string }
  /** PAYMENT_FINAL could not be written: the result stands, with a warning (the order is re-queried at the next start). */
  | { type: 'FINAL_NOT_SAVED'; reason: Msg }
  | { type: 'DISMISS'; recovering: boolean }
  | { type: 'RECOVERING'; on: boolean }
  /** A restart found this attempt unfinished; `state` is what a query says now. */
  | { type: 'RESUME'; att: MAttempt; foreground: boolean; state: OrderState; now: number }
  /** A cash sale is journaled (CASH_SALE on disk): its view goes on screen. */
  | { type: 'TENDERED'; view: TenderView }
  /** The wallet part of a mixed sale paid: the whole sale replaces that part's result (same client_sn). */
  | { type: 'PRESENTED'; view: TenderView };

export type MEffect =
  /** then 'event': the runner answers JOURNALED / JOURNAL_FAILED; 'warn': FINAL_NOT_SAVED on failure; 'ignore': nothing. */
  | { type: 'journal'; body: JournalRecordBody; then: 'event' | 'warn' | 'ignore' }
  /** Marker only (REQUEST_SENT): never holds up the payment. */
  | { type: 'markSent'; clientSn: string; op: 'precreate' | 'pay' }
  | { type: 'requestQr'; clientSn: string; amountFen: number; wallet?: Wallet }
  | { type: 'pay'; clientSn: string; amountFen: number; code: string }
  | { type: 'startPoll'; clientSn: string; method: Method; deadline: number; startedAt: number }
  | { type: 'stopPoll' }
  | { type: 'closeOut'; clientSn: string; reason: CloseReason; method: Method; sentAt: number }
  | { type: 'final'; clientSn: string; outcome: Exclude<Outcome, 'NEEDS_ATTENTION'>; amountFen: number; wallet?: Wallet; sn?: string; method: Method; recovered: boolean; codeMasked?: string; saleId?: string }
  /** A withdrawn QR may still be paid: watch it (late-watch.ts). */
  | { type: 'watchLate'; clientSn: string; amountFen: number }
  | { type: 'refuse'; code: 'BUSY' | 'RECOVERING' | 'REFUSED'; message: Msg }
  | { type: 'show' };

export interface Step { state: MState; effects: MEffect[] }
