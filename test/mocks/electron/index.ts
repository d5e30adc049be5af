/**
 * A small fake of the `electron` module, so main/app/ (ipc, security, windows, start-up and
 * quit) runs in unit tests where no Electron binary exists. It records what the app asked for
 * and lets a test play the part of Electron: fire app events, send IPC from a chosen frame,
 * navigate a window, ask for a permission. Only what main/app/ uses is here.
 * Use: `vi.mock('electron', () => import('../../../mocks/electron'))`, then `fake.reset()`.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

export interface Display { id: number; bounds: { x: number; y: number; width: number; height: number } }
export interface FakeEvent { defaultPrevented: boolean; preventDefault(): void; url?: string }

export function fakeEvent(extra: Partial<FakeEvent> = {}): FakeEvent {
  const e: FakeEvent = { defaultPrevented: false, preventDefault() { e.defaultPrevented = true; }, ...extra };
  return e;
}

let nextId = 1;

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  readonly sent: { channel: string; payload: unknown }[] = [];
  url = '';
  windowOpenHandler: ((d: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  send(channel: string, payload: unknown): void { this.sent.push({ channel, payload }); }
  setWindowOpenHandler(h: (d: { url: string }) => { action: 'allow' | 'deny' }): void { this.windowOpenHandler = h; }
  getURL(): string { return this.url; }
  async getPrintersAsync(): Promise<{ name: string; options?: Record<string, string> }[]> { return fake.printers; }
  readonly printed: unknown[] = [];
  print(opts: unknown, cb: (ok: boolean, reason: string) => void): void {
    this.printed.push(opts);
    if (fake.printFails) cb(false, fake.printFails); else cb(true, '');
  }
  /** What Electron does when the page asks to navigate: listeners may prevent it. */
  tryNavigate(url: string): boolean {
    const e = fakeEvent();
    this.emit('will-navigate', e, url);
    if (!e.defaultPrevented) this.url = url;
    return !e.defaultPrevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static readonly all: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] { return BrowserWindow.all.filter((w) => !w.destroyed); }
  readonly webContents = new WebContents();
  readonly loaded: { file?: string; url?: string; hash?: string }[] = [];
  destroyed = false;
  visible = false;
  minimized = false;
  focused = false;
  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.all.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  async loadFile(file: string, opts: { hash?: string } = {}): Promise<void> {
    this.loaded.push({ file, hash: opts.hash });
    this.webContents.url = `file://${file}${opts.hash ? `#${opts.hash}` : ''}`;
    await new Promise((r) => setImmediate(r)); // like Electron: the page loads later
    this.webContents.emit('did-finish-load');
  }
  async loadURL(url: string): Promise<void> {
    this.loaded.push({ url });
    this.webContents.url = url;
    await new Promise((r) => setImmediate(r));
    this.webContents.emit('did-finish-load');
  }
  show(): void { this.visible = true; }
  isDestroyed(): boolean { return this.destroyed; }
  destroy(): void { this.destroyed = true; }
  isMinimized(): boolean { return this.minimized; }
  restore(): void { this.minimized = false; }
  focus(): void { this.focused = true; }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  quitCalls = 0;
  exitCode: number | null = null;
  loginItem: unknown = null;
  private readyResolve!: () => void;
  private ready = new Promise<void>((r) => { this.readyResolve = r; });
  requestSingleInstanceLock(): boolean { return fake.gotLock; }
  whenReady(): Promise<void> { return this.ready; }
  /** Test side: Electron finished starting. */
  becomeReady(): void { this.readyResolve(); }
  getPath(_name: string): string { return fake.userData; }
  setLoginItemSettings(s: unknown): void { this.loginItem = s; }
  /** Like Electron: quit() emits before-quit (cancellable); if nobody prevents it the app quits. */
  quit(): void {
    this.quitCalls++;
    const e = fakeEvent();
    this.emit('before-quit', e);
    if (!e.defaultPrevented) fake.quitted = true;
  }
  exit(code = 0): void { this.exitCode = code; fake.quitted = true; }
  resetReady(): void { this.ready = new Promise<void>((r) => { this.readyResolve = r; }); }
}
export const app = new FakeApp();

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
export const ipcMain = {
  handlers: new Map<string, IpcHandler>(),
  handle(channel: string, fn: IpcHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  },
  /** Test side: a message from `sender` (a window's webContents) whose frame shows `frameUrl`. */
  invoke(channel: string, sender: { id: number }, frameUrl: string | undefined, ...args: unknown[]): Promise<unknown> {
    const fn = this.handlers.get(channel);
    if (!fn) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    return Promise.resolve(fn({ sender, senderFrame: frameUrl === undefined ? null : { url: frameUrl } }, ...args));
  },
};

type HeadersHook = (d: { responseHeaders?: Record<string, string[] | string> }, cb: (r: { responseHeaders: Record<string, string[] | string> }) => void) => void;
type PermissionRequest = (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
type PermissionCheck = (wc: unknown, permission: string) => boolean;
interface FakeSession {
  headersHook: HeadersHook | null;
  permissionRequest: PermissionRequest | null;
  permissionCheck: PermissionCheck | null;
  devicePermission: ((d: unknown) => boolean) | null;
  webRequest: { onHeadersReceived(fn: HeadersHook): void };
  setPermissionRequestHandler(fn: PermissionRequest): void;
  setPermissionCheckHandler(fn: PermissionCheck): void;
  setDevicePermissionHandler(fn: (d: unknown) => boolean): void;
}
const defaultSession: FakeSession = {
  headersHook: null, permissionRequest: null, permissionCheck: null, devicePermission: null,
  webRequest: { onHeadersReceived(fn) { defaultSession.headersHook = fn; } },
  setPermissionRequestHandler(fn) { defaultSession.permissionRequest = fn; },
  setPermissionCheckHandler(fn) { defaultSession.permissionCheck = fn; },
  setDevicePermissionHandler(fn) { defaultSession.devicePermission = fn; },
};
export const session = { defaultSession };

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> { shell.opened.push(url); },
};

export const safeStorage = {
  isEncryptionAvailable: (): boolean => fake.encryption,
  encryptString: (plain: string): Buffer => Buffer.from(`enc:${plain}`),
  decryptString: (data: Buffer): string => data.toString().replace(/^enc:/, ''),
};

export const screen = {
  getAllDisplays: (): Display[] => fake.displays,
  getPrimaryDisplay: (): Display => fake.displays[0]!,
};

/** The knobs a test turns and the state it reads. */
export const fake = {
  gotLock: true,
  encryption: true,
  userData: '/tmp/yima-fake-user-data',
  quitted: false,
  printers: [] as { name: string; options?: Record<string, string> }[],
  /** A reason makes webContents.print fail with it (printer offline, no paper). */
  printFails: '',
  displays: [{ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 } }] as Display[],
  reset(): void {
    fake.gotLock = true; fake.encryption = true; fake.quitted = false; fake.printers = []; fake.printFails = '';
    fake.displays = [{ id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 } }];
    BrowserWindow.all.length = 0;
    ipcMain.handlers.clear();
    shell.opened.length = 0;
    app.removeAllListeners();
    app.isPackaged = false; app.quitCalls = 0; app.exitCode = null; app.loginItem = null;
    app.resetReady();
    Object.assign(session.defaultSession, { headersHook: null, permissionRequest: null, permissionCheck: null, devicePermission: null });
  },
};

export default { app, BrowserWindow, ipcMain, session, shell, safeStorage, screen };
export type { Listener };
