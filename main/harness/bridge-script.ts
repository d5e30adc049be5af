/**
 * The browser's `window.pos`, generated from the contract's action and event names: the same
 * verbs the Electron preload exposes, over fetch + one WebSocket. Served as /pos-bridge.js.
 */
import { actionNames, eventNames } from '../../preload/contract';
import { eventVerb } from '../../preload/pos-api';

export function bridgeScript(): string {
  const verbs = Object.fromEntries(eventNames.map((e) => [e, eventVerb(e)]));
  return `(() => {
  const actions = ${JSON.stringify(actionNames)};
  const verbs = ${JSON.stringify(verbs)};
  const listeners = new Map();
  // The per-start token: from the URL Yima printed (once), then kept in this tab's sessionStorage
  // and taken out of the address bar. Never a cookie: cookies ignore ports (README, Security).
  const params = new URLSearchParams(location.search);
  const token = params.get('token') || sessionStorage.getItem('yima_token') || '';
  if (params.has('token')) {
    sessionStorage.setItem('yima_token', token);
    params.delete('token');
    history.replaceState(null, '', location.pathname + (params.size ? '?' + params : '') + location.hash);
  }
  let socket;
  const connect = () => {
    socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/events?token=' + encodeURIComponent(token) + (location.pathname === '/customer' ? '&view=customer' : ''));
    socket.onmessage = (m) => {
      const { event, payload } = JSON.parse(m.data);
      for (const fn of listeners.get(event) || []) { try { fn(payload); } catch (e) { console.error(e); } }
    };
    socket.onclose = () => setTimeout(connect, 300);
  };
  connect();
  class PosError extends Error { constructor(code, message) { super(message); this.code = code; this.name = 'PosError'; } }
  const pos = {};
  for (const name of actions) {
    pos[name] = async (args) => {
      let env;
      try {
        const res = await fetch('/api/' + name, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token }, body: JSON.stringify(args || {}), credentials: 'omit' });
        env = await res.json();
      } catch (e) {
        throw new PosError('INTERNAL', '无法连接收银服务：' + (e && e.message));
      }
      if (!env.ok) throw new PosError(env.error.code, env.error.message);
      return env.value;
    };
  }
  for (const [event, verb] of Object.entries(verbs)) {
    pos[verb] = (fn) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(fn);
      return () => listeners.get(event).delete(fn);
    };
  }
  window.pos = Object.freeze(pos);
})();
`;
}
