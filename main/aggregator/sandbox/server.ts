/** startSandbox: the Upay v2 simulator over node:http on loopback. */
import { EventEmitter } from 'node:events';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cancel, query, refund, revoke } from './after-sale';
import { type RequestLogEntry, control } from './control';
import { controlRefusal } from './control-guard';
import { readBody, send } from './http-io';
import { type ApiOp, BEFORE_PROCESSING, type Fault, Faults, NGINX_502, Timers } from './faults';
import { pay, precreate } from './micropay';
import { type Ctx, advance } from './orders';
import {
  type Fields, type Reply, illegalSign, invalidParams, json, parseAuthorization, parseJsonObject, str, transportError, verify,
} from './protocol';
import { Store, type Terminal } from './state';
import { statement } from './statement';
import { activate, checkin } from './terminal';
import { TEST_VENDOR_KEY, TEST_VENDOR_SN } from './test-vendor';
import { walletPage } from './wallet-page';
import { gatewayPage } from './gateway';
import { checkRules, describeBroken, type RuleOp } from './rules';
import { Violations } from './violations';

export interface SandboxOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Persist state to `<dataDir>/sandbox-state.json` and reload it on start. */
  dataDir?: string;
  clock?: () => number;
  qrExpirySeconds?: number;
  passwordSeconds?: number;
}

export interface SandboxRequestEvent { op: ApiOp; clientSn?: string; at: number }

export interface Sandbox {
  url: string;
  close(): Promise<void>;
  on(event: 'request', listener: (e: SandboxRequestEvent) => void): Sandbox;
  off(event: 'request', listener: (e: SandboxRequestEvent) => void): Sandbox;
}

const API_PATHS: Record<string, ApiOp> = {
  '/terminal/activate': 'activate', '/terminal/checkin': 'checkin', '/upay/v2/precreate': 'precreate',
  '/upay/v2/pay': 'pay', '/upay/v2/query': 'query', '/upay/v2/cancel': 'cancel', '/upay/v2/refund': 'refund',
  '/upay/v2/revoke': 'revoke', '/upay/v2/statement': 'statement',
};

type TerminalHandler = (ctx: Ctx, body: Fields, t: Terminal) => Reply;
const HANDLERS: Record<Exclude<ApiOp, 'activate' | 'checkin'>, TerminalHandler> = {
  precreate, pay, query, cancel, refund, revoke, statement,
};

interface Strict { violations: Violations }

/** Documented request rules (rules.ts): refused, as the platform does, and recorded. */
function checkBody(ctx: Ctx, strict: Strict, op: RuleOp, body: Record<string, unknown>): Reply | null {
  const broken = checkRules(op, body);
  if (broken.length === 0) return null;
  for (const b of broken) strict.violations.record({ ...b, at: ctx.now, refused: true });
  return invalidParams(`参数不符合文档：${describeBroken(broken)}`);
}

