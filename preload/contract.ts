/**
 * The one IPC contract: every action (verb → args → result) and every event the main process
 * pushes, each with a zod schema. Main's ipc registration, the preload bridge (`window.pos`) and
 * the loopback harness's HTTP routes are all generated from these tables. The renderer imports
 * **types only** from here (the PosApi type in pos-api.ts).
 */
import { z } from 'zod';

export const walletSchema = z.enum(['wechat', 'alipay', 'unionpay', 'ecny', 'bestpay', 'cash', 'other']);
export const outcomeSchema = z.enum(['PAID', 'FAILED', 'CANCELED', 'EXPIRED', 'NEEDS_ATTENTION']);

const fen = z.number().int().safe();
const requestId = z.string().min(8).max(64);
const amountText = z.string().max(24);

export const checkoutViewSchema = z.object({
  phase: z.enum(['recovering', 'idle', 'creating', 'waiting', 'cancelling', 'result']),
  method: z.enum(['qr', 'scan']).optional(),
  clientSn: z.string().optional(),
  amountFen: fen.optional(),
  qrCode: z.string().optional(),
  expiresAt: z.number().optional(),
  /** Main-process time when the view was made, so the countdown does not depend on the PC clock of the browser. */
  serverNow: z.number(),
  wallet: walletSchema.optional(),
  /** Line under the QR / scan prompt, e.g. 用户支付中，请稍候. */
  progress: z.string().optional(),
  result: z.object({
    outcome: outcomeSchema,
    message: z.string(),
    nextStep: z.string().optional(),
    wallet: walletSchema.optional(),
    amountFen: fen,
    sn: z.string().optional(),
  }).optional(),
});
export type CheckoutView = z.infer<typeof checkoutViewSchema>;

export const deviceStatusSchema = z.object({
  scanner: z.object({ state: z.enum(['connected', 'not_found', 'not_configured', 'error']), path: z.string().optional(), message: z.string() }),
  printer: z.object({ state: z.enum(['ok', 'paper_out', 'cover_open', 'offline', 'unknown', 'not_configured']), message: z.string(), pending: z.number().int() }),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const recoverySchema = z.object({
  done: z.boolean(),
  recovered: z.array(z.object({ clientSn: z.string(), amountFen: fen, outcome: z.string(), message: z.string() })),
});
export type RecoveryReport = z.infer<typeof recoverySchema>;

export const snapshotSchema = z.object({
  checkout: checkoutViewSchema,
  devices: deviceStatusSchema,
  recovery: recoverySchema,
  shopName: z.string(),
  maxAmountFen: fen,
  aggregator: z.object({ mode: z.enum(['sandbox', 'production']), activated: z.boolean(), terminalSn: z.string().optional(), message: z.string().optional() }),
  warnings: z.array(z.string()),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const orderViewSchema = z.object({
  clientSn: z.string(),
  day: z.string(),
  method: z.enum(['qr', 'scan']),
  amountFen: fen,
  status: z.enum(['pending', 'needs_attention', 'paid', 'failed', 'canceled', 'expired']),
  wallet: walletSchema.optional(),
  sn: z.string().optional(),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  message: z.string().optional(),
  refundedFen: fen,
});
export type OrderView = z.infer<typeof orderViewSchema>;

const empty = z.object({}).strict();

/** Actions: renderer → main. Each becomes `window.pos.<name>(args)` returning a Promise of the result. */
export const actions = {
  getSnapshot: { args: empty, result: snapshotSchema },
  /** The amount as the cashier typed it, in yuan ("12.30"); main parses it to fen and refuses bad input. */
  setPendingAmount: { args: z.object({ amount: amountText }).strict(), result: z.object({ ok: z.boolean(), message: z.string().optional() }) },
  startQrPayment: { args: z.object({ amount: amountText, requestId }).strict(), result: checkoutViewSchema },
  startScanPayment: { args: z.object({ amount: amountText, code: z.string().max(128), requestId, source: z.enum(['wedge', 'serial']) }).strict(), result: checkoutViewSchema },
  cancelPayment: { args: z.object({ clientSn: z.string().min(1).max(64) }).strict(), result: checkoutViewSchema },
  queryAgain: { args: z.object({ clientSn: z.string().min(1).max(64) }).strict(), result: checkoutViewSchema },
  dismissResult: { args: empty, result: checkoutViewSchema },
  dayTotals: {
    args: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(),
    result: z.object({
      day: z.string(), count: z.number().int(), paidFen: fen, refundCount: z.number().int(), refundFen: fen, netFen: fen,
      byWallet: z.record(z.string(), z.object({ count: z.number().int(), paidFen: fen, refundFen: fen })),
    }),
  },
  listOrders: { args: z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(), result: z.array(orderViewSchema) },
} as const;

/** Events: main → renderer, pushed to every window (and every harness WebSocket). */
export const noticeSchema = z.object({ level: z.enum(['info', 'warn', 'error']), message: z.string(), at: z.number() });
export type Notice = z.infer<typeof noticeSchema>;

export const events = {
  checkout: checkoutViewSchema,
  notice: noticeSchema,
  /** What the cashier is typing, for the customer display (amount only, nothing else). */
  pendingAmount: z.object({ amountFen: fen.nullable() }),
  /** Every raw frame the serial scanner sends, for the engineer's live monitor. */
  scannerFrame: z.object({ status: z.enum(['ok', 'duplicate', 'noise', 'overflow']), text: z.string(), hex: z.string(), at: z.number() }),
  devices: deviceStatusSchema,
  recovery: recoverySchema,
} as const;

export type Actions = typeof actions;
export type ActionName = keyof Actions;
export type ActionArgs<N extends ActionName> = z.input<Actions[N]['args']>;
export type ActionResult<N extends ActionName> = z.infer<Actions[N]['result']>;
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;

export const actionNames = Object.keys(actions) as ActionName[];
export const eventNames = Object.keys(events) as EventName[];

/** The typed error every transport returns for a refused call; never an uncaught exception. */
export const posErrorSchema = z.object({
  code: z.enum(['INVALID_ARGS', 'UNKNOWN_ACTION', 'BUSY', 'RECOVERING', 'REFUSED', 'FORBIDDEN', 'INTERNAL']),
  message: z.string(),
});
export type PosErrorBody = z.infer<typeof posErrorSchema>;
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: PosErrorBody };
