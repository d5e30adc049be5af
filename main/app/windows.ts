/** The cashier window and the customer-facing display (on a second screen when there is one). */
import { BrowserWindow, screen } from 'electron';
import { SECURE_WEB_PREFERENCES, webPreferenceProblems } from './security-policy';

export interface WindowPaths { preload: string; rendererFile: string; devUrl?: string }

export function createCashierWindow(paths: WindowPaths): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280, height: 800, minWidth: 1024, minHeight: 700, show: false, title: 'Yima 一码收银',
    webPreferences: hardened(paths.preload),
  });
  win.once('ready-to-show', () => win.show());
  void load(win, paths, '');
  return win;
}

export function createCustomerWindow(paths: WindowPaths): BrowserWindow | null {
  const displays = screen.getAllDisplays();
  const primary = screen.getPrimaryDisplay();
  const second = displays.find((d) => d.id !== primary.id);
  if (!second) return null;
  const win = new BrowserWindow({
    x: second.bounds.x, y: second.bounds.y, width: second.bounds.width, height: second.bounds.height,
    fullscreen: true, frame: false, title: 'Yima 顾客显示',
    webPreferences: hardened(paths.preload),
  });
  void load(win, paths, 'customer');
  return win;
}

function load(win: BrowserWindow, paths: WindowPaths, hash: string): Promise<void> {
  return paths.devUrl ? win.loadURL(`${paths.devUrl}#${hash}`) : win.loadFile(paths.rendererFile, { hash });
}

/** Every window gets the hardened preferences; a change that weakens them fails loudly here. */
function hardened(preload: string) {
  const prefs = { ...SECURE_WEB_PREFERENCES, preload };
  const problems = webPreferenceProblems(prefs);
  if (problems.length) throw new Error(`refusing to open a window: ${problems.join(', ')}`);
  return prefs;
}
