/**
 * Head-office sync that the engineer's form can restart: the running worker is stopped (its
 * last batch finishes or is abandoned; the next one resumes from head office's acknowledged
 * sequence, so nothing is lost or doubled) and a new one starts from the saved settings. The
 * start flags apply only at the first start. A payment never waits for any of this.
 */
import { setupSync, type SyncSetup, type SyncSetupOptions } from './setup-sync';

export interface RestartableSync extends SyncSetup {
  /** Stop the worker and start again from the settings as saved now; publishes the new state. */
  restart(): Promise<void>;
}

export function setupRestartableSync(o: SyncSetupOptions): RestartableSync {
  let current = setupSync(o);
  let chain: Promise<void> = Promise.resolve();
  return {
    status: () => current.status(),
    handlers: { getSyncStatus: async () => current.status() },
    restart() {
      // Serialised: two quick saves never leave two workers running.
      chain = chain.then(async () => {
        await current.stop();
        current = setupSync({ ...o, flags: undefined });
        // A running worker publishes its own states; a stopped one must say 'off' once.
        const now = current.status();
        if (!now.enabled) o.emit(now);
      });
      return chain;
    },
    async stop() {
      await chain;
      await current.stop();
    },
  };
}
