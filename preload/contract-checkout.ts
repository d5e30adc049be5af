/** Checkout, devices status and order-list actions and events (the cashier's side). */
import { z } from 'zod';
import { amountText, clientSnSchema, daySchema, empty, fen, msgSchema, outcomeSchema, requestId, walletSchema } from './contract-shared';



export const checkoutViewSchema = z.object({
  phase: z.enum(['recovering', 'idle', 'creating', 'waiting', 'cancelling', 'result']),
  method: z.enum(['qr', 'scan', 'cash']).optional(),
  clientSn: z.string().optional(),
  amountFen: fen.optional(),
  qrCode: z.string().optional(),
  expiresAt: z.number().optional(),
  /** Main-process time when the view was made, so the countdown does not depend on the PC clock of the browser. */
  serverNow: z.number(),
  wallet: walletSchema.optional(),
  /** Line under the QR / scan prompt, e.g. 用户支付中，请稍候. */
  progress: msgSchema.optional(),
  result: z.object({
    outcome: outcomeSchema,
    message: msgSchema,
    nextStep: msgSchema.optional(),
    wallet: walletSchema.optional(),
    amountFen: fen,
    sn: z.string().optional(),
    /** Cash tender: what the customer handed over and the change to give. */
    receivedFen: fen.optional(),
    changeFen: fen.optional(),
  }).optional(),
});
export type CheckoutView = z.infer<typeof checkoutViewSchema>;

export const deviceStatusSchema = z.object({
  scanner: z.object({ state: z.enum(['connected', 'not_found', 'not_configured', 'error']), path: z.string().optional(), message: msgSchema }),
  printer: z.object({ state: z.enum(['ok', 'paper_out', 'cover_open', 'offline', 'unknown', 'not_configured']), message: msgSchema, pending: z.number().int() }),
});
export type DeviceStatus = z.infer<typeof deviceStatusSchema>;

export const recoverySchema = z.object({
  done: z.boolean(),
  recovered: z.array(z.object({ clientSn: z.string(), amountFen: fen, outcome: z.string(), message: msgSchema })),
});
export type RecoveryReport = z.infer<typeof recoverySchema>;

export const snapshotSchema = z.object({
  checkout: checkoutViewSchema,
  devices: deviceStatusSchema,
  recovery: recoverySchema,
  shopName: z.string(),
  maxAmountFen: fen,
  /** Keyboard-wedge scanners: keys closer than this (ms) are a scan, not typing. */
  wedgeMaxGapMs: z.number().int(),
  aggregator: z.object({ mode: z.enum(['sandbox', 'production']), activated: z.boolean(), terminalSn: z.string().optional(), message: msgSchema.optional() }),
  warnings: z.array(msgSchema),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export const orderViewSchema = z.object({
  clientSn: z.string(),
  day: z.string(),
  method: z.enum(['qr', 'scan', 'cash']),
  amountFen: fen,
  status: z.enum(['pending', 'needs_attention', 'paid', 'failed', 'canceled', 'expired']),
  wallet: walletSchema.optional(),
  sn: z.string().optional(),
  createdAt: z.number(),
  finishedAt: z.number().optional(),
  /** The journal's text (Chinese); shown only where `note` is missing (records written before notes). */
  message: z.string().optional(),
  /** The order's note (支付成功, 需人工确认…) as a code, worded in the cashier's language. */
  note: msgSchema.optional(),
  refundedFen: fen,
});
export type OrderView = z.infer<typeof orderViewSchema>;


export const checkoutActions = {
  getSnapshot: { args: empty, result: snapshotSchema },
  /** The amount as the cashier typed it, in yuan ("12.30"); main parses it to fen and refuses bad input. */
  setPendingAmount: { args: z.object({ amount: amountText }).strict(), result: z.object({ ok: z.boolean(), message: msgSchema.optional() }) },
  startQrPayment: { args: z.object({ amount: amountText, requestId }).strict(), result: checkoutViewSchema },
  startScanPayment: { args: z.object({ amount: amountText, code: z.string().max(128), requestId, source: z.enum(['wedge', 'serial']) }).strict(), result: checkoutViewSchema },
  cancelPayment: { args: z.object({ clientSn: clientSnSchema }).strict(), result: checkoutViewSchema },
  queryAgain: { args: z.object({ clientSn: clientSnSchema }).strict(), result: checkoutViewSchema },
  dismissResult: { args: empty, result: checkoutViewSchema },
  dayTotals: {
    args: z.object({ day: daySchema.optional() }).strict(),
    result: z.object({
      day: z.string(), count: z.number().int(), paidFen: fen, refundCount: z.number().int(), refundFen: fen, netFen: fen,
      byWallet: z.record(z.string(), z.object({ count: z.number().int(), paidFen: fen, refundFen: fen })),
    }),
  },
  listOrders: { args: z.object({ day: daySchema.optional() }).strict(), result: z.array(orderViewSchema) },
} as const;

export const noticeSchema = z.object({ level: z.enum(['info', 'warn', 'error']), message: msgSchema, at: z.number() });
export type Notice = z.infer<typeof noticeSchema>;

export const checkoutEvents = {
  checkout: checkoutViewSchema,
  notice: noticeSchema,
  /** What the cashier is typing, for the customer display (amount only, nothing else). */
  pendingAmount: z.object({ amountFen: fen.nullable() }),
  /** Every raw frame the serial scanner sends, for the engineer's live monitor. */
  scannerFrame: z.object({ status: z.enum(['ok', 'duplicate', 'noise', 'overflow']), text: z.string(), hex: z.string(), at: z.number() }),
  devices: deviceStatusSchema,
  recovery: recoverySchema,
} as const;
