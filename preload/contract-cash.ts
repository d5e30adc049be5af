/**
 * Cash at the counter: cash tender with change, mixed tender (wallet + cash), the cash drawer
 * (ESC p through the receipt printer) and the shift's opening float and payouts. Cash refunds
 * go through the manager's refund action (manager PIN) like any refund.
 */
import { z } from 'zod';
import { amountText, empty, fen, msgSchema, requestId } from './contract-shared';
import { checkoutViewSchema, qrWalletSchema } from './contract-checkout';
import { pinFailureSchema } from './contract-manager';

export * from './contract-cash-shapes';

const pinText = z.string().min(1).max(16);

/** An open mixed-tender sale: what is paid, in cash, and still due. */
export const saleSchema = z.object({
  saleId: z.string(), totalFen: fen, paidFen: fen, cashFen: fen, remainingFen: fen,
  state: z.enum(['open', 'paying', 'paid', 'abandoned']),
});
export type SaleView = z.infer<typeof saleSchema>;

const drawerResultSchema = z.object({ opened: z.boolean(), message: msgSchema });

export const cashActions = {
  /** Whether mixed tender is on, the open mixed sale if any, and the open shift's float. */
  cashStatus: { args: empty, result: z.object({ mixedTender: z.boolean(), sale: saleSchema.nullable(), shiftOpen: z.boolean(), floatFen: fen.nullable() }) },
  /**
   * Cash received for the amount (yuan as typed). `partial`: with mixed tender on, less than the
   * amount is taken as the cash part and the rest is left for a wallet. `saleId`: pays (part of)
   * what an open mixed sale still owes.
   */
  cashSale: { args: z.object({ amount: amountText, received: amountText, requestId, partial: z.boolean().optional(), saleId: z.string().max(64).optional() }).strict(), result: checkoutViewSchema },
  /** The wallet part of an open mixed sale: QR (no code or token) or the customer's payment code (a wedge `code`, or a serial scan's `scanToken`). */
  payRemainder: { args: z.object({ saleId: z.string().max(64), requestId, code: z.string().max(128).optional(), wallet: qrWalletSchema.optional(), scanToken: z.string().max(64).optional() }).strict(), result: checkoutViewSchema },
  /** Gives the cash part back and closes an open mixed sale (manager PIN). */
  abandonSale: { args: z.object({ saleId: z.string().max(64), pin: pinText }).strict(), result: z.union([z.object({ ok: z.literal(true), value: z.object({ message: msgSchema }) }), z.object({ ok: z.literal(false), auth: pinFailureSchema })]) },
  /** Opens the cash drawer outside a sale (manager PIN), journaled with who and why. */
  openDrawer: { args: z.object({ pin: pinText, reason: z.string().min(1).max(60) }).strict(), result: z.union([z.object({ ok: z.literal(true), value: drawerResultSchema }), z.object({ ok: z.literal(false), auth: pinFailureSchema })]) },
  /** Starts the shift (开班) with the opening float counted into the drawer. */
  openShift: { args: z.object({ float: amountText }).strict(), result: z.object({ shiftNo: z.number().int(), floatFen: fen }) },
  /** Cash taken out of the drawer (支出), with the manager PIN; it lowers the expected cash. */
  cashPayout: { args: z.object({ amount: amountText, reason: z.string().min(1).max(60), pin: pinText }).strict(), result: z.union([z.object({ ok: z.literal(true), value: drawerResultSchema.extend({ amountFen: fen, reason: z.string() }) }), z.object({ ok: z.literal(false), auth: pinFailureSchema })]) },
  /** Mixed tender on or off for this shop (manager PIN). */
  setMixedTender: { args: z.object({ enabled: z.boolean(), pin: pinText }).strict(), result: z.union([z.object({ ok: z.literal(true), value: z.object({ mixedTender: z.boolean() }) }), z.object({ ok: z.literal(false), auth: pinFailureSchema })]) },
} as const;

export const cashEvents = {
  /** The open mixed sale changed (null: none open). */
  sale: saleSchema.nullable(),
} as const;
