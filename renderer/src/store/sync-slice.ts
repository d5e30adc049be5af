/** Head-office sync state for the status bar (main/sync/ pushes it on the `sync` event). */
import type { StateCreator } from 'zustand';
import type { SyncStatusView } from '../../../preload/contract';
import { pos } from '../pos';
import type { StoreState } from './index';

export interface SyncSlice {
  sync: SyncStatusView | null;
  /** Loads the current state and follows the event; called once by the status bar. */
  watchSync(): void;
}

let watching = false;

export const createSyncSlice: StateCreator<StoreState, [], [], SyncSlice> = (set) => ({
  sync: null,
  watchSync() {
    if (watching) return;
    watching = true;
    const api = pos();
    api.onSync((sync) => set({ sync }));
    void api.getSyncStatus({}).then((sync) => set({ sync }), () => undefined);
  },
});
