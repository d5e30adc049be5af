/** Cash shapes shared by the cash contract and the manager's X / Z reports (no import cycle). */
import { z } from 'zod';
import { amountText, fen } from './contract-shared';

/** Counted cash at shift close: pieces per denomination (key = fen), or a total in yuan. */
export const cashCountSchema = z.object({
  denominations: z.record(z.string().regex(/^\d{1,5}$/), z.number().int().min(0).max(100_000)).optional(),
  total: amountText.optional(),
}).strict();
export type CashCountInput = z.infer<typeof cashCountSchema>;

export const cashSummarySchema = z.object({
  floatFen: fen, salesFen: fen, refundsFen: fen, payoutsFen: fen, expectedFen: fen,
  countedFen: fen.optional(), differenceFen: fen.optional(), difference: z.enum(['even', 'over', 'short']).optional(),
  denominations: z.record(z.string(), z.number().int()).optional(),
});
export type CashSummaryView = z.infer<typeof cashSummarySchema>;

