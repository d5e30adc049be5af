/**
 * ipcMain registration generated from the contract: one handler per action, sender checked
 * against our windows and pages, arguments validated by dispatch; events forwarded to windows.
 */
import { ipcMain, type BrowserWindow } from 'electron';
import { actionNames } from '../../preload/contract';
import { actionChannel, eventChannel } from '../../preload/channels';
import type { Dispatch } from '../services/dispatch';
import { isCashierOnly, type EventBus } from '../services/event-bus';
import { isTrustedSender } from './security-policy';

export const FORBIDDEN_SENDER = { ok: false, error: { code: 'FORBIDDEN', message: 'sender not allowed' } } as const;

export function setupIpc(dispatch: Dispatch, bus: EventBus, windows: () => BrowserWindow[], rendererFileUrl: string, devOrigin?: string): void {
  for (const action of actionNames) {
    ipcMain.handle(actionChannel(action), async (event, args: unknown) => {
      const ids = new Set(windows().map((w) => w.webContents.id));
      if (!isTrustedSender(event.senderFrame?.url, ids, event.sender.id, rendererFileUrl, devOrigin)) return FORBIDDEN_SENDER;
      return dispatch(action, args);
    });
  }
  bus.subscribe((event, payload) => {
    // The engineer monitor's raw scanner lines and scans to pay: cashier window (the first) only.
    const targets = isCashierOnly(event) ? windows().slice(0, 1) : windows();
    for (const w of targets) if (!w.isDestroyed()) w.webContents.send(eventChannel(event), payload);
  });
}

/**
 * A window that (re)loads gets the latest payload of every event, as the harness replays them
 * to a new WebSocket: the customer display opened mid-payment shows the QR at once.
 */
export function replayLatestOnLoad(win: BrowserWindow, bus: EventBus): void {
  win.webContents.on('did-finish-load', () => {
    if (win.isDestroyed()) return;
    for (const [event, payload] of bus.latest()) win.webContents.send(eventChannel(event), payload);
  });
}
