/**
 * Head-office sync (main/sync/): the counter's state for the status bar — off, synced, N records
 * behind, head office unreachable since … — pushed as an event and readable on demand.
 */
import { z } from 'zod';
import { empty, msgSchema } from './contract-shared';

export const syncStatusSchema = z.object({
  enabled: z.boolean(),
  state: z.enum(['off', 'connecting', 'synced', 'behind', 'unreachable']),
  behind: z.number().int().min(0),
  storeId: z.string(),
  /** While unreachable: since when (ms epoch) and the last error. */
  since: z.number().optional(),
  error: z.string().optional(),
  lastSyncAt: z.number().optional(),
  tls: z.boolean().optional(),
  /** Why sync cannot start (a bad head-office address), in the cashier's language; `error` is the server's own text. */
  errorMsg: msgSchema.optional(),
});
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

export const syncActions = {
  getSyncStatus: { args: empty, result: syncStatusSchema },
} as const;

export const syncEvents = {
  sync: syncStatusSchema,
} as const;
