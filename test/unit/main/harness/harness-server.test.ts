import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import WebSocket from 'ws';
import { startHarness, type Harness } from '../../../../main/harness/harness-server';
import { createDispatch, ServiceError, type Handlers } from '../../../../main/services/dispatch';
import { EventBus } from '../../../../main/services/event-bus';
import { actionNames } from '../../../../preload/contract';
import { CONTENT_SECURITY_POLICY } from '../../../../main/shared/content-security-policy';
import { msg } from '../../../../preload/messages';

const BUILT_BRIDGE = 'out/renderer/pos-bridge.js';

interface Reply { status: number; headers: IncomingHttpHeaders; body: string }

function call(port: number, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

const INDEX = '<!doctype html><html><head><title>Yima</title></head><body><div id="root"></div></body></html>';

let dir: string;
let harness: Harness;
let bus: EventBus;
let auth: Record<string, string>;
const received: { name: string; args: unknown }[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yima-harness-'));
  const staticDir = join(dir, 'static');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), INDEX);
  await writeFile(join(staticDir, 'assets', 'app.js'), 'console.log("app")');
  await writeFile(join(staticDir, 'pos-bridge.js'), 'window.pos = {} /* built bridge */');
  await writeFile(join(dir, 'secret.txt'), 'TERMINAL-KEY-DO-NOT-SERVE');
  bus = new EventBus();
  received.length = 0;
  const handlers = {
    dismissResult: (args: unknown) => { received.push({ name: 'dismissResult', args }); return { phase: 'idle', serverNow: 42 }; },
    startQrPayment: (args: unknown) => { received.push({ name: 'startQrPayment', args }); throw new ServiceError('BUSY', msg('checkout.busy')); },
  } as unknown as Handlers;
  harness = await startHarness({ dispatch: createDispatch(handlers), bus, staticDir, port: 0 });
  auth = { authorization: `Bearer ${harness.token}`, 'content-type': 'application/json' };
});

afterEach(async () => {
  await harness.close();
  await rm(dir, { recursive: true, force: true });
});

