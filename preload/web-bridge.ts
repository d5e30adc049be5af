/**
 * The browser's `window.pos` (loopback harness): the very `buildPosApi` the Electron preload
 * exposes, over fetch + one WebSocket instead of ipcRenderer. Built with the renderer as
 * out/renderer/pos-bridge.js; the harness adds it to the page (the browser has no preload).
 */
import { actionNames, eventNames, type Envelope, type EventName } from './contract';
import { buildPosApi, PosError } from './pos-api';
import { msg } from './messages';

const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

// The per-start token: from the URL Yima printed (once), then kept in this tab's sessionStorage
// and taken out of the address bar. Never a cookie: cookies ignore ports (README, Security).
const params = new URLSearchParams(location.search);
const token = params.get('token') || sessionStorage.getItem('yima_token') || '';
if (params.has('token')) {
  sessionStorage.setItem('yima_token', token);
  params.delete('token');
  history.replaceState(null, '', location.pathname + (params.size ? `?${params}` : '') + location.hash);
}

function connect(): void {
  const view = location.pathname === '/customer' ? '&view=customer' : '';
  const socket = new WebSocket(`${location.protocol === 'https:' ? 'wss://' : 'ws://'}${location.host}/events?token=${encodeURIComponent(token)}${view}`);
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
    const res = await fetch(`/api/${action}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(args ?? {}), credentials: 'omit' });
    return await res.json() as Envelope<unknown>;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new PosError('INTERNAL', detail, msg('error.unreachable', { detail }));
  }
}

connect();
(window as unknown as { pos: unknown }).pos = Object.freeze(buildPosApi(actionNames, eventNames, invoke, (event, fn) => {
  let set = listeners.get(event);
  if (!set) { set = new Set(); listeners.set(event, set); }
  set.add(fn);
  return () => { set.delete(fn); };
}));
