/**
 * The head-office dashboard's HTTP server: the built page (out/hq), a login, and a small JSON
 * API over the database. Every /api call but login needs the session cookie; state-changing
 * calls must come from the page's own origin (Origin header), like the counter's harness guard.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { BodyTooLarge, readBody } from '../harness/guard';
import { cookieToken, Sessions, SESSION_COOKIE } from './auth';
import type { Sql } from './db';
import { chainReconcileCsv, ledgerCsv, takingsCsv } from './hq-csv';
import { reconcileStore, storeLedger, storeOfFile } from './ledger';
import { chainTakings, counterHealth, listStores, storeTakings } from './queries';
import { localDay } from '../shared/dates';

export interface HqServerOptions {
  sql: Sql;
  staticDir: string;
  port: number;
  host?: string;
  now?: () => number;
  /** The chain's "today" (YYYY-MM-DD). */
  today?: () => string;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2' };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const STATEMENT_LIMIT = 16 * 1024 * 1024;

const localToday = (): string => localDay(Date.now());

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function sendCsv(res: ServerResponse, name: string, csv: string): void {
  res.writeHead(200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'no-store' });
  res.end(csv);
}

/** A POST must come from this page: its Origin names the host it was sent to. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers.host;
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export async function startHqServer(o: HqServerOptions): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const now = o.now ?? (() => Date.now());
  const today = o.today ?? localToday;
  const sessions = new Sessions(o.sql, now);

  const api = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const path = url.pathname;
    if (req.method === 'POST' && !sameOrigin(req)) return send(res, 403, { error: '来源不符 / cross-origin request refused' });
    if (path === '/api/login' && req.method === 'POST') {
      const body = JSON.parse(await readBody(req)) as { username?: unknown; password?: unknown };
      if (typeof body.username !== 'string' || typeof body.password !== 'string') return send(res, 400, { error: '请输入用户名和密码' });
      const r = await sessions.login(body.username, body.password);
      if (!r.ok) return send(res, 401, { error: r.message, retryAfterS: r.retryAfterS });
      return send(res, 200, { user: body.username }, { 'set-cookie': `${SESSION_COOKIE}=${r.token}; HttpOnly; SameSite=Strict; Path=/` });
    }
    const token = cookieToken(req.headers.cookie);
    const user = sessions.user(token);
    if (!user) return send(res, 401, { error: '请先登录 / please sign in' });
    if (path === '/api/logout' && req.method === 'POST') {
      sessions.logout(token);
      return send(res, 200, {}, { 'set-cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
    }
    const day = url.searchParams.get('day') ?? today();
    if (!DAY.test(day)) return send(res, 400, { error: `日期格式应为 YYYY-MM-DD：${day}` });
    const store = url.searchParams.get('store') ?? '';
    switch (`${req.method} ${path}`) {
      case 'GET /api/me': return send(res, 200, { user, today: today() });
      case 'GET /api/takings': return send(res, 200, await chainTakings(o.sql, day));
      case 'GET /api/health': return send(res, 200, await counterHealth(o.sql));
      case 'GET /api/stores': return send(res, 200, await listStores(o.sql));
      case 'GET /api/store': {
        const ledger = await storeLedger(o.sql, store, day);
        if (!ledger) return send(res, 404, { error: `没有门店 ${store}` });
        return send(res, 200, { ledger, takings: await storeTakings(o.sql, store, day) });
      }
      case 'GET /api/export/takings.csv': return sendCsv(res, `takings-${day}.csv`, takingsCsv(await chainTakings(o.sql, day)));
      case 'GET /api/export/ledger.csv': {
        const ledger = await storeLedger(o.sql, store, day);
        if (!ledger) return send(res, 404, { error: `没有门店 ${store}` });
        return sendCsv(res, `ledger-${store}-${day}.csv`, ledgerCsv(ledger));
      }
      case 'POST /api/reconcile': {
        // One statement file per call (a chain's files would not fit one request); the page adds them up.
        const file = url.searchParams.get('file') ?? '';
        const ids = (await listStores(o.sql)).map((s) => s.storeId);
        const storeId = store || storeOfFile(file, ids);
        if (!storeId || !ids.includes(storeId)) return send(res, 400, { error: `无法从文件名判断门店：${file}（文件名中需含门店编号）`, code: 'store-unknown', file });
        const result = await reconcileStore(o.sql, storeId, day, await readBody(req, STATEMENT_LIMIT));
        return send(res, 200, { storeId, file, ...result, items: result.items.filter((i) => i.kind !== 'matched') });
      }
      case 'POST /api/export/reconcile.csv': {
        const body = JSON.parse(await readBody(req, STATEMENT_LIMIT)) as { items?: unknown };
        if (!Array.isArray(body.items)) return send(res, 400, { error: 'items missing' });
        return sendCsv(res, `reconcile-${day}.csv`, chainReconcileCsv(day, body.items as never));
      }
      default: return send(res, 404, { error: 'not found' });
    }
  };

  const page = (res: ServerResponse, path: string): void => {
    const rel = normalize(path === '/' ? '/index.html' : path).replace(/^(\.\.[/\\])+/, '');
    const file = join(o.staticDir, rel);
    if (!file.startsWith(o.staticDir) || !existsSync(file)) {
      const index = join(o.staticDir, 'index.html');
      if (!existsSync(index)) return send(res, 500, `总部页面未构建 / the dashboard is not built (${o.staticDir}): npm run hq builds it`);
      return page(res, '/');
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
    });
    res.end(readFileSync(file));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://hq.invalid');
    if (!url.pathname.startsWith('/api/')) return page(res, url.pathname);
    api(req, res, url).catch((err: unknown) => {
      if (err instanceof BodyTooLarge) return send(res, 413, { error: '文件太大 / too large' });
      if (err instanceof SyntaxError) return send(res, 400, { error: `请求格式错误：${err.message}` });
      console.error('hq:', err);
      send(res, 500, { error: `服务器错误：${err instanceof Error ? err.message : String(err)}` });
    });
  });
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(o.port, host, () => resolve()); });
  const port = (server.address() as { port: number }).port;
  return { server, url: `http://${host}:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}
