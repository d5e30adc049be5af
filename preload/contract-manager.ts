/**
 * Store manager's actions and events: operator PINs (roles, lockout), order search, refunds and
 * voids (manager PIN), totals, X / Z reports (shift close), reconciliation with the expected
 * settlement, CSV export. PINs travel with each protected action and are checked in main.
 */
import { z } from 'zod';
import { amountText, clientSnSchema, daySchema, empty, fen, msgSchema, walletSchema } from './contract-shared';
import { cashCountSchema, cashSummarySchema } from './contract-cash-shapes';

export const roleSchema = z.enum(['cashier', 'manager', 'engineer']);
export type Role = z.infer<typeof roleSchema>;
/** Any typed text up to 16 chars: a malformed PIN is a wrong try, not an invalid call. */
const pinText = z.string().min(1).max(16);

export const operatorSchema = z.object({ role: roleSchema, name: z.string() });
export type OperatorInfo = z.infer<typeof operatorSchema>;
export const operatorProfileSchema = operatorSchema.extend({ mustChange: z.boolean() });
export type OperatorProfile = z.infer<typeof operatorProfileSchema>;
export const scanTargetSchema = z.enum(['checkout', 'history']);
export type ScanTargetName = z.infer<typeof scanTargetSchema>;

/** Why a PIN was not accepted; `locked` carries the countdown. */
export const pinFailureSchema = z.union([
  z.object({ ok: z.literal(false), reason: z.literal('wrong'), remainingTries: z.number().int(), message: msgSchema }),
  z.object({ ok: z.literal(false), reason: z.literal('locked'), lockedForMs: z.number().int(), message: msgSchema }),
]);
export type PinFailure = z.infer<typeof pinFailureSchema>;
export const pinResultSchema = z.union([
  z.object({ ok: z.literal(true), operator: operatorSchema, mustChange: z.boolean() }),
  pinFailureSchema,
]);
export type PinResult = z.infer<typeof pinResultSchema>;

/** A protected action: either the PIN was refused (nothing done) or the action's value. */
const authed = <T extends z.ZodType>(value: T) => z.union([z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), auth: pinFailureSchema })]);

export const orderStatusSchema = z.enum(['pending', 'needs_attention', 'paid', 'failed', 'canceled', 'expired']);

export const refundViewSchema = z.object({
  refundRequestNo: z.string(), amountFen: fen, status: z.enum(['pending', 'refunded', 'failed']), kind: z.enum(['refund', 'void']).optional(),
  operator: z.string().optional(), requestedAt: z.number().optional(), finishedAt: z.number().optional(), message: z.string().optional(), note: msgSchema.optional(),
});
export type RefundInfo = z.infer<typeof refundViewSchema>;

export const managerOrderSchema = z.object({
  clientSn: z.string(), day: z.string(), method: z.enum(['qr', 'scan', 'cash']), amountFen: fen, status: orderStatusSchema,
  operator: z.string(), subject: z.string(), createdAt: z.number(), finishedAt: z.number().optional(),
  wallet: walletSchema.optional(), sn: z.string().optional(), tradeNo: z.string().optional(), codeMasked: z.string().optional(), message: z.string().optional(), note: msgSchema.optional(),
  refunds: z.array(refundViewSchema), refundedFen: fen,
  /** Paid − refunded − refunds in flight. */
  refundableFen: fen,
  /** Why 撤销 is not possible now (absent: it is). */
  voidRefusal: msgSchema.optional(),
});
export type ManagerOrder = z.infer<typeof managerOrderSchema>;

export const orderSearchSchema = z.object({
  day: daySchema.optional(),
  fromTs: z.number().optional(),
  toTs: z.number().optional(),
  /** Yuan as typed ("12.30"); exact amount. */
  amount: amountText.optional(),
  wallet: walletSchema.optional(),
  /** Our order number or the aggregator's (typed, or scanned from the receipt's QR); a part is enough. */
  orderNo: z.string().max(64).optional(),
  status: orderStatusSchema.optional(),
  limit: z.number().int().min(1).max(1000).optional(),
}).strict();
export type OrderSearch = z.infer<typeof orderSearchSchema>;

