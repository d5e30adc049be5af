/**
 * The Electron edge (main/app/) run against a fake `electron` module and the real services:
 * IPC generated from the contract, sender checks, hardened windows, navigation and permission
 * denial, the customer display on the second screen, a quit that waits for stop(), one instance.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../../mocks/electron'));

import { app, BrowserWindow, fake, fakeEvent, ipcMain, session, shell } from '../../../mocks/electron';
import { startApp, type AppServices } from '../../../../main/app/start-app';
import { createServices } from '../../../../main/services/create-services';
import { actionNames } from '../../../../preload/contract';
import { actionChannel, eventChannel } from '../../../../preload/channels';

const RENDERER = '/opt/Yima/resources/app.asar/out/renderer/index.html';
const PAGE = `file://${RENDERER}`;

let dir: string;
let opened: (AppServices & { stopCalls: number; stopDone: boolean; releaseStop?: () => void })[];

beforeEach(async () => {
  fake.reset();
  dir = await mkdtemp(join(tmpdir(), 'yima-electron-edge-'));
  opened = [];
});
afterEach(async () => {
  for (const s of opened) { s.releaseStop?.(); if (!s.stopDone) await s.stop(); }
  await rm(dir, { recursive: true, force: true });
});

/** startApp with the real services; stop() is held until the test releases it. */
function start(opts: { holdStop?: boolean; argv?: string[]; passHq?: boolean } = {}) {
  return startApp({
    paths: { preload: '/opt/Yima/out/preload/index.js', rendererFile: RENDERER },
    rendererFileUrl: PAGE,
    argv: ['electron', '.', '--data-dir', dir, ...(opts.argv ?? [])],
    env: {},
    log: () => {},
    openServices: async (args, cipher) => {
      const real = await createServices({
        dataDir: args.dataDir, cipher,
        confFactory: (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as unknown as { store: Record<string, unknown>; path: string },
        log: () => {},
        // As main/app/index.ts passes the start flags on.
        ...(opts.passHq && args.hq ? { hq: args.hq } : {}),
      });
      const s = {
        dispatch: real.dispatch, bus: real.bus, stopCalls: 0, stopDone: false, releaseStop: undefined as undefined | (() => void),
        async stop() {
          s.stopCalls++;
          if (opts.holdStop) await new Promise<void>((r) => { s.releaseStop = r; });
          await real.stop();
          s.stopDone = true;
        },
      };
      opened.push(s);
      return s;
    },
  });
}

async function started(opts?: Parameters<typeof start>[0]) {
  const running = start(opts);
  expect(running).not.toBeNull();
  app.becomeReady();
  await running!.started;
  // The windows startApp made are the fake's: the test reads what was sent and done to them.
  return { windows: () => running!.windows() as unknown as BrowserWindow[] };
}

describe('IPC from the contract', () => {
  it('registers one handler per contract action and answers our window', async () => {
    const running = await started();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(actionNames.map(actionChannel).sort());
    const win = running.windows()[0]!;
    const prefs = await ipcMain.invoke(actionChannel('getPreferences'), win.webContents, PAGE, {});
    expect(prefs).toMatchObject({ ok: true, value: { locale: 'zh-CN' } });
  });

  it('refuses a message from a frame showing another page, or from a webContents that is not ours', async () => {
    const running = await started();
    const win = running.windows()[0]!;
    expect(await ipcMain.invoke(actionChannel('getPreferences'), win.webContents, 'https://evil.example/', {}))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ipcMain.invoke(actionChannel('getPreferences'), win.webContents, undefined, {}))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await ipcMain.invoke(actionChannel('getPreferences'), { id: 9_999 }, PAGE, {}))
      .toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuses arguments the contract does not allow, and changes nothing', async () => {
    const running = await started();
    const wc = running.windows()[0]!.webContents;
    expect(await ipcMain.invoke(actionChannel('setPreferences'), wc, PAGE, { voice: { enabled: true, volume: 3 } }))
      .toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await ipcMain.invoke(actionChannel('setPreferences'), wc, PAGE, 'not an object'))
      .toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await ipcMain.invoke(actionChannel('getPreferences'), wc, PAGE, {})).toMatchObject({ value: { voice: { volume: 0.8 } } });
  });

  it('pushes events to every window, and the latest of each to a window when it loads', async () => {
    fake.displays.push({ id: 2, bounds: { x: 1280, y: 0, width: 800, height: 600 } });
    const running = await started();
    const [cashier, customer] = running.windows();
    await ipcMain.invoke(actionChannel('setPreferences'), cashier!.webContents, PAGE, { locale: 'en' });
    for (const w of [cashier!, customer!]) {
      expect(w.webContents.sent.filter((m) => m.channel === eventChannel('preferences')).at(-1)?.payload).toMatchObject({ locale: 'en' });
    }
    // A reload (or the display opened later) gets the latest state without asking.
    const fresh = customer as unknown as BrowserWindow;
    fresh.webContents.sent.length = 0;
    await fresh.loadFile(RENDERER, { hash: 'customer' });
    expect(fresh.webContents.sent.map((m) => m.channel)).toContain(eventChannel('preferences'));
    expect(fresh.webContents.sent.find((m) => m.channel === eventChannel('preferences'))?.payload).toMatchObject({ locale: 'en' });
  });
});