describe('harness: who may talk to it', () => {
  it('prints a loopback URL carrying a long random token', () => {
    expect(harness.url).toBe(`http://127.0.0.1:${harness.port}/?token=${harness.token}`);
    expect(harness.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('refuses API calls without the token or with a wrong one (401); a cookie is no token', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{}', headers: json })).status).toBe(401);
    expect((await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{}', headers: { ...json, authorization: 'Bearer nope' } })).status).toBe(401);
    expect((await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{}', headers: { ...json, cookie: `yima_token=${harness.token}` } })).status).toBe(401);
    expect((await call(harness.port, '/?token=wrong')).status).toBe(401);
    expect(received).toEqual([]);
  });

  it('serves the public page and scripts without the token, and never sets a cookie (cookies ignore ports)', async () => {
    for (const path of ['/', '/pos-bridge.js', '/assets/app.js', `/customer?lang=en&token=${harness.token}`]) {
      const r = await call(harness.port, path);
      expect(r.status, path).toBe(200);
      expect(r.headers['set-cookie'], path).toBeUndefined();
    }
  });

  it('the bridge keeps the token in the page: sessionStorage and a Bearer header, never a cookie', () => {
    // The source of the bridge the build bundles (preload/web-bridge.ts) into pos-bridge.js.
    const bridge = readFileSync('preload/web-bridge.ts', 'utf8');
    expect(bridge).toContain('sessionStorage');
    expect(bridge).toContain('authorization: `Bearer ${token}`');
    expect(bridge).toContain("credentials: 'omit'");
  });

  it('refuses any Origin but its own on every request (403), even with the right token', async () => {
    for (const origin of [`http://127.0.0.1:${harness.port + 1}`, `http://localhost:${harness.port + 1}`, 'http://evil.example', 'null', `https://127.0.0.1:${harness.port}`]) {
      const r = await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{}', headers: { ...auth, origin } });
      expect(r.status, origin).toBe(403);
      expect((await call(harness.port, '/', { headers: { origin } })).status, origin).toBe(403);
    }
    expect(received).toEqual([]);
    for (const origin of [`http://127.0.0.1:${harness.port}`, `http://localhost:${harness.port}`]) {
      expect((await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{}', headers: { ...auth, origin } })).status, origin).toBe(200);
    }
  });

  it('refuses a POST that is not application/json (415): what a form or a no-cors fetch sends', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const r = await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{}', headers: { authorization: `Bearer ${harness.token}`, 'content-type': type } });
      expect(r.status, type).toBe(415);
    }
    expect(received).toEqual([]);
    const ok = await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{}', headers: { ...auth, 'content-type': 'application/json; charset=utf-8' } });
    expect(ok.status).toBe(200);
  });

  it('refuses JSON nested deeper than 64 levels with a typed error, before anything walks it', async () => {
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const r = await call(harness.port, '/api/dismissResult', { method: 'POST', body: deep, headers: auth });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', message: expect.stringContaining('64') } });
    expect(received).toEqual([]);
  });

  it('listens on the loopback address only: not reachable through the machine\'s other addresses', async () => {
    const { networkInterfaces } = await import('node:os');
    const { connect } = await import('node:net');
    const others = Object.values(networkInterfaces()).flat().filter((a) => a && a.family === 'IPv4' && !a.internal).map((a) => a!.address);
    for (const host of others) {
      const refused = await new Promise<boolean>((resolve) => {
        const s = connect({ host, port: harness.port });
        s.once('connect', () => { s.destroy(); resolve(false); });
        s.once('error', () => resolve(true));
      });
      expect(refused, host).toBe(true);
    }
    expect((await call(harness.port, '/', { headers: auth })).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding) with 403, even with the right token', async () => {
    for (const host of ['evil.example', `evil.example:${harness.port}`, `127.0.0.1:${harness.port + 1}`, '127.0.0.1']) {
      const r = await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{}', headers: { ...auth, host } });
      expect(r.status, host).toBe(403);
    }
    expect(received).toEqual([]);
    expect((await call(harness.port, '/', { headers: { ...auth, host: `localhost:${harness.port}` } })).status).toBe(200);
  });
});

describe('harness: the API', () => {
  it('POST /api/<action> runs the action and answers its envelope', async () => {
    const r = await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{}', headers: auth });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { phase: 'idle', serverNow: 42 } });
    expect(r.headers['content-type']).toContain('application/json');
  });

  it('an empty body counts as no args', async () => {
    const r = await call(harness.port, '/api/dismissResult', { method: 'POST', headers: auth });
    expect(JSON.parse(r.body)).toMatchObject({ ok: true });
  });

  it('a refusal from the service is a 200 with the typed error', async () => {
    const r = await call(harness.port, '/api/startQrPayment', { method: 'POST', body: JSON.stringify({ amount: '1', requestId: 'req-12345678' }), headers: auth });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'BUSY', message: '上一笔收款尚未结束', msg: '上一笔收款尚未结束' } });
  });

  it('invalid JSON → 400 with an INVALID_ARGS envelope; the action is not run', async () => {
    const r = await call(harness.port, '/api/dismissResult', { method: 'POST', body: '{"a":', headers: auth });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toEqual({ ok: false, error: { code: 'INVALID_ARGS', message: '请求不是有效的 JSON', msg: '请求不是有效的 JSON' } });
    expect(received).toEqual([]);
  });

  it('args failing the contract schema → 400 INVALID_ARGS', async () => {
    const r = await call(harness.port, '/api/startQrPayment', { method: 'POST', body: JSON.stringify({ amount: 12 }), headers: auth });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(received).toEqual([]);
  });

  it('unknown action → 404 with an UNKNOWN_ACTION envelope', async () => {
    const r = await call(harness.port, '/api/formatDisk', { method: 'POST', body: '{}', headers: auth });
    expect(r.status).toBe(404);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  });

  it('GET on an action → 405', async () => {
    expect((await call(harness.port, '/api/dismissResult', { headers: auth })).status).toBe(405);
  });

  it('a body over 64 KB → 413, declared or streamed, and the action is not run', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(70 * 1024) });
    const declared = await call(harness.port, '/api/dismissResult', { method: 'POST', body: big, headers: { ...auth, 'content-length': String(Buffer.byteLength(big)) } });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toEqual({ ok: false, error: { code: 'INVALID_ARGS', message: '请求过大', msg: '请求过大' } });
    const streamed = await call(harness.port, '/api/dismissResult', { method: 'POST', body: big, headers: { ...auth, 'transfer-encoding': 'chunked' } });
    expect(streamed.status).toBe(413);
    expect(received).toEqual([]);
    // exactly at the limit is fine (the JSON is then judged on its merits)
    const atLimit = JSON.stringify({ pad: 'x'.repeat(64 * 1024 - 10) });
    expect(Buffer.byteLength(atLimit)).toBe(64 * 1024);
    const ok = await call(harness.port, '/api/dismissResult', { method: 'POST', body: atLimit, headers: auth });
    expect(ok.status).toBe(400); // strict schema: "pad" is not an arg of dismissResult
  });
});

