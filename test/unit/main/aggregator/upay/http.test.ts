import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpTransportError, nodeHttpPost } from '../../../../../main/aggregator/upay/http';

let servers: Server[] = [];

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const s of servers) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
  servers = [];
});

async function transportError(p: Promise<unknown>): Promise<HttpTransportError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(HttpTransportError);
  return err as HttpTransportError;
}

describe('nodeHttpPost against a real server on 127.0.0.1', () => {
  it('sends the exact UTF-8 body and headers, returns status and body', async () => {
    let seen: { method?: string; headers?: IncomingMessage['headers']; body?: string } = {};
    const url = await serve((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        seen = { method: req.method, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"result_code":"200","x":"收"}');
      });
    });
    const body = '{"subject":"一码收银 消费","total_amount":"1230"}';
    const res = await nodeHttpPost(`${url}/upay/v2/pay`, body, { 'Content-Type': 'application/json', Authorization: '123 abc' }, 2000);
    expect(res).toEqual({ status: 200, body: '{"result_code":"200","x":"收"}' });
    expect(seen.method).toBe('POST');
    expect(seen.body).toBe(body);
    expect(seen.headers?.authorization).toBe('123 abc');
    expect(seen.headers?.['content-type']).toBe('application/json');
    expect(seen.headers?.['content-length']).toBe(String(Buffer.byteLength(body, 'utf8')));
  });

  it('returns non-2xx answers instead of rejecting', async () => {
    const url = await serve((_req, res) => res.writeHead(502).end('<html>502 Bad Gateway</html>'));
    await expect(nodeHttpPost(url, '{}', {}, 2000)).resolves.toEqual({ status: 502, body: '<html>502 Bad Gateway</html>' });
  });

  it('times out when the server never answers', async () => {
    const url = await serve(() => undefined);
    const started = Date.now();
    const err = await transportError(nodeHttpPost(url, '{}', {}, 200));
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('times out when the body stalls after the headers', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"result_code":"2');
    });
    expect((await transportError(nodeHttpPost(url, '{}', {}, 300))).kind).toBe('timeout');
  });

  it('reports a reset when the server destroys the socket', async () => {
    const url = await serve((req) => req.socket.destroy());
    expect((await transportError(nodeHttpPost(url, '{}', {}, 2000))).kind).toBe('reset');
  });

  it('reports refused for a closed port', async () => {
    const url = await serve(() => undefined);
    const last = servers.pop()!;
    await new Promise((r) => last.close(r));
    const err = await transportError(nodeHttpPost(url, '{}', {}, 2000));
    expect(err.kind).toBe('refused');
    expect(err.code).toBe('ECONNREFUSED');
  });
});