/** Verifies the Authorization header over the raw bytes, then runs the operation. */
function processApi(ctx: Ctx, strict: Strict, op: ApiOp, raw: Buffer, authHeader: string | undefined): Reply {
  const auth = parseAuthorization(authHeader);
  if (!auth) return illegalSign();
  // The docs' demos send lower-case hex md5 (zh-cn/api/sign.md, shouqianba-webapi-pythondemo).
  if (auth.sign !== auth.sign.toLowerCase()) {
    strict.violations.record({ op, field: 'Authorization', rule: '签名为小写十六进制 md5 (lower-case hex md5, as the official demos)', source: 'zh-cn/api/sign.md', at: ctx.now, refused: true });
    return illegalSign();
  }
  if (op === 'activate') {
    if (auth.sn !== TEST_VENDOR_SN || !verify(raw, TEST_VENDOR_KEY, auth.sign)) return illegalSign();
    const body = parseJsonObject(raw);
    if (!body) return invalidParams('请求体必须是 JSON 对象');
    return checkBody(ctx, strict, op, body) ?? activate(ctx, body);
  }
  const t = ctx.store.terminals.get(auth.sn);
  if (!t) return transportError('INVALID_TERMINAL', '终端不存在或未激活');
  // After a check-in the current and the previous key are valid for every call, older ones
  // not (en/api/terminal/checkin.md).
  const signedWith = [t.key, t.prevKey].find((k) => k !== undefined && verify(raw, k, auth.sign));
  if (!signedWith) return illegalSign();
  const body = parseJsonObject(raw);
  if (!body) return invalidParams('请求体必须是 JSON 对象');
  const refused = checkBody(ctx, strict, op, body);
  if (refused) return refused;
  if (str(body, 'terminal_sn') !== t.sn) return invalidParams('terminal_sn 与签名终端不一致');
  return op === 'checkin' ? checkin(ctx, body, t) : HANDLERS[op](ctx, body, t);
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const clock = opts.clock ?? Date.now;
  const host = opts.host ?? '127.0.0.1';
  const store = new Store(opts.dataDir);
  const faults = new Faults();
  const timers = new Timers();
  const events = new EventEmitter();
  const requests: RequestLogEntry[] = [];
  const strict: Strict = { violations: new Violations() };
  let url = '';

  const config = () => ({
    qrExpirySeconds: store.config.qrExpirySeconds ?? opts.qrExpirySeconds ?? 240,
    passwordSeconds: store.config.passwordSeconds ?? opts.passwordSeconds ?? 5,
  });
  const makeCtx = (): Ctx => {
    const ctx: Ctx = { store, now: clock(), baseUrl: url, ...config() };
    if (advance(ctx)) store.save();
    return ctx;
  };

  async function api(req: IncomingMessage, res: ServerResponse, op: ApiOp, raw: Buffer): Promise<void> {
    const clientSn = str(parseJsonObject(raw) ?? {}, 'client_sn');
    const at = clock();
    const fault: Fault | undefined = faults.take(op);
    requests.push({ op, path: req.url ?? '', clientSn, at, fault: fault?.fault });
    if (requests.length > 1000) requests.shift();
    events.emit('request', { op, clientSn, at } satisfies SandboxRequestEvent);

    if (fault && BEFORE_PROCESSING.has(fault.fault)) {
      switch (fault.fault) {
        case 'timeout': return; // never answered; close() destroys the socket
        case 'reset': req.socket.destroy(); return;
        case 'http500':
          return send(res, json(500, { result_code: '500', error_code: 'UNKNOWN_SYSTEM_ERROR', error_message: '系统错误' }));
        case 'html': return send(res, { status: 502, body: NGINX_502, contentType: 'text/html' });
        default: return send(res, illegalSign());
      }
    }
    if (fault?.fault === 'latency') await timers.sleep(fault.ms);
    let reply = processApi(makeCtx(), strict, op, raw, req.headers.authorization);
    if (fault?.fault === 'hold') await timers.sleep(fault.ms);
    if (fault?.fault === 'lost_response') reply = { ...reply, destroy: true };
    if (fault?.fault === 'malformed') reply = { ...reply, body: reply.body.slice(0, Math.max(1, Math.floor(reply.body.length / 2))) };
    send(res, reply);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    if (path.startsWith('/__control/')) {
      const refused = controlRefusal(req, url, raw.length > 0);
      if (refused) return send(res, json(refused.status, { ok: false, error: refused.error }));
      const body = raw.length ? parseJsonObject(raw) : {};
      if (!body) return send(res, json(400, { ok: false, error: 'body must be a JSON object' }));
      return send(res, control(makeCtx(), { faults, requests, config, violations: strict.violations }, method, path.slice('/__control/'.length), body));
    }
    if (path === '/gateway') return send(res, gatewayPage(makeCtx(), strict.violations, method, req.url ?? '/gateway', req.headers['user-agent']));
    const page = walletPage(makeCtx(), method, path, raw);
    if (page) return send(res, page);
    const op = API_PATHS[path];
    if (op && method === 'POST') return api(req, res, op, raw);
    if (op) return send(res, json(405, { result_code: '400', error_code: 'INVALID_PARAMS', error_message: 'POST only' }));
    if (path === '/' && method === 'GET') return send(res, json(200, { name: 'Yima sandbox aggregator (收钱吧 Upay v2)', url }));
    send(res, json(404, { result_code: '404', error_code: 'NOT_FOUND', error_message: `no route ${path}` }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) res.socket?.destroy();
      else send(res, json(500, { result_code: '500', error_code: 'UNKNOWN_SYSTEM_ERROR', error_message: String(err) }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  url = `http://${host}:${(server.address() as AddressInfo).port}`;

  const sandbox: Sandbox = {
    url,
    close: () => new Promise<void>((resolve) => {
      timers.clearAll();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
    on(event, listener) {
      events.on(event, listener);
      return sandbox;
    },
    off(event, listener) {
      events.off(event, listener);
      return sandbox;
    },
  };
  return sandbox;
}