describe('harness: the renderer files', () => {
  it('serves the built /pos-bridge.js from the renderer directory (no second copy of the bridge)', async () => {
    const r = await call(harness.port, '/pos-bridge.js', { headers: auth });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toContain('text/javascript');
    expect(r.body).toBe('window.pos = {} /* built bridge */');
  });

  it.skipIf(!existsSync(BUILT_BRIDGE))('the built bridge (preload/web-bridge.ts) names every contract action (run npm run build first)', () => {
    const body = readFileSync(BUILT_BRIDGE, 'utf8');
    expect(actionNames.length).toBeGreaterThan(0);
    for (const name of actionNames) expect(body, name).toMatch(new RegExp(`\\b${name}\\b`));
  });

  it('injects the bridge script into index.html for /, /index.html and /customer', async () => {
    for (const path of ['/', '/index.html', '/customer']) {
      const r = await call(harness.port, path, { headers: auth });
      expect(r.status, path).toBe(200);
      expect(r.body).toContain('<head><script type="module" src="/pos-bridge.js"></script><title>Yima</title>');
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('serves built assets with their type', async () => {
    const r = await call(harness.port, '/assets/app.js', { headers: auth });
    expect(r.status).toBe(200);
    expect(r.body).toBe('console.log("app")');
    expect((await call(harness.port, '/assets/missing.js', { headers: auth })).status).toBe(404);
  });

  it('never serves a file outside the static directory', async () => {
    for (const path of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '//../secret.txt']) {
      const r = await call(harness.port, path, { headers: auth });
      expect([403, 404], path).toContain(r.status);
      expect(r.body, path).not.toContain('TERMINAL-KEY');
    }
  });

  it('refuses other methods on static files (405)', async () => {
    expect((await call(harness.port, '/', { method: 'DELETE', headers: auth })).status).toBe(405);
  });
});

describe('harness: WebSocket /events', () => {
  const open = (url: string, headers: Record<string, string> = {}) => new WebSocket(url, { headers });
  const refusedStatus = (ws: WebSocket) => new Promise<number>((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => { resolve(res.statusCode ?? 0); ws.terminate(); });
    ws.on('open', () => reject(new Error('connected without the token')));
    ws.on('error', () => resolve(-1));
  });

  it('refuses a connection without the token, with a wrong one, or on another path', async () => {
    expect(await refusedStatus(open(`ws://127.0.0.1:${harness.port}/events`))).toBe(401);
    expect(await refusedStatus(open(`ws://127.0.0.1:${harness.port}/events?token=nope`))).toBe(401);
    expect(await refusedStatus(open(`ws://127.0.0.1:${harness.port}/other?token=${harness.token}`))).toBe(401);
    expect(await refusedStatus(open(`ws://127.0.0.1:${harness.port}/events?token=${harness.token}`, { host: 'evil.example' }))).toBe(401);
    expect(await refusedStatus(open(`ws://127.0.0.1:${harness.port}/events?token=${harness.token}`, { origin: `http://127.0.0.1:${harness.port + 1}` }))).toBe(401);
    expect(await refusedStatus(open(`ws://127.0.0.1:${harness.port}/events`, { cookie: `yima_token=${harness.token}` }))).toBe(401);
  });

  it('with the token: replays the latest events, then receives every bus event', async () => {
    bus.emit('notice', { level: 'info', message: msg('scanner.connected', { path: '/dev/ttyUSB0' }), at: 1 });
    const ws = open(`ws://127.0.0.1:${harness.port}/events?token=${harness.token}`, { origin: `http://127.0.0.1:${harness.port}` });
    const messages: unknown[] = [];
    ws.on('message', (m) => messages.push(JSON.parse(String(m))));
    await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
    await expect.poll(() => messages.length).toBe(1);
    bus.emit('checkout', { phase: 'waiting', serverNow: 5, amountFen: 1230 });
    bus.emit('pendingAmount', { amountFen: 88 });
    await expect.poll(() => messages.length).toBe(3);
    expect(messages).toEqual([
      { event: 'notice', payload: { level: 'info', message: '扫码枪已连接（/dev/ttyUSB0）', at: 1 } },
      { event: 'checkout', payload: { phase: 'waiting', serverNow: 5, amountFen: 1230 } },
      { event: 'pendingAmount', payload: { amountFen: 88 } },
    ]);
    ws.close();
  });
  it('a serial scan goes to the cashier page only, once: never to the customer display, never replayed on connect', async () => {
    const origin = { origin: `http://127.0.0.1:${harness.port}` };
    bus.emit('serialScan', { token: 'before', masked: '1345****6780', at: 1 });
    const connect = async (view: string) => {
      const ws = open(`ws://127.0.0.1:${harness.port}/events?token=${harness.token}${view}`, origin);
      const got: { event: string; payload: { token?: string } }[] = [];
      ws.on('message', (m) => got.push(JSON.parse(String(m))));
      await new Promise<void>((resolve, reject) => { ws.once('open', () => resolve()); ws.once('error', reject); });
      return { ws, got };
    };
    const cashier = await connect('');
    const customer = await connect('&view=customer');
    bus.emit('serialScan', { token: 'live', masked: '1345****6780', at: 2 });
    bus.emit('pendingAmount', { amountFen: 5 }); // a marker both sockets get after the scan
    await expect.poll(() => [cashier.got.length, customer.got.length]).toEqual([2, 1]);
    expect(cashier.got.map((m) => [m.event, m.payload.token])).toEqual([['serialScan', 'live'], ['pendingAmount', undefined]]);
    expect(customer.got.map((m) => m.event)).toEqual(['pendingAmount']);
    const late = await connect('');
    await expect.poll(() => late.got.length).toBe(1);
    expect(late.got.map((m) => m.event)).toEqual(['pendingAmount']); // the scan is not replayed
    for (const c of [cashier, customer, late]) c.ws.close();
  });
});
