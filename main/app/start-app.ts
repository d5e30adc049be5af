/**
 * The Electron app's life, read like a table of contents: single instance, security, services,
 * IPC, windows, auto-start, and a quit that waits for the services to stop (the journal is
 * closed, the printer queue flushed) before Electron exits. The services come in through
 * `openServices`, so unit tests run all of this against a fake `electron` module.
 */
import { app, safeStorage, type BrowserWindow } from 'electron';
import type { Dispatch } from '../services/dispatch';
import type { EventBus } from '../services/event-bus';
import type { SecretCipher } from '../settings/secrets';
import { parseStartArgs, type StartArgs } from '../harness/cli-args';
import { setupSecurity } from './security';
import { replayLatestOnLoad, setupIpc } from './ipc';
import { createCashierWindow, createCustomerWindow, type WindowPaths } from './windows';

export interface AppServices { dispatch: Dispatch; bus: EventBus; stop(): Promise<void> }

export interface AppDeps {
  paths: WindowPaths;
  /** The page every window shows (file:// URL of paths.rendererFile). */
  rendererFileUrl: string;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  openServices(args: StartArgs, cipher: SecretCipher): Promise<AppServices>;
  log?: (msg: string, err?: unknown) => void;
  /** Shows a start refusal to the person (Electron: an error box). */
  showError?: (message: string) => void;
}

/** A start the app refuses with a message for the person and an exit code (e.g. the data directory is in use: 3). */
export class StartRefused extends Error {
  constructor(message: string, readonly exitCode: number) { super(message); }
}

export interface RunningApp {
  /** Resolves once services, IPC and windows are up (rejects → the app exits with 1). */
  started: Promise<void>;
  windows(): BrowserWindow[];
}

export const safeStorageCipher: SecretCipher = {
  available: () => safeStorage.isEncryptionAvailable(),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (data) => safeStorage.decryptString(data),
};

/** Returns null when another Yima already runs (that one is focused instead; this one quits). */
export function startApp(deps: AppDeps): RunningApp | null {
  const log = deps.log ?? ((msg, err) => console.error(msg, err ?? ''));
  const windows: BrowserWindow[] = [];
  const live = () => windows.filter((w) => !w.isDestroyed());
  let services: AppServices | null = null;
  let stopping: Promise<void> | null = null;
  let stopped = false;

  if (!app.requestSingleInstanceLock()) { app.quit(); return null; }
  app.on('second-instance', () => {
    const main = live()[0];
    if (main) { if (main.isMinimized()) main.restore(); main.focus(); }
  });
  app.on('window-all-closed', () => app.quit());
  // Electron would exit right after before-quit: hold it until the journal and devices are closed.
  app.on('before-quit', (e: { preventDefault(): void }) => {
    if (stopped || !services) return;
    e.preventDefault();
    // A second quit while stopping waits for the same stop (never two, never cut short).
    stopping ??= services.stop().catch((err) => log('Yima: stopping the services failed', err)).finally(() => { stopped = true; app.quit(); });
  });

  const started = app.whenReady().then(async () => {
    const parsed = parseStartArgs(deps.argv.slice(app.isPackaged ? 1 : 2), { ...deps.env, YIMA_DATA_DIR: deps.env.YIMA_DATA_DIR ?? app.getPath('userData') });
    if (!parsed.ok) throw new Error(parsed.message);
    setupSecurity(deps.rendererFileUrl, deps.paths.devUrl, log);
    services = await deps.openServices(parsed.args, safeStorageCipher);
    setupIpc(services.dispatch, services.bus, live, deps.rendererFileUrl, deps.paths.devUrl);
    const cashier = createCashierWindow(deps.paths);
    const customer = createCustomerWindow(deps.paths);
    for (const w of customer ? [cashier, customer] : [cashier]) { replayLatestOnLoad(w, services.bus); windows.push(w); }
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: true });
  });
  started.catch((err) => {
    log('Yima failed to start', err);
    if (err instanceof StartRefused) deps.showError?.(err.message);
    app.exit(err instanceof StartRefused ? err.exitCode : 1);
  });
  return { started, windows: live };
}
