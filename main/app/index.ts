/**
 * The Electron app, read like a table of contents: each feature has its setupX().
 * Only this folder imports electron; everything else is plain Node services.
 */
import { app, BrowserWindow, safeStorage } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServices, type Services } from '../services/create-services';
import type { SecretCipher } from '../settings/secrets';
import { parseStartArgs } from '../harness/cli-args';
import { setupSecurity } from './security';
import { electronOsPrinting } from './os-printing';
import { setupIpc } from './ipc';
import { createCashierWindow, createCustomerWindow, type WindowPaths } from './windows';

const paths: WindowPaths = {
  preload: join(__dirname, '../preload/index.js'),
  rendererFile: join(__dirname, '../renderer/index.html'),
  devUrl: process.env.ELECTRON_RENDERER_URL,
};
const rendererFileUrl = pathToFileURL(paths.rendererFile).href;
const windows: BrowserWindow[] = [];
let services: Services | null = null;

function setupSingleInstance(): boolean {
  if (!app.requestSingleInstanceLock()) { app.quit(); return false; }
  app.on('second-instance', () => {
    const main = windows[0];
    if (main) { if (main.isMinimized()) main.restore(); main.focus(); }
  });
  return true;
}

function setupAutoStart(): void {
  if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: true });
}

const safeStorageCipher: SecretCipher = {
  available: () => safeStorage.isEncryptionAvailable(),
  encrypt: (plain) => safeStorage.encryptString(plain),
  decrypt: (data) => safeStorage.decryptString(data),
};

async function setupServices(): Promise<Services> {
  const parsed = parseStartArgs(process.argv.slice(app.isPackaged ? 1 : 2), { ...process.env, YIMA_DATA_DIR: process.env.YIMA_DATA_DIR ?? app.getPath('userData') });
  if (!parsed.ok) throw new Error(parsed.message);
  return createServices({
    dataDir: parsed.args.dataDir,
    aggregatorUrl: parsed.args.aggregatorUrl,
    gatewayUrl: parsed.args.gatewayUrl,
    confFactory: (o) => new Store({ cwd: o.cwd, name: o.configName }) as unknown as { store: Record<string, unknown>; path: string },
    cipher: safeStorageCipher,
    devices: { scanner: parsed.args.scanner, printer: parsed.args.printer },
    osPrinting: electronOsPrinting(),
  });
}

function setupWindows(): void {
  windows.push(createCashierWindow(paths));
  const customer = createCustomerWindow(paths);
  if (customer) windows.push(customer);
}

async function onReady(): Promise<void> {
  setupSecurity(rendererFileUrl, paths.devUrl);
  services = await setupServices();
  setupIpc(services.dispatch, services.bus, () => windows.filter((w) => !w.isDestroyed()), rendererFileUrl, paths.devUrl);
  setupWindows();
  setupAutoStart();
}

if (setupSingleInstance()) {
  app.whenReady().then(onReady).catch((err) => {
    console.error('Yima failed to start', err);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => { void services?.stop(); });
}
