/**
 * The Electron preload (sandboxed, CommonJS): exposes `window.pos` with one verb per contract
 * action and one `onX` per event. No logic, no raw channels.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { actionNames, eventNames, type Envelope } from './contract';
import { buildPosApi } from './pos-api';
import { actionChannel, eventChannel } from './channels';

contextBridge.exposeInMainWorld('pos', buildPosApi(
  actionNames,
  eventNames,
  (action, args) => ipcRenderer.invoke(actionChannel(action), args) as Promise<Envelope<unknown>>,
  (event, listener) => {
    const handler = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannel(event), handler);
    return () => { ipcRenderer.removeListener(eventChannel(event), handler); };
  },
));