export const refundOutcomeSchema = z.object({
  clientSn: z.string(), refundRequestNo: z.string(), kind: z.enum(['refund', 'void']), amountFen: fen,
  status: z.enum(['refunded', 'failed', 'pending']), message: msgSchema,
});
export type RefundOutcomeView = z.infer<typeof refundOutcomeSchema>;

const bucketSchema = z.object({ count: z.number().int(), paidFen: fen, refundCount: z.number().int(), refundFen: fen, netFen: fen });
export const totalsSchema = bucketSchema.extend({
  period: z.union([z.object({ kind: z.literal('day'), day: z.string() }), z.object({ kind: z.literal('window'), fromTs: z.number(), toTs: z.number() })]),
  attempts: z.record(orderStatusSchema, z.number().int()),
  byWallet: z.record(z.string(), bucketSchema),
  byOperator: z.record(z.string(), bucketSchema),
  byHour: z.array(z.object({ hour: z.number().int(), count: z.number().int(), paidFen: fen, refundFen: fen })),
});
export type TotalsView = z.infer<typeof totalsSchema>;

export const shiftSchema = z.object({ shiftNo: z.number().int(), fromTs: z.number(), openedBy: z.string().optional(), openedAt: z.number().optional() });
export const zReportSchema = z.object({
  zNo: z.number().int(), shiftNo: z.number().int(), operator: z.string(), openedBy: z.string().optional(), openedAt: z.number().optional(),
  fromTs: z.number(), toTs: z.number(), totals: totalsSchema, cash: cashSummarySchema.optional(),
});
export type ZReportView = z.infer<typeof zReportSchema>;

const diffKindSchema = z.enum(['matched', 'only_counter', 'only_aggregator', 'amount_differs', 'status_differs', 'other_day', 'unparsable', 'query_failed']);
export type DiffKindView = z.infer<typeof diffKindSchema>;
const settlementLineSchema = z.object({ count: z.number().int(), grossFen: fen, refundFen: fen, feeFen: fen, netFen: fen });
export const reconcileViewSchema = z.object({
  day: z.string(),
  source: z.enum(['statement', 'query']),
  /** Why the statement could not be used (then the orders were re-queried). */
  statementProblem: msgSchema.optional(),
  items: z.array(z.object({
    kind: diffKindSchema, clientSn: z.string().optional(), sn: z.string().optional(), wallet: walletSchema.optional(),
    counterNetFen: fen, aggregatorNetFen: fen, diffFen: fen, detail: msgSchema.optional(), nextStep: msgSchema.optional(),
    counterStatus: orderStatusSchema.optional(), aggregatorStatus: z.string().optional(),
  })),
  counts: z.record(diffKindSchema, z.number().int()),
  differences: z.number().int(),
  counter: z.object({ paidFen: fen, refundFen: fen, netFen: fen }),
  aggregator: z.object({ paidFen: fen, refundFen: fen, netFen: fen, feeFen: fen }),
  settlement: z.object({
    day: z.string(), arrivalDay: z.string(), total: settlementLineSchema,
    byWallet: z.record(z.string(), settlementLineSchema.extend({ feeBp: z.number().int() })),
  }),
  /** The acquirer's statement's own payout per account and 清算日期; `…Assumed`: not yet in the bill (statement-format assumptions). */
  bankSettlement: z.array(settlementLineSchema.extend({
    account: z.string(), settleDay: z.string(), dayAssumed: z.boolean(), feeAssumed: z.boolean(),
  })).optional(),
});
export type ReconcileView = z.infer<typeof reconcileViewSchema>;

export const csvKindSchema = z.enum(['orders', 'totals', 'reconciliation', 'settlement']);
export type CsvKind = z.infer<typeof csvKindSchema>;

