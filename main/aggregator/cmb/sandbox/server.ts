/**
 * startCmbSandbox: a strict 招商银行 polypay simulator over node:http on loopback. See README.md.
 * API: POST /polypay/v1.0/mchorders/<api> [ref cmb-polypay.md §1.1]; the wallet page at the
 * QR's path; bills at GET /bill/<merId>/<yyyyMMdd>.csv; /__control/ as the first sandbox's.
 */
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ApiOp, type Fault, Faults, NGINX_502, Timers, parseFault } from '../../sandbox/faults';
import { controlRefusal } from '../../sandbox/control-guard';
import { readBody, send } from '../../sandbox/http-io';
import { billCsv } from './bill';
import { cmbControl, type CmbConfigOverrides } from './control';
import { type CmbCtx, cancel, close, orderquery, pay, qrcodeapply, refund, refundquery, statementurl } from './handlers';
import { type Reply, checkRequest, protocolFail } from './protocol';
import { CmbStore, advance } from './state';
import { cmbWalletPage } from './wallet';

export interface CmbSandboxOptions { port?: number; dataDir?: string; clock?: () => number; passwordSeconds?: number; refundSeconds?: number }
export interface CmbSandbox { url: string; apiBase: string; close(): Promise<void> }

export const CMB_API_PREFIX = '/polypay/v1.0/mchorders/';
/** polypay APIs → the first sandbox's fault ops, so the control API speaks one vocabulary. */
const OPS: Record<string, ApiOp> = { qrcodeapply: 'precreate', pay: 'pay', orderquery: 'query', cancel: 'cancel', close: 'cancel', refund: 'refund', refundquery: 'refund', statementurl: 'statement' };
/** CMB-only faults: the documented system error before or after acting [ref §3]. */
export const CMB_FAULTS = ['systerm_error', 'systerm_error_after'] as const;

const json = (status: number, v: unknown): Reply => ({ status, body: JSON.stringify(v), contentType: 'application/json' });