describe('windows and what they may do', () => {
  it('every window is hardened: context isolation, sandbox, no Node, the preload only', async () => {
    fake.displays.push({ id: 2, bounds: { x: 1280, y: 0, width: 800, height: 600 } });
    await started();
    expect(BrowserWindow.all).toHaveLength(2);
    for (const w of BrowserWindow.all) {
      expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true, preload: '/opt/Yima/out/preload/index.js' });
    }
    expect(BrowserWindow.all[0]!.loaded[0]).toEqual({ file: RENDERER, hash: '' });
  });

  it('the customer display opens full screen on the second monitor, and not at all with one monitor', async () => {
    fake.displays.push({ id: 7, bounds: { x: 1920, y: 0, width: 1024, height: 768 } });
    await started();
    const customer = BrowserWindow.all[1]!;
    expect(customer.options).toMatchObject({ x: 1920, y: 0, width: 1024, height: 768, fullscreen: true, frame: false });
    expect(customer.loaded[0]).toEqual({ file: RENDERER, hash: 'customer' });

    fake.reset();
    await started();
    expect(BrowserWindow.all).toHaveLength(1);
  });

  it('navigation away, new windows, webviews and permission requests are denied; allow-listed help opens outside', async () => {
    const running = await started();
    const wc = running.windows()[0]!.webContents;
    expect(wc.tryNavigate('https://evil.example/')).toBe(false);
    expect(wc.tryNavigate(`${PAGE}#customer`)).toBe(true);
    const redirect = fakeEvent();
    wc.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.defaultPrevented).toBe(true);
    const webview = fakeEvent();
    wc.emit('will-attach-webview', webview);
    expect(webview.defaultPrevented).toBe(true);

    expect(wc.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(wc.windowOpenHandler!({ url: 'https://github.com/yima' })).toEqual({ action: 'deny' });
    expect(shell.opened).toEqual(['https://github.com/yima']);

    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'serial']) session.defaultSession.permissionRequest!(wc, p, (ok) => answers.push(ok));
    expect(answers).toEqual([false, false, false, false]);
    expect(session.defaultSession.permissionCheck!(wc, 'media')).toBe(false);
    expect(session.defaultSession.devicePermission!({})).toBe(false);
  });

  it('every response gets our CSP, replacing the one it came with', async () => {
    await started();
    let headers: Record<string, string[] | string> = {};
    session.defaultSession.headersHook!({ responseHeaders: { 'content-security-policy': ["default-src *"], 'x-a': 'b' } }, (r) => { headers = r.responseHeaders; });
    expect(headers['content-security-policy']).toBeUndefined();
    expect(String(headers['Content-Security-Policy'])).toMatch(/script-src 'self'/);
    expect(headers['x-a']).toBe('b');
  });
});

describe('start and quit', () => {
  it('a second start quits at once and focuses the first window', async () => {
    const running = await started();
    const main = running.windows()[0]!;
    main.minimized = true;
    app.emit('second-instance');
    expect(main.minimized).toBe(false);
    expect(main.focused).toBe(true);

    fake.reset();
    fake.gotLock = false;
    expect(start()).toBeNull();
    expect(fake.quitted).toBe(true);
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('quitting waits until the services have stopped (journal closed), then quits', async () => {
    await started({ holdStop: true });
    const s = opened[0]!;
    app.quit();
    expect(fake.quitted).toBe(false);
    expect(s.stopCalls).toBe(1);
    app.quit(); // a second Cmd+Q while stopping does not stop twice
    expect(s.stopCalls).toBe(1);
    expect(fake.quitted).toBe(false);
    s.releaseStop!();
    await vi.waitFor(() => expect(fake.quitted).toBe(true));
    expect(s.stopDone).toBe(true);
  });

  it('--hq postgres://… --store ID switch head-office sync on in the desktop app, the password kept out of settings.json', async () => {
    const running = await started({ argv: ['--hq', 'postgres://yima_store_s1:secret-pass-123@127.0.0.1:1/yima', '--store', 'S1', '--store-name', '一号店'], passHq: true });
    const win = running.windows()[0]!;
    const st = await ipcMain.invoke(actionChannel('getSyncStatus'), win.webContents, PAGE, {});
    expect(st).toMatchObject({ ok: true, value: { enabled: true, storeId: 'S1' } });
    const settings = readFileSync(join(dir, 'settings.json'), 'utf8');
    expect(settings).toContain('yima_store_s1@127.0.0.1:1/yima');
    expect(settings).not.toContain('secret-pass-123');
    const off = start({ argv: ['--hq', 'postgres://r@db/yima'] }); // --store missing: refused at start
    await expect(off!.started).rejects.toThrow(/--store/);
  });

  it('a bad start flag ends the app with exit code 1 instead of a half-started window', async () => {
    const running = start({ argv: ['--port', 'x'] });
    app.becomeReady();
    await expect(running!.started).rejects.toThrow(/--port/);
    expect(app.exitCode).toBe(1);
    expect(BrowserWindow.all).toHaveLength(0);
  });
});
