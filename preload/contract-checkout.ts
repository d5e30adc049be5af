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

/** Wallets a per-wallet QR can be made for (qrMode 'per-wallet'). */
export const qrWalletSchema = z.enum(['wechat', 'alipay', 'unionpay']);
export type QrWalletId = z.infer<typeof qrWalletSchema>;

/** A payment made on a QR after it was withdrawn (checkout/late-watch.ts), until the cashier decides. */
export const latePaymentSchema = z.object({
  clientSn: z.string(), amountFen: fen, wallet: walletSchema, sn: z.string(), paidAt: z.number(), detectedAt: z.number(),
  amountMismatch: z.boolean().optional(),
});
export type LatePaymentView = z.infer<typeof latePaymentSchema>;

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
  /** 'unified': one QR for every wallet; 'per-wallet': the cashier picks the wallet first. */
  qrMode: z.enum(['unified', 'per-wallet']).optional(),
  latePayments: z.array(latePaymentSchema).optional(),
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
  /** `wallet`: required in the per-wallet QR mode (the wallet the cashier picked), ignored otherwise. */
  startQrPayment: { args: z.object({ amount: amountText, requestId, wallet: qrWalletSchema.optional() }).strict(), result: checkoutViewSchema },
  /** `code`: the wedge scan's code. Source 'serial' sends the `serialScan` event's one-time `scanToken` instead (main holds the code). */
  startScanPayment: { args: z.object({ amount: amountText, code: z.string().max(128).optional(), requestId, source: z.enum(['wedge', 'serial']), scanToken: z.string().max(64).optional() }).strict(), result: checkoutViewSchema },
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
  /** The cashier keeps a late payment (the refund goes through `refund` with the manager PIN). */
  dismissLatePayment: { args: z.object({ clientSn: clientSnSchema }).strict(), result: z.array(latePaymentSchema) },
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
  /** Late payments waiting for the cashier's decision (the whole list, on every change). */
  latePayments: z.array(latePaymentSchema),
  /**
   * The serial scanner read a payment code: the cashier window pays it with the amount on its
   * screen, sending `token` back (serial-scan-tokens.ts; main keeps the code, the bus gets it
   * masked). One-shot: never replayed to a window that connects later.
   */
  serialScan: z.object({ token: z.string().max(64), masked: z.string().max(128), at: z.number() }),
} as const;
