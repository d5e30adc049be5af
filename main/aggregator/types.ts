/**
 * The Aggregator interface: what the checkout needs from a 聚合支付 platform, independent of
 * its wire protocol. Every call resolves (never rejects) to one typed outcome, so callers must
 * decide explicitly what an unknown outcome means — they may never guess.
 */
import type { Msg } from '../../preload/messages';

/** Tender/wallet. 'cash' is never an aggregator answer; it is here so one type covers every tender. */
export type Wallet = 'wechat' | 'alipay' | 'unionpay' | 'ecny' | 'bestpay' | 'cash' | 'other';

/** Upay `data.order_status`. Final: PAID, PAY_CANCELED, REFUNDED, PARTIAL_REFUNDED, CANCELED. */
export type OrderStatus =
  | 'CREATED' | 'PAID' | 'PAY_CANCELED' | 'PAY_ERROR' | 'REFUNDED' | 'PARTIAL_REFUNDED'
  | 'REFUND_ERROR' | 'CANCELED' | 'CANCEL_ERROR' | 'CANCEL_INPROGRESS' | 'INVALID_STATUS_CODE';

export const FINAL_ORDER_STATUSES: ReadonlySet<string> = new Set(['PAID', 'PAY_CANCELED', 'REFUNDED', 'PARTIAL_REFUNDED', 'CANCELED']);

/**
 * Business error codes meaning "no such order". 收钱吧 spells it UPAY_ORDER_NOT_EXISTS in
 * zh-cn/api/annex/resultCode.md but UPAY_ORDER_NOT_EXIST in en/api/transaction/appendix.md
 * (payment-protocols.md §1.6b): accept both. ORDER_NOT_FOUND is the neutral code other drivers use.
 */
export const ORDER_NOT_FOUND_CODES: ReadonlySet<string> = new Set([
  'UPAY_ORDER_NOT_EXISTS', 'UPAY_ORDER_NOT_EXIST', 'ORDER_NOT_FOUND', 'ORDER_NOT_EXISTS', 'ORDERNOTEXIST', 'TRADE_NOT_EXIST',
]);

/**
 * The platform answered that the order does not exist. For a unified QR nobody opened yet this
 * means *still waiting*; for a cancel it means nothing to cancel (zh-cn/api/apiflow.md).
 */
export function isOrderNotFound(outcome: AggOutcome): boolean {
  return outcome.kind === 'ok' && outcome.errorCode !== undefined && ORDER_NOT_FOUND_CODES.has(outcome.errorCode);
}

export interface OrderData {
  sn: string;               // aggregator order number (16 digits at Upay)
  clientSn: string;         // our idempotency key
  tradeNo?: string;         // wallet's own number
  orderStatus: OrderStatus | string;
  status?: string;          // Upay transaction status (SUCCESS, FAIL_CANCELED, IN_PROG…)
  wallet: Wallet;
  payway?: string;
  totalFen: number;
  netFen?: number;
  finishTime?: number;      // ms epoch
  qrCode?: string;          // precreate only
  payerLogin?: string;
  /** The platform's fields as received (every value a string at Upay), for the detail view. */
  raw: Record<string, unknown>;
}

/**
 * - `ok`: the platform answered (transport 200) with a business result code
 *   (PAY_SUCCESS, PAY_IN_PROGRESS, PAY_FAIL, PRECREATE_SUCCESS, CANCEL_SUCCESS, SUCCESS, FAIL, …),
 *   optional business error code/message, and order data where present.
 * - `rejected`: the platform refused the request itself (transport 400: INVALID_PARAMS,
 *   INVALID_TERMINAL, ILLEGAL_SIGN). Nothing was done.
 * - `unknown`: we do not know whether the platform acted (timeout, reset, 5xx, malformed or
 *   unparsable body, HTML error page). The caller must query.
 */
export type AggOutcome =
  | { kind: 'ok'; bizCode: string; errorCode?: string; message?: string; data?: OrderData }
  | { kind: 'rejected'; errorCode: string; message: string }
  | { kind: 'unknown'; reason: 'timeout' | 'network' | 'http_status' | 'malformed' | 'server_error'; message: string };

/**
 * Wallet-specific QR (fallback mode). At 收钱吧 `payway` is required (zh-cn/api/interface/precreate.md;
 * codes in upay/payway.ts; the Upay driver refuses a precreate without it before sending) and
 * `subPayway` defaults to '2' = QR. Optional in this platform-neutral type because a bank
 * platform may not need it. The QR every wallet can pay is `unifiedQr`.
 */
export interface PrecreateRequest { clientSn: string; amountFen: number; subject: string; operator: string; payway?: string; subPayway?: string }

export interface UnifiedQrRequest { clientSn: string; amountFen: number; subject: string; operator: string }
/** One QR every wallet can pay. Upay: a signed WAP-gateway URL built locally (no network call);
 *  a bank platform: its qrcodeapply answer. The order may not exist at the platform until a wallet opens it. */