export const managerActions = {
  /** Sign in as an operator (who did what is journaled under this name). */
  login: { args: z.object({ role: roleSchema, pin: pinText }).strict(), result: pinResultSchema },
  logout: { args: empty, result: z.object({ ok: z.literal(true) }) },
  /** Check a PIN without signing in (e.g. the manager authorising at the cashier's counter). */
  verifyPin: { args: z.object({ role: roleSchema, pin: pinText }).strict(), result: pinResultSchema },
  managerSession: {
    args: empty,
    result: z.object({ operator: operatorSchema.nullable(), managerLockedForMs: z.number().int(), managerTriesLeft: z.number().int(), defaultPins: z.array(roleSchema) }),
  },
  changePin: { args: z.object({ role: roleSchema, name: z.string().min(1).max(32), oldPin: pinText, pin: pinText }).strict(), result: authed(z.object({ message: msgSchema })) },
  searchOrders: { args: orderSearchSchema, result: z.object({ orders: z.array(managerOrderSchema), total: z.number().int() }) },
  orderDetail: { args: z.object({ clientSn: clientSnSchema }).strict(), result: managerOrderSchema.nullable() },
  /** Full or partial refund; `amount` in yuan as typed. */
  refund: { args: z.object({ clientSn: clientSnSchema, amount: amountText, pin: pinText }).strict(), result: authed(refundOutcomeSchema) },
  /** A refund whose outcome is unknown: ask again with the same refund_request_no. */
  retryRefund: { args: z.object({ clientSn: clientSnSchema, refundRequestNo: z.string().min(1).max(32) }).strict(), result: refundOutcomeSchema },
  /** Same-day 撤销 of the whole payment. */
  voidOrder: { args: z.object({ clientSn: clientSnSchema, pin: pinText }).strict(), result: authed(refundOutcomeSchema) },
  totals: { args: z.object({ day: daySchema.optional() }).strict(), result: totalsSchema },
  /** X report: the open shift so far; nothing is closed. */
  xReport: { args: empty, result: z.object({ shift: shiftSchema, totals: totalsSchema, nextZNo: z.number().int(), cash: cashSummarySchema.optional() }) },
  /** Z report: freezes the shift with the next sequence number, prints it, starts a new shift. */
  closeShift: { args: z.object({ pin: pinText, counted: cashCountSchema.optional() }).strict(), result: authed(z.object({ report: zReportSchema, printed: z.boolean() })) },
  reconcile: { args: z.object({ day: daySchema }).strict(), result: reconcileViewSchema },
  /** UTF-8 CSV with BOM; also saved under the data directory's exports/ folder. */
  exportCsv: { args: z.object({ kind: csvKindSchema, day: daySchema.optional() }).strict(), result: z.object({ csv: z.string(), fileName: z.string(), path: z.string() }) },
  /** The operator profiles (names and roles, never PINs) for the sign-in and operators dialog. */
  listOperators: { args: empty, result: z.object({ operators: z.array(operatorProfileSchema) }) },
  /** Adds an operator (e.g. a cashier 小王) or sets a new PIN for one, with the manager PIN. */
  saveOperator: { args: z.object({ managerPin: pinText, role: roleSchema, name: z.string().min(1).max(32), pin: pinText }).strict(), result: authed(z.object({ message: msgSchema })) },
  /** Removes an operator profile, with the manager PIN (one manager and one engineer always stay). */
  removeOperator: { args: z.object({ managerPin: pinText, role: roleSchema, name: z.string().min(1).max(32) }).strict(), result: authed(z.object({ message: msgSchema })) },
  /** The screen in front claims the serial scanner: on 'history' a scan looks an order up and never pays. */
  setScanTarget: { args: z.object({ target: scanTargetSchema }).strict(), result: z.object({ target: scanTargetSchema }) },
} as const;

export const managerEvents = {
  /** A refund or void ended (or stayed unknown): history and totals refresh. */
  refundUpdate: refundOutcomeSchema,
  /** The signed-in operator changed (sign-in, switch, sign-out). */
  operator: z.object({ operator: operatorSchema.nullable() }),
  /** A serial scan taken as an order number (the Orders screen had the scanner); `at` is main's time. */
  orderScan: z.object({ code: z.string(), at: z.number() }),
} as const;
