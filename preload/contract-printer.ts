/** Receipt printer actions and events: preview and reprint of a sale, test page, print queue. */
import { z } from 'zod';
import { clientSnSchema, empty, msgSchema } from './contract-shared';

/** One line of a receipt as it sits on the paper, already padded to the paper's columns. */
export const previewLineSchema = z.union([
  z.object({ kind: z.literal('text'), text: z.string(), bold: z.boolean().optional(), big: z.boolean().optional() }),
  /** The order code the printer draws with its own QR command (GS ( k). */
  z.object({ kind: z.literal('qr'), data: z.string() }),
]);
export type PreviewLine = z.infer<typeof previewLineSchema>;

export const receiptPreviewSchema = z.object({
  clientSn: z.string(),
  /** Paper columns: 32 (58 mm) or 48 (80 mm). */
  columns: z.number().int(),
  lines: z.array(previewLineSchema),
});
export type ReceiptPreview = z.infer<typeof receiptPreviewSchema>;

export const printerStateSchema = z.enum(['ok', 'paper_out', 'cover_open', 'offline', 'unknown', 'not_configured']);

export const printJobSchema = z.object({
  id: z.string(),
  kind: z.enum(['sale', 'refund', 'void', 'shift-close', 'test']),
  orderRef: z.string().optional(),
  createdAt: z.number(),
  state: z.enum(['pending', 'done']),
  attempts: z.number().int(),
  reprint: z.boolean(),
  /** Why the last attempt failed, or why the queue is holding the job (paper out, offline…). */
  error: msgSchema.optional(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

export const printQueueSchema = z.object({
  configured: z.boolean(),
  /** Where the receipts go (file:DIR, tcp://HOST:9100, serial:/dev/x:BAUD). */
  printer: z.string().optional(),
  state: printerStateSchema,
  message: msgSchema,
  detail: z.string().optional(),
  pending: z.number().int(),
  /** Pending jobs, oldest first, then the last printed ones, newest first. */
  jobs: z.array(printJobSchema),
});
export type PrintQueueView = z.infer<typeof printQueueSchema>;

const queued = z.object({ jobId: z.string() });

export const printerActions = {
  /** The sale receipt of a paid order, as it would print. */
  receiptPreview: { args: z.object({ clientSn: clientSnSchema }).strict(), result: receiptPreviewSchema },
  /** Prints the sale receipt again, marked 重打印 REPRINT. Only on request, only for paid orders. */
  reprint: { args: z.object({ clientSn: clientSnSchema }).strict(), result: queued },
  /** Queues the printer test page (Chinese text, amounts, native QR). */
  testPrint: { args: empty, result: queued },
  printQueue: { args: empty, result: printQueueSchema },
  /** Try held jobs now (paper refilled, cable back) instead of waiting for the backoff. */
  printRetry: { args: empty, result: printQueueSchema },
} as const;

export const printerEvents = {
  /** A job printed or failed (the printer panel refreshes its list). */
  printJob: z.object({ jobId: z.string(), outcome: z.enum(['printed', 'failed']), error: msgSchema.optional() }),
} as const;