export type UnifiedQrOutcome =
  | { kind: 'ok'; qrCode: string; sn?: string }
  | { kind: 'rejected'; errorCode: string; message: string }
  | { kind: 'unknown'; reason: 'timeout' | 'network' | 'http_status' | 'malformed' | 'server_error'; message: string };
export interface PayRequest { clientSn: string; amountFen: number; dynamicId: string; subject: string; operator: string }
export interface RefundRequest { sn?: string; clientSn?: string; refundRequestNo: string; amountFen: number; operator: string }
export interface OrderRef { sn?: string; clientSn?: string }

export interface ActivateRequest { code: string; deviceId: string; name?: string }
export type ActivateOutcome =
  | { ok: true; terminalSn: string; terminalKey: string }
  | { ok: false; definite: boolean; errorCode: string; message: string };

/**
 * How often, and for how long, the checkout may ask a platform about one order. Each platform
 * documents its own rules, so the policy comes with the driver (`Aggregator.pollPolicy`); the
 * loop that applies it is main/checkout/poller.ts.
 */
export interface PollStep { untilMs: number; everyMs: number }
export interface PollPolicy {
  /** Steps by elapsed time since the order was created; the last step applies after the others. */
  steps: readonly PollStep[];
  /** After a failed query: base × 2^(errors−1), capped, never faster than the current step. */
  errorBaseMs: number;
  errorMaxMs: number;
  /** First query this long after the order was created (default: the first step's interval). */
  firstDelayMs?: number;
  /** After this many answered-but-unpaid queries the order is over: close (QR) or cancel (code). */
  maxQueries?: number;
}
/** Refund follow-up: query this often; still pending after `giveUpAfterMs` → stop, the statement decides. */
export interface RefundPollPolicy { everyMs: number; giveUpAfterMs: number }
export interface PlatformPollPolicy {
  qr: PollPolicy;
  scan: PollPolicy;
  /** A payment-code order may be cancelled only this long after `pay` was sent (0 = at once). */
  cancelNotBeforeMs: number;
  refund?: RefundPollPolicy;
}

export interface Aggregator {
  /** The platform's documented polling rules (absent: the checkout's defaults, i.e. 收钱吧's). */
  readonly pollPolicy?: PlatformPollPolicy;
  activate(req: ActivateRequest): Promise<ActivateOutcome>;
  /** Rotates the terminal key; on a lost answer retries with the old key. */
  checkin(): Promise<ActivateOutcome>;
  precreate(req: PrecreateRequest): Promise<AggOutcome>;
  unifiedQr(req: UnifiedQrRequest): Promise<UnifiedQrOutcome>;
  pay(req: PayRequest): Promise<AggOutcome>;
  query(ref: OrderRef): Promise<AggOutcome>;
  cancel(ref: OrderRef): Promise<AggOutcome>;
  refund(req: RefundRequest): Promise<AggOutcome>;
  /**
   * The state of one refund by its refund_request_no, where the platform has such a query
   * (招商银行 refundquery): REFUND_SUCCESS, REFUND_FAIL, a not-found errorCode (the refund never
   * arrived), or unknown (still processing, or no answer). Absent: refunds are checked by `query`.
   */
  refundQuery?(req: { clientSn: string; refundRequestNo: string }): Promise<AggOutcome>;
  revoke(ref: OrderRef): Promise<AggOutcome>;
  /** A day's statement (CSV text) where the platform offers one; null where it does not. */
  statement(day: string): Promise<StatementOutcome | null>;
  /** The platform's own settlement terms (fee rates, T+N) where they are fixed by the platform, not the shop's manager.json. */
  readonly settlementTerms?: SettlementTerms;
}

export interface SettlementTerms { defaultFeeBp: number; feeBp?: Partial<Record<Wallet, number>>; settleDays: number }

/**
 * What the acquirer's statement says it will pay out, per account and 清算日期 (a bank's 清分 bill).
 * `assumed`: the bill did not carry the date or fee yet (unsettled bill); the line uses the
 * documented assumptions instead (e.g. aggregator/cmb/statement-format.ts SETTLEMENT).
 */
export interface StatementSettlementLine {
  account: string; settleDay: string; dayAssumed: boolean; feeAssumed: boolean;
  count: number; grossFen: number; refundFen: number; feeFen: number; netFen: number;
}

export type StatementOutcome =
  | { ok: true; csv: string; settlement?: StatementSettlementLine[] }
  /** Why there is no statement, as a message code: the manager's screen shows it in either language. */
  | { ok: false; message: Msg };

/** Terminal credentials the driver signs with. Persisted by the settings/secrets module. */
export interface TerminalCredentials { terminalSn: string; terminalKey: string; deviceId: string }

export interface CredentialStore {
  get(): TerminalCredentials | null;
  set(creds: TerminalCredentials): void;
  /** Durably notes a check-in about to rotate the key; throws when that cannot be saved (then no check-in). */
  beginCheckin?(): void;
}
