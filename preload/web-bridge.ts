/**
 * The browser's `window.pos` (loopback harness): the very `buildPosApi` the Electron preload
 * exposes, over fetch + one WebSocket instead of ipcRenderer. Built with the renderer as
 * out/renderer/pos-bridge.js; the harness adds it to the page (the browser has no preload).
 */
import { actionNames, eventNames, type Envelope, type EventName } from './contract';
import { buildPosApi, PosError } from './pos-api';

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

function connect(): void {
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss://' : 'ws://'}${location.host}/events`);
  socket.onmessage = (m) => {
    const { event, payload } = JSON.parse(String(m.data)) as { event: EventName; payload: unknown };
    for (const fn of listeners.get(event) ?? []) {
      try { fn(payload); } catch (err) { console.error(err); }
    }
  };
  // The harness replays the latest events on every connect, so a reconnect catches up.
  socket.onclose = () => setTimeout(connect, 300);
}

async function invoke(action: string, args: unknown): Promise<Envelope<unknown>> {
  try {
    const res = await fetch(`/api/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(args ?? {}), credentials: 'same-origin' });
    return await res.json() as Envelope<unknown>;
  } catch (err) {
    throw new PosError('INTERNAL', `无法连接收银服务：${err instanceof Error ? err.message : String(err)}`);
  }
}

connect();
(window as unknown as { pos: unknown }).pos = Object.freeze(buildPosApi(actionNames, eventNames, invoke, (event, fn) => {
  let set = listeners.get(event);
  if (!set) { set = new Set(); listeners.set(event, set); }
  set.add(fn);
  return () => { set.delete(fn); };
}));
