/**
 * Who is at the counter: sign-in (cashier / manager / engineer PIN), switch, sign-out, the PIN
 * change that a factory-default PIN asks for, and the manager's list of operators. Payments
 * are journaled under the signed-in name (main keeps the session; this mirrors it).
 */
import type { StateCreator } from 'zustand';
import type { OperatorInfo, OperatorProfile, PinFailure, Role } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Msg } from '../../../preload/contract';

export type OperatorDialog = 'signIn' | 'menu' | 'changePin' | 'staff';

export interface OperatorSlice {
  operator: OperatorInfo | null;
  operatorDialog: OperatorDialog | null;
  signInRole: Role;
  operatorMessage: Msg | null;
  /** Browser time when each role's lockout ends (the dialog counts down). */
  operatorLocks: Partial<Record<Role, number>>;
  operatorBusy: boolean;
  /** Signed in with a factory-default PIN: the change-PIN form says it must be changed. */
  mustChangePin: boolean;
  operatorProfiles: OperatorProfile[];
  staffMessage: { ok: boolean; text: Msg } | null;
  openOperatorDialog(view?: OperatorDialog): void;
  closeOperatorDialog(): void;
  setSignInRole(role: Role): void;
  signIn(pin: string): Promise<void>;
  signOut(): Promise<void>;
  changeOwnPin(f: { name: string; oldPin: string; pin: string }): Promise<boolean>;
  saveStaff(f: { managerPin: string; role: Role; name: string; pin: string }): Promise<boolean>;
  /** Removes an operator with the manager PIN (main keeps the last manager and engineer). */
  removeStaff(f: { managerPin: string; role: Role; name: string }): Promise<boolean>;
  loadProfiles(): Promise<void>;
  /** Follows the signed-in operator (every window); called once at start. */
  watchOperator(): void;
}

let watching = false;

export const createOperatorSlice: StateCreator<StoreState, [], [], OperatorSlice> = (set, get) => {
  const refused = (role: Role, f: PinFailure) => set({
    operatorMessage: f.message,
    operatorLocks: { ...get().operatorLocks, [role]: f.reason === 'locked' ? Date.now() + f.lockedForMs : 0 },
  });
  const busy = async <T>(fn: () => Promise<T>, fallback: T): Promise<T> => {
    if (get().operatorBusy) return fallback;
    set({ operatorBusy: true });
    try { return await fn(); } catch (err) { set({ operatorMessage: errorMessage(err) }); return fallback; } finally { set({ operatorBusy: false }); }
  };
  return {
    operator: null,
    operatorDialog: null,
    signInRole: 'cashier',
    operatorMessage: null,
    operatorLocks: {},
    operatorBusy: false,
    mustChangePin: false,
    operatorProfiles: [],
    staffMessage: null,
    openOperatorDialog(view) {
      const next = view ?? (get().operator ? 'menu' : 'signIn');
      set({ operatorDialog: next, operatorMessage: null, staffMessage: null });
      if (next === 'staff') void get().loadProfiles();
    },
    closeOperatorDialog() { set({ operatorDialog: null, operatorMessage: null, staffMessage: null, mustChangePin: false }); },
    setSignInRole(role) { set({ signInRole: role, operatorMessage: null }); },
    signIn: (pin) => busy(async () => {
      const role = get().signInRole;
      const res = await pos().login({ role, pin });
      if (!res.ok) return refused(role, res);
      set({ operator: res.operator, operatorLocks: { ...get().operatorLocks, [role]: 0 }, operatorMessage: null, mustChangePin: res.mustChange, operatorDialog: res.mustChange ? 'changePin' : null });
    }, undefined),
    signOut: () => busy(async () => {
      await pos().logout({});
      set({ operator: null, operatorDialog: null, mustChangePin: false });
    }, undefined),
    changeOwnPin: ({ name, oldPin, pin }) => busy(async () => {
      const me = get().operator;
      if (!me) return false;
      const res = await pos().changePin({ role: me.role, name, oldPin, pin });
      if (!res.ok) { refused(me.role, res.auth); return false; }
      set({ operator: { role: me.role, name: name.trim() }, mustChangePin: false, operatorDialog: null, operatorMessage: null });
      return true;
    }, false),
    saveStaff: (f) => busy(async () => {
      set({ staffMessage: null });
      const res = await pos().saveOperator(f);
      if (!res.ok) { refused('manager', res.auth); set({ staffMessage: { ok: false, text: res.auth.message } }); return false; }
      set({ staffMessage: { ok: true, text: res.value.message } });
      await get().loadProfiles();
      return true;
    }, false),
    removeStaff: (f) => busy(async () => {
      set({ staffMessage: null });
      try {
        const res = await pos().removeOperator(f);
        if (!res.ok) { refused('manager', res.auth); set({ staffMessage: { ok: false, text: res.auth.message } }); return false; }
        set({ staffMessage: { ok: true, text: res.value.message } });
        await get().loadProfiles();
        return true;
      } catch (err) {
        set({ staffMessage: { ok: false, text: errorMessage(err) }, operatorMessage: null });
        return false;
      }
    }, false),
    async loadProfiles() {
      try { set({ operatorProfiles: (await pos().listOperators({})).operators }); } catch (err) { set({ staffMessage: { ok: false, text: errorMessage(err) } }); }
    },
    watchOperator() {
      if (watching) return;
      watching = true;
      pos().onOperator(({ operator }) => set({ operator }));
      void pos().managerSession({}).then((s) => set({ operator: s.operator }), () => undefined);
    },
  };
};
