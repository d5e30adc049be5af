/**
 * Turns the contract's action table plus a handler per action into one `dispatch` function
 * that every transport (Electron ipcMain, harness HTTP) calls. Arguments are validated with the
 * contract's zod schema; every failure becomes a typed error envelope, never a crash.
 */
import { ServiceError } from '../shared/service-error';
import { zhText } from '../i18n/zh-text';
import { resultProblem, type ContractCheck } from './contract-check';
import { actions, msg, type ActionArgs, type ActionName, type ActionResult, type Envelope, type Msg, type PosErrorBody } from '../../preload/contract';

export type Handlers = { [N in ActionName]: (args: ActionArgs<N>) => Promise<ActionResult<N>> | ActionResult<N> };

export { ServiceError };

export type Dispatch = (name: string, rawArgs: unknown) => Promise<Envelope<unknown>>;

export function createDispatch(handlers: Handlers, log: (msg: string, err?: unknown) => void = () => {}, check: ContractCheck = 'strict'): Dispatch {
  return async (name, rawArgs) => {
    if (!Object.hasOwn(actions, name)) return fail('UNKNOWN_ACTION', msg('error.unknownAction', { name: String(name).slice(0, 40) }));
    const action = name as ActionName;
    const parsed = actions[action].args.safeParse(rawArgs ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return fail('INVALID_ARGS', msg('error.invalidArgs', { detail: first ? `${first.path.join('.') || '(args)'} ${first.message}` : 'invalid' }));
    }
    try {
      const handler = handlers[action] as (args: unknown) => Promise<unknown> | unknown;
      const value = await handler(parsed.data);
      const drift = check === 'off' ? null : resultProblem(action, value);
      if (drift) {
        log(`action ${action}: result does not match the contract (${drift})`);
        if (check === 'strict') return fail('INTERNAL', msg('error.contractDrift', { action, detail: drift }));
      }
      return { ok: true, value };
    } catch (err) {
      if (err instanceof ServiceError) return fail(err.code, err.msg);
      log(`action ${action} failed`, err);
      return fail('INTERNAL', msg('error.internal', { detail: err instanceof Error ? err.message : String(err) }));
    }
  };
}

/** The envelope carries the code (`msg`) for the screen and the Chinese text (`message`) for logs and old clients. */
export function fail(code: PosErrorBody['code'], m: Msg): Envelope<never> {
  return { ok: false, error: { code, message: zhText(m), msg: m } };
}
