/**
 * Issue 14 item 7: with a damaged key file the counter still starts (history, recovery status,
 * the engineer's screens), but every action that needs the terminal key is refused with a typed
 * SECRETS_DAMAGED error until the engineer activates the terminal again (which saves a new key).
 */
import type { SecretsHandle } from '../settings/secrets';
import { ServiceError, type Handlers } from './dispatch';

export const KEY_ACTIONS = ['startQrPayment', 'startScanPayment', 'refund', 'voidOrder', 'retryRefund', 'checkinNow'] as const;

export function refuseWithoutKeys(handlers: Handlers, secrets: Pick<SecretsHandle, 'damaged' | 'isSet'>): void {
  const table = handlers as unknown as Record<string, (args: unknown) => unknown>;
  for (const name of KEY_ACTIONS) {
    const inner = table[name];
    if (!inner) continue;
    table[name] = (args: unknown) => {
      const why = secrets.damaged();
      if (why && !secrets.isSet()) throw new ServiceError('SECRETS_DAMAGED', why);
      return inner(args);
    };
  }
}
