/**
 * The Electron entry: real paths, electron-store for settings, the OS printer, then startApp
 * (start-app.ts), which holds everything else and runs in unit tests against a fake electron.
 */
import { app } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServices } from '../services/create-services';
import { electronOsPrinting } from './os-printing';
import { startApp } from './start-app';

const rendererFile = join(__dirname, '../renderer/index.html');

startApp({
  paths: { preload: join(__dirname, '../preload/index.cjs'), rendererFile, devUrl: process.env.ELECTRON_RENDERER_URL },
  rendererFileUrl: pathToFileURL(rendererFile).href,
  argv: process.argv,
  env: process.env,
  openServices: (args, cipher) => createServices({
    dataDir: args.dataDir,
    aggregatorUrl: args.aggregatorUrl,
    confFactory: (o) => new Store({ cwd: o.cwd, name: o.configName }) as unknown as { store: Record<string, unknown>; path: string },
    cipher,
    devices: { scanner: args.scanner, printer: args.printer },
    osPrinting: electronOsPrinting(),
    // A packaged app logs a contract drift; development (electron-vite dev) refuses it.
    contractCheck: app.isPackaged ? 'log' : 'strict',
  }),
});
