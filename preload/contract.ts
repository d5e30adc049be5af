/**
 * The one IPC contract: every action (verb → args → result) and every event the main process
 * pushes, each with a zod schema. Main's ipc registration, the preload bridge (`window.pos`) and
 * the loopback harness's HTTP routes are all generated from these tables. The renderer imports
 * **types only** from here (the PosApi type in pos-api.ts).
 */
import { z } from 'zod';
import { checkoutActions, checkoutEvents } from './contract-checkout';
import { preferencesActions, preferencesEvents } from './contract-preferences';
import { managerActions, managerEvents } from './contract-manager';
import { printerActions, printerEvents } from './contract-printer';
import { engineerActions, engineerEvents } from './contract-engineer';
import { cashActions, cashEvents } from './contract-cash';
import { msgSchema } from './contract-shared';
import { syncActions, syncEvents } from './contract-sync';

export * from './contract-shared';
export * from './contract-checkout';
export * from './contract-preferences';
export * from './contract-manager';
export * from './contract-printer';
export * from './contract-engineer';
export * from './contract-cash';
export * from './contract-sync';

/**
 * Actions: renderer → main. Each becomes `window.pos.<name>(args)` returning a Promise of the
 * result. Each feature keeps its table in its own contract-<feature>.ts; they are merged here.
 */
export const actions = {
  ...checkoutActions,
  ...preferencesActions,
  ...managerActions,
  ...printerActions,
  ...engineerActions,
  ...cashActions,
  ...syncActions,
} as const;

/** Events: main → renderer, pushed to every window (and every harness WebSocket). */
export const events = {
  ...checkoutEvents,
  ...preferencesEvents,
  ...managerEvents,
  ...printerEvents,
  ...engineerEvents,
  ...cashEvents,
  ...syncEvents,
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
  code: z.enum(['INVALID_ARGS', 'UNKNOWN_ACTION', 'BUSY', 'RECOVERING', 'REFUSED', 'FORBIDDEN', 'INTERNAL', 'PIN_FILE_DAMAGED', 'SECRETS_DAMAGED']),
  /** Chinese text for logs; the screen words `msg` in the cashier's language. */
  message: z.string(),
  msg: msgSchema,
});
export type PosErrorBody = z.infer<typeof posErrorSchema>;
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: PosErrorBody };