export async function startCmbSandbox(opts: CmbSandboxOptions = {}): Promise<CmbSandbox> {
  const store = new CmbStore(opts.dataDir);
  const faults = new Faults();
  const timers = new Timers();
  const overrides: CmbConfigOverrides = {};
  const omitted = new Set<string>();
  const amended = new Map<string, number>();
  const requests: { api: string; orderId?: string; at: number; fault?: string }[] = [];
  let url = '';
  const now = (): number => (opts.clock ?? Date.now)() + (overrides.clockOffsetMs ?? 0);
  const refundSeconds = (): number => overrides.refundSeconds ?? opts.refundSeconds ?? 3;
  const ctx = (): CmbCtx => {
    const c: CmbCtx = { store, now: now(), sign: { paddedDer: overrides.paddedDer ?? true }, passwordSeconds: overrides.passwordSeconds ?? opts.passwordSeconds ?? 5, maxValidSeconds: overrides.maxValidSeconds, billBaseUrl: url };
    if (advance(store, c.now, refundSeconds())) store.save();
    return c;
  };

  async function api(req: IncomingMessage, name: string, raw: Buffer): Promise<Reply> {
    const c = ctx();
    const checked = checkRequest(raw, req.headers, c.now, c.sign);
    const biz = checked.ok ? checked.biz : {};
    const fault: Fault | undefined = OPS[name] ? faults.take(OPS[name]) : undefined;
    requests.push({ api: name, orderId: biz.orderId ?? biz.origOrderId, at: c.now, fault: fault?.fault });
    if (requests.length > 1000) requests.shift();
    const kind = fault?.fault as string | undefined;
    if (kind === 'timeout') return new Promise<Reply>(() => undefined); // never answered
    if (kind === 'reset') return { status: 0, body: '', destroy: true };
    if (kind === 'http500') return { status: 500, body: 'Internal Server Error' };
    if (kind === 'html') return { status: 502, body: NGINX_502, contentType: 'text/html' };
    if (kind === 'systerm_error') return protocolFail('SYSTERM_ERROR', '系统错误', c.sign);
    if (kind === 'latency' && fault) await timers.sleep(fault.ms);
    if (!checked.ok) return checked.reply;
    let reply: Reply & { lost?: boolean };
    switch (name) {
      case 'qrcodeapply': reply = qrcodeapply(c, biz); break;
      case 'pay': reply = pay(c, biz, checked.encryptKey); break;
      case 'orderquery': reply = orderquery(c, biz); break;
      case 'close': reply = close(c, biz); break;
      case 'cancel': reply = cancel(c, biz); break;
      case 'refund': reply = refund(c, biz, refundSeconds()); break;
      case 'refundquery': reply = refundquery(c, biz); break;
      case 'statementurl': reply = statementurl(c, biz); break;
      default: return protocolFail('UNDEFINED_PRAM', `unknown api ${name}`, c.sign);
    }
    if (kind === 'hold' && fault) await timers.sleep(fault.ms);
    if (kind === 'systerm_error_after') return protocolFail('SYSTERM_ERROR', '系统错误', c.sign);
    if (kind === 'bad_signature') return { ...reply, body: reply.body.replace(/"sign":"[^"]+"/, `"sign":"${JSON.parse(protocolFail('X', 'x', { wrongKey: true }).body).sign as string}"`) };
    if (kind === 'malformed') return { ...reply, body: reply.body.slice(0, Math.floor(reply.body.length / 2)) };
    if (kind === 'lost_response' || reply.lost) return { ...reply, destroy: true };
    return reply;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    if (path.startsWith('/__control/')) {
      const refused = controlRefusal(req, url, raw.length > 0);
      if (refused) return send(res, json(refused.status, { ok: false, error: refused.error }));
      const body = parseControlBody(raw);
      if (!body) return send(res, json(400, { ok: false, error: 'body must be a JSON object' }));
      const r = cmbControl({ ctx: ctx(), faults, overrides, omitted, amended, requests, parseFault: (b) => parseCmbFault(b) }, method, path.slice('/__control/'.length), body);
      return send(res, json(r.status, r.body));
    }
    const wallet = cmbWalletPage(ctx(), method, path, raw);
    if (wallet) return send(res, wallet);
    const bill = /^\/bill\/(\w+)\/(\d{8})\.csv$/.exec(path);
    if (bill && method === 'GET') {
      const b = billCsv(store, bill[1] ?? '', bill[2] ?? '', now() + (overrides.billClockOffsetMs ?? 0), omitted, amended);
      return send(res, b.ok ? { status: 200, body: b.csv, contentType: 'text/csv; charset=utf-8' } : { status: b.status, body: b.message, contentType: 'text/plain; charset=utf-8' });
    }
    if (path.startsWith(CMB_API_PREFIX)) {
      // [ref §1.1, §7.1] POST JSON only.
      if (method !== 'POST') return send(res, json(405, { error: 'POST only' }));
      return send(res, await api(req, path.slice(CMB_API_PREFIX.length), raw));
    }
    if (path === '/' && method === 'GET') return send(res, json(200, { name: 'Yima sandbox (招商银行 聚合收款 polypay)', apiBase: url + CMB_API_PREFIX.slice(0, -1) }));
    send(res, json(404, { error: `no route ${path}` }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => { if (res.headersSent) res.socket?.destroy(); else send(res, json(500, { error: String(err) })); });
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(opts.port ?? 0, '127.0.0.1', () => resolve()); });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiBase: url + CMB_API_PREFIX.slice(0, -1),
    close: () => new Promise<void>((resolve) => { timers.clearAll(); server.close(() => resolve()); server.closeAllConnections(); }),
  };
}

function parseCmbFault(b: Record<string, unknown>): Fault | string {
  const cmb = (CMB_FAULTS as readonly unknown[]).includes(b.fault);
  const f = parseFault(cmb ? { ...b, fault: 'latency' } : b);
  return typeof f === 'string' ? `${f}, ${CMB_FAULTS.join(', ')}` : cmb ? { ...f, fault: b.fault as Fault['fault'] } : f;
}

function parseControlBody(raw: Buffer): Record<string, unknown> | null {
  if (raw.length === 0) return {};
  try {
    const v: unknown = JSON.parse(raw.toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : null;
  } catch { return null; }
}
