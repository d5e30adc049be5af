/**
 * The `window.pos` surface, typed from the contract: one named verb per action, plus `on`
 * for events. Both the Electron preload and the harness bridge build this object with
 * `buildPosApi`, so components never see channel names.
 */
import type { ActionArgs, ActionName, ActionResult, Envelope, EventName, EventPayload, Msg, PosErrorBody } from './contract';

/** `onCheckout`, `onDevices`, … : one subscription verb per contract event. */
export type EventVerb<E extends EventName> = `on${Capitalize<E>}`;

export type PosApi = {
  [N in ActionName]: (args: ActionArgs<N>) => Promise<ActionResult<N>>;
} & {
  [E in EventName as EventVerb<E>]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export function eventVerb<E extends EventName>(event: E): EventVerb<E> {
  return `on${event[0]!.toUpperCase()}${event.slice(1)}` as EventVerb<E>;
}

/** A refused or failed call: `msg` is the code the screen words in the cashier's language. */
export class PosError extends Error {
  constructor(readonly code: PosErrorBody['code'], message: string, readonly msg: Msg) {
    super(message);
    this.name = 'PosError';
  }
}

export type Invoke = (action: ActionName, args: unknown) => Promise<Envelope<unknown>>;
export type Subscribe = (event: EventName, listener: (payload: unknown) => void) => () => void;

export function buildPosApi(names: readonly ActionName[], eventNames: readonly EventName[], invoke: Invoke, subscribe: Subscribe): PosApi {
  const api: Record<string, unknown> = {};
  for (const name of names) {
    api[name] = async (args: unknown) => {
      const env = await invoke(name, args ?? {});
      if (!env.ok) throw new PosError(env.error.code, env.error.message, env.error.msg);
      return env.value;
    };
  }
  for (const event of eventNames) api[eventVerb(event)] = (listener: (payload: unknown) => void) => subscribe(event, listener);
  return api as PosApi;
}
