/**
 * The loopback harness: the same main-process services over HTTP + WebSocket on 127.0.0.1,
 * serving the built renderer to a browser. Routes come from the contract: POST /api/<action>,
 * and one WebSocket /events carrying every contract event.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../services/dispatch';
import { isCashierOnly, type EventBus } from '../services/event-bus';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { BodyTooLarge, hostAllowed, isJsonContentType, originAllowed, readBody, tokenFrom, tokenMatches } from './guard';
import { JsonTooDeep, parseJsonBounded } from '../settings/json-limits';
import { msg } from '../../preload/messages';
import { fail } from '../services/dispatch';

export interface HarnessOptions {
  dispatch: Dispatch;
  bus: EventBus;
  staticDir: string;
  port?: number;
  token?: string;
}

export interface Harness { url: string; port: number; token: string; close(): Promise<void> }

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.woff2': 'font/woff2', '.mp3': 'audio/mpeg', '.wav': 'audio/wav',
};
const SPA_ROUTES = new Set(['/', '/customer', '/index.html']);

export async function startHarness(opts: HarnessOptions): Promise<Harness> {
  const token = opts.token ?? randomBytes(24).toString('hex');
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((err) => send(res, 500, 'text/plain', `internal error: ${err instanceof Error ? err.message : String(err)}`));
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req, port)) return send(res, 403, 'text/plain', 'forbidden host');
    // A page on another local port must not drive the counter (issue 14 item 2).
    if (!originAllowed(req, port)) return send(res, 403, 'text/plain', 'forbidden origin');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      if (!tokenMatches(tokenFrom(req, url), token)) return send(res, 401, 'application/json', JSON.stringify({ ok: false, error: { code: 'UNAUTHORIZED', message: 'missing or wrong token: open the URL Yima printed at start' } }));
      return api(req, res, url.pathname.slice(5));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed');
    // The page and its scripts are the public build; the token guards the API and the events only.
    if (url.searchParams.has('token') && !tokenMatches(url.searchParams.get('token'), token)) return send(res, 401, 'text/plain', 'wrong token: open the URL Yima printed at start');
    return serveStatic(res, url.pathname);
  }

  async function api(req: IncomingMessage, res: ServerResponse, action: string) {
    if (req.method !== 'POST') return send(res, 405, 'application/json', JSON.stringify(fail('INVALID_ARGS', msg('error.invalidArgs', { detail: 'POST only' }))));
    // Forms and no-cors fetches can only send text/plain, form or multipart bodies.
    if (!isJsonContentType(req)) return send(res, 415, 'application/json', JSON.stringify(fail('INVALID_ARGS', msg('error.invalidArgs', { detail: 'Content-Type must be application/json' }))));
    let args: unknown;
    try {
      const body = await readBody(req);
      args = body ? parseJsonBounded(body) : {};
    } catch (err) {
      if (err instanceof BodyTooLarge) return send(res, 413, 'application/json', JSON.stringify(fail('INVALID_ARGS', msg('error.requestTooLarge'))));
      if (err instanceof JsonTooDeep) return send(res, 400, 'application/json', JSON.stringify(fail('INVALID_ARGS', msg('error.jsonTooDeep', { limit: err.limit }))));
      return send(res, 400, 'application/json', JSON.stringify(fail('INVALID_ARGS', msg('error.badJson'))));
    }
    const env = await opts.dispatch(action, args);
    send(res, env.ok ? 200 : env.error.code === 'UNKNOWN_ACTION' ? 404 : env.error.code === 'INVALID_ARGS' ? 400 : 200, 'application/json', JSON.stringify(env));
  }

  async function serveStatic(res: ServerResponse, pathname: string) {
    const rel = SPA_ROUTES.has(pathname) ? '/index.html' : pathname;
    const file = normalize(join(opts.staticDir, rel));
    if (!file.startsWith(normalize(opts.staticDir))) return send(res, 403, 'text/plain', 'forbidden');
    let data: Buffer;
    try { data = await readFile(file); } catch { return send(res, 404, 'text/plain', 'not found'); }
    if (rel === '/index.html') {
      // The browser has no preload: pos-bridge.js (preload/web-bridge.ts, built next to
      // index.html) gives it the same window.pos, from the same buildPosApi. A module script: the
      // bundler shares chunks between it and the screen (preload/amount.ts → messages), so it may
      // import; modules run in document order, so window.pos exists before the screen's module.
      const html = data.toString('utf8').replace('<head>', '<head><script type="module" src="/pos-bridge.js"></script>');
      return send(res, 200, TYPES['.html']!, html);
    }
    send(res, 200, TYPES[extname(file)] ?? 'application/octet-stream', data);
  }

  function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
    res.writeHead(status, {
      'Content-Type': type,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    });
    res.end(body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const sockets = new Set<WebSocket>();
  const customerSockets = new WeakSet<WebSocket>();
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!hostAllowed(req, port) || !originAllowed(req, port) || url.pathname !== '/events' || !tokenMatches(tokenFrom(req, url), token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      if (url.searchParams.get('view') === 'customer') customerSockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      for (const [event, payload] of opts.bus.latest()) if (!(isCashierOnly(event) && customerSockets.has(ws))) ws.send(JSON.stringify({ event, payload }));
    });
  });
  const unsubscribe = opts.bus.subscribe((event, payload) => {
    const msg = JSON.stringify({ event, payload });
    for (const ws of sockets) if (ws.readyState === ws.OPEN && !(isCashierOnly(event) && customerSockets.has(ws))) ws.send(msg);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
