/**
 * The typed ports features use to reach each other. A feature never calls another one's contract
 * action by name: it gets the function it needs here, from the composition root.
 */
import type { Role, VerifyResult } from '../settings/pins';

/**
 * Checks a role's PIN for an action (lockout and journaled refusals included; the action names
 * the refusal in the journal). Throws ServiceError PIN_FILE_DAMAGED when the PIN file is damaged.
 */
export type PinCheck = (role: Role, pin: string, action: string) => Promise<VerifyResult>;

/** The name journaled and printed for the person at the counter (signed in, else the settings' cashier). */
export type OperatorName = () => string;

/** Takes a serial scan's one-time token and returns its code; throws REFUSED (paycode.scanTokenRefused) when it is not valid. */
export interface SerialScanClaim { take(token: string | undefined): string }

/** Subscribe to something; returns the unsubscribe. */
export type Subscribe<T> = (listener: (value: T) => void) => () => void;

/** A small listener set behind a Subscribe port. */
export function listeners<T>(log?: (msg: string, err?: unknown) => void): { subscribe: Subscribe<T>; emit(value: T): void } {
  const set = new Set<(value: T) => void>();
  return {
    subscribe: (fn) => { set.add(fn); return () => { set.delete(fn); }; },
    emit: (value) => {
      for (const fn of set) { try { fn(value); } catch (err) { log?.('listener threw', err); } }
    },
  };
}
