/**
 * The Electron entry: real paths, electron-store for settings, the OS printer, the data
 * directory lock, then startApp (start-app.ts), which holds everything else and runs in unit
 * tests against a fake electron.
 */
import { app, dialog } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServices } from '../services/create-services';
import { acquireDataDirLock } from '../services/data-dir-lock';
import { electronOsPrinting } from './os-printing';
import { StartRefused, startApp } from './start-app';

const rendererFile = join(__dirname, '../renderer/index.html');

startApp({
  paths: { preload: join(__dirname, '../preload/index.cjs'), rendererFile, devUrl: process.env.ELECTRON_RENDERER_URL },
  rendererFileUrl: pathToFileURL(rendererFile).href,
  argv: process.argv,
  env: process.env,
  showError: (message) => dialog.showErrorBox('Yima', message),
  openServices: (args, cipher) => {
    // One Yima per data directory, across Electron and browser mode (issue 14).
    const locked = acquireDataDirLock(args.dataDir, 'electron');
    if (!locked.ok) throw new StartRefused(locked.message, 3);
    process.once('exit', () => locked.lock.release());
    return createServices({
      dataDir: args.dataDir,
      aggregatorUrl: args.aggregatorUrl,
      gatewayUrl: args.gatewayUrl,
      confFactory: (o) => new Store({ cwd: o.cwd, name: o.configName }) as unknown as { store: Record<string, unknown>; path: string },
      cipher,
      devices: { scanner: args.scanner, printer: args.printer },
      hq: args.hq,
      osPrinting: electronOsPrinting(),
      // A packaged app logs a contract drift; development (electron-vite dev) refuses it.
      contractCheck: app.isPackaged ? 'log' : 'strict',
    });
  },
});
