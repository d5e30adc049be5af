/**
 * Operator profiles and the scanner's target, from the manager's contract table: the manager
 * (with the manager PIN) adds cashiers by name, resets or removes a PIN; the screen in front
 * claims the serial scanner. Each change is journaled with who authorised it.
 */
import type { Operators } from '../manager/operators';
import type { ScanRouter } from '../manager/scan-target';
import { ServiceError, type Handlers } from './dispatch';
import { msg } from '../../preload/messages';

export const OPERATOR_ACTIONS = ['listOperators', 'saveOperator', 'removeOperator', 'setScanTarget'] as const;
export type OperatorActionName = (typeof OPERATOR_ACTIONS)[number];
export type OperatorHandlers = Pick<Handlers, OperatorActionName>;

export function operatorHandlers(d: { operators: Operators; scanRouter: ScanRouter }): OperatorHandlers {
  const { pins, session } = d.operators;
  return {
    listOperators: async () => ({ operators: await pins.profiles() }),
    saveOperator: async ({ managerPin, role, name, pin }) => {
      const auth = await session.authorize(managerPin, 'save_operator');
      if (!auth.ok) return { ok: false, auth };
      const set = await pins.setPin(role, name, pin);
      if (!set.ok) throw new ServiceError('REFUSED', set.message);
      await session.journal(auth.manager.name, 'save_operator', `${role}:${name.trim()}`);
      return { ok: true, value: { message: msg('operator.saved', { name: name.trim() }) } };
    },
    removeOperator: async ({ managerPin, role, name }) => {
      const auth = await session.authorize(managerPin, 'remove_operator');
      if (!auth.ok) return { ok: false, auth };
      const res = await pins.removeProfile(role, name);
      if (!res.ok) throw new ServiceError('REFUSED', res.message);
      await session.journal(auth.manager.name, 'remove_operator', `${role}:${name}`);
      const me = session.current();
      if (me && me.role === role && me.name === name) await session.logout();
      return { ok: true, value: { message: msg('operator.removed', { name }) } };
    },
    setScanTarget: ({ target }) => ({ target: d.scanRouter.set(target) }),
  };
}
