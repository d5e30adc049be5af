/**
 * The sandbox's control API scripts faults and pays orders, so it gets the harness's checks
 * (issue 14 item 10): a page on another loopback port (its Origin) or a rebound host name is
 * refused, a no-cors text/plain POST is refused, and payment codes never come back in full.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { activate, control, newClientSn, payFields, sandbox, upay, wechatCode } from './helpers';

function raw(base: string, path: string, headers: Record<string, string>, body = ''): Promise<number> {
  const u = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: body ? 'POST' : 'GET', headers }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
    req.on('error', reject);
    req.end(body);
  });
}

describe('sandbox control API guard', () => {
  it('refuses another origin, another host name and a text/plain POST; nothing is scripted', async () => {
    const sb = await sandbox();
    const port = new URL(sb.url).port;
    const fault = JSON.stringify({ op: 'pay', fault: 'timeout' });
    expect(await raw(sb.url, '/__control/faults', { 'content-type': 'application/json', origin: 'http://127.0.0.1:1' }, fault)).toBe(403);
    expect(await raw(sb.url, '/__control/faults', { 'content-type': 'application/json', host: `evil.example:${port}` }, fault)).toBe(403);
    expect(await raw(sb.url, '/__control/faults', { 'content-type': 'text/plain' }, fault)).toBe(415);
    expect((await control(sb.url, 'GET', 'faults')).body.faults).toEqual([]);
    // Its own origin (and a program, with no Origin) still works.
    expect(await raw(sb.url, '/__control/faults', { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` }, fault)).toBe(200);
    expect((await control(sb.url, 'GET', 'faults')).body.faults).toHaveLength(1);
  });

  it('never returns a full payment code', async () => {
    const sb = await sandbox();
    const t = await activate(sb.url);
    const code = wechatCode('42');
    await upay(sb.url, t, 'pay', payFields(newClientSn(), code));
    const text = JSON.stringify((await control(sb.url, 'GET', 'orders')).body);
    expect(text).toContain('1346****0042');
    expect(text).not.toContain(code);
    const scripted = JSON.stringify((await control(sb.url, 'POST', 'paycode', { code, behaviour: 'password' })).body);
    expect(scripted).not.toContain(code);
  });
});
