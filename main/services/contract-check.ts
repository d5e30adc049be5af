/**
 * Results and events checked against the contract's zod schemas at run time, so a handler that
 * drifts from preload/contract-*.ts fails a test instead of reaching the renderer as a shape it
 * does not expect. 'strict' (development, tests, the harness) refuses the drift; 'log' (a
 * packaged app) only logs it; 'off' skips the check.
 */
import { actions, events, type ActionName, type EventName } from '../../preload/contract';

export type ContractCheck = 'strict' | 'log' | 'off';

export function defaultContractCheck(env: NodeJS.ProcessEnv = process.env): ContractCheck {
  return env.NODE_ENV === 'production' ? 'log' : 'strict';
}

function problem(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): string | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const first = r.error?.issues[0];
  return first ? `${first.path.map(String).join('.') || '(value)'}: ${first.message}` : 'invalid';
}

/** Null when the result matches the contract, else what is wrong, in words. */
export function resultProblem(action: ActionName, value: unknown): string | null {
  return problem(actions[action].result, value);
}

export function eventProblem(event: EventName, payload: unknown): string | null {
  return problem(events[event], payload);
}

export class ContractDrift extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContractDrift';
  }
}
