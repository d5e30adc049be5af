/**
 * Wires the head-office sync into the counter (called from the composition root): applies the
 * start flags (`--hq postgres://… --store ID`) to settings (URL without password) and secrets
 * (the password), starts the worker when enabled, feeds it every appended record's sequence, and
 * publishes its state on the `sync` event. Off by default.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Timers } from '../shared/time';
import { nodeJournalFs, type Journal } from '../journal';
import type { SettingsHandle } from '../settings/settings-store';
import type { SecretsHandle } from '../settings/secrets';
import type { SyncStatusView } from '../../preload/contract-sync';
import { zhText } from '../shared/zh-text';
import { JournalTail } from './journal-tail';
import { makeConnector, parseHqUrl, redactUrl } from './pg-connect';
import { SyncWorker, type SyncWorkerOptions } from './sync-worker';

/** Wait after a new record before pushing: one push per payment, after its appends (bench/hq-pay.bench.ts). */
export const SETTLE_MS = 200;

export interface SyncSetupOptions {
  dataDir: string;
  settings: SettingsHandle;
  secrets: SecretsHandle;
  journal: Journal;
  emit: (s: SyncStatusView) => void;
  clock: () => number;
  timers: Timers;
  log: (msg: string) => void;
  flags?: { url: string; storeId?: string; storeName?: string };
  /** Tests: faster backoff and heartbeat, smaller batches. */
  tuning?: Pick<SyncWorkerOptions, 'batchSize' | 'backoff' | 'heartbeatMs' | 'settleMs'>;
}

export interface SyncSetup {
  status(): SyncStatusView;
  handlers: { getSyncStatus: () => Promise<SyncStatusView> };
  stop(): Promise<void>;
}

/** Start flags win over settings and are saved, the password going to secrets.json. */
function applyFlags(o: SyncSetupOptions): string | undefined {
  const f = o.flags;
  if (!f) return undefined;
  const parsed = parseHqUrl(f.url);
  if (!parsed.ok) return zhText(parsed.message);
  if (parsed.password) o.secrets.setHqPassword(parsed.password);
  const r = o.settings.update((s) => ({ ...s, hq: { enabled: true, url: redactUrl(f.url), storeId: f.storeId ?? s.hq.storeId, storeName: f.storeName ?? s.hq.storeName } }));
  return r.ok ? undefined : zhText(r.message);
}

export function setupSync(o: SyncSetupOptions): SyncSetup {
  const flagError = applyFlags(o);
  if (flagError) o.log(`sync: ${flagError}`);
  const hq = o.settings.get().hq;
  let view: SyncStatusView = { enabled: false, state: 'off', behind: 0, storeId: hq.storeId };
  const publish = (v: SyncStatusView) => { view = v; o.emit(v); };
  const off = { status: () => view, handlers: { getSyncStatus: async () => view }, stop: async () => undefined };
  if (!hq.enabled || !hq.url || !hq.storeId) return off;
  const parsed = parseHqUrl(hq.url);
  if (!parsed.ok) {
    publish({ ...view, enabled: true, state: 'unreachable', errorMsg: parsed.message });
    return off;
  }
  // On from here: until the worker's first report the status bar says connecting, not off.
  publish({ enabled: true, state: 'connecting', behind: 0, storeId: hq.storeId });
  const deviceFile = join(o.dataDir, 'device-id');
  const terminalId = existsSync(deviceFile) ? readFileSync(deviceFile, 'utf8').trim() : 'yima-unknown-device';
  const worker = new SyncWorker({
    id: { storeId: hq.storeId, terminalId, terminalName: o.settings.get().shop.terminalName },
    tail: new JournalTail(nodeJournalFs, join(o.dataDir, 'journal'), o.log),
    connector: makeConnector(parsed.target, () => parsed.password ?? o.secrets.hqPassword()),
    clock: o.clock,
    timers: o.timers,
    log: o.log,
    onStatus: (s) => publish({ enabled: true, storeId: hq.storeId, ...s }),
    settleMs: SETTLE_MS,
    ...o.tuning,
  });
  const unsubscribe = o.journal.onRecord((rec) => worker.notify(rec.seq));
  void worker.start().catch((err: unknown) => o.log(`sync: cannot start: ${String(err)}`));
  return {
    status: () => view,
    handlers: { getSyncStatus: async () => view },
    async stop() {
      unsubscribe();
      await worker.stop();
    },
  };
}
