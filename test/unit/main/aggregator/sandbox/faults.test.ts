import { describe, expect, it } from 'vitest';
import type { SandboxRequestEvent } from '../../../../../main/aggregator/sandbox/server';
import { activate, control, newClientSn, orderByClientSn, payFields, sandbox, upay, wechatCode } from './helpers';

async function setup(fault: object) {
  const s = await sandbox();
  const t = await activate(s.url);
  const armed = await control(s.url, 'POST', 'faults', fault);
  expect(armed.status).toBe(200);
  return { s, t };
}

describe('sandbox faults over real HTTP', () => {
  it('latency: waits, then processes and answers normally', async () => {
    const { s, t } = await setup({ op: 'pay', fault: 'latency', ms: 250 });
    const started = Date.now();
    const a = await upay(s.url, t, 'pay', payFields(newClientSn(), wechatCode()));
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(a.biz.result_code).toBe('PAY_SUCCESS');
  });

  it('hold: processes (the charge happens) but answers too late for a short client timeout', async () => {
    const { s, t } = await setup({ op: 'pay', fault: 'hold', ms: 1000 });
    const clientSn = newClientSn();
    await expect(upay(s.url, t, 'pay', payFields(clientSn, wechatCode()), 200)).rejects.toThrow();
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.data?.order_status).toBe('PAID');
  });

  it('timeout: never processes, never answers; only the armed number of requests is affected', async () => {
    const { s, t } = await setup({ op: 'pay', fault: 'timeout' });
    const clientSn = newClientSn();
    await expect(upay(s.url, t, 'pay', payFields(clientSn, wechatCode()), 300)).rejects.toThrow();
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.error_code).toBe('UPAY_ORDER_NOT_EXISTS');
    expect((await upay(s.url, t, 'pay', payFields(clientSn, wechatCode()))).biz.result_code).toBe('PAY_SUCCESS');
  });

  it('http500: HTTP 500 without processing', async () => {
    const { s, t } = await setup({ op: 'pay', fault: 'http500' });
    const clientSn = newClientSn();
    const a = await upay(s.url, t, 'pay', payFields(clientSn, wechatCode()));
    expect(a.status).toBe(500);
    expect(await orderByClientSn(s.url, clientSn)).toBeUndefined();
  });

  it('reset: the socket is destroyed without processing', async () => {
    const { s, t } = await setup({ op: 'pay', fault: 'reset' });
    const clientSn = newClientSn();
    await expect(upay(s.url, t, 'pay', payFields(clientSn, wechatCode()))).rejects.toThrow();
    expect(await orderByClientSn(s.url, clientSn)).toBeUndefined();
  });

  it('malformed: processes, then answers truncated JSON', async () => {
    const { s, t } = await setup({ op: 'pay', fault: 'malformed' });
    const clientSn = newClientSn();
    const a = await upay(s.url, t, 'pay', payFields(clientSn, wechatCode()));
    expect(a.status).toBe(200);
    expect(a.text.startsWith('{"result_code":"200"')).toBe(true);
    expect(() => JSON.parse(a.text)).toThrow();
    expect((await orderByClientSn(s.url, clientSn))?.chargeCount).toBe(1);
  });

  it('html: an nginx 502 page without processing', async () => {
    const { s, t } = await setup({ op: 'query', fault: 'html' });
    const a = await upay(s.url, t, 'query', { client_sn: 'x' });
    expect(a.status).toBe(502);
    expect(a.text).toContain('<center>nginx</center>');
  });

  it('bad_signature: ILLEGAL_SIGN for a correctly signed request, nothing done', async () => {
    const { s, t } = await setup({ op: 'pay', fault: 'bad_signature' });
    const clientSn = newClientSn();
    const a = await upay(s.url, t, 'pay', payFields(clientSn, wechatCode()));
    expect(a.json).toEqual({ result_code: '400', error_code: 'ILLEGAL_SIGN', error_message: '签名错误' });
    expect(await orderByClientSn(s.url, clientSn)).toBeUndefined();
  });

  it('lost_response: the customer is charged, then the socket is destroyed', async () => {
    const { s, t } = await setup({ op: 'pay', fault: 'lost_response' });
    const clientSn = newClientSn();
    await expect(upay(s.url, t, 'pay', payFields(clientSn, wechatCode()))).rejects.toThrow();
    expect((await orderByClientSn(s.url, clientSn))?.chargeCount).toBe(1);
  });

  it('times -1 and op * hit every call until DELETE faults', async () => {
    const { s, t } = await setup({ op: '*', fault: 'http500', times: -1 });
    expect((await upay(s.url, t, 'query', { client_sn: 'x' })).status).toBe(500);
    expect((await upay(s.url, t, 'cancel', { client_sn: 'x' })).status).toBe(500);
    expect(((await control(s.url, 'GET', 'faults')).body.faults as unknown[]).length).toBe(1);
    await control(s.url, 'DELETE', 'faults');
    expect((await upay(s.url, t, 'query', { client_sn: 'x' })).status).toBe(200);
  });

  it('times N affects exactly N requests', async () => {
    const { s, t } = await setup({ op: 'query', fault: 'http500', times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await upay(s.url, t, 'query', { client_sn: 'x' })).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  it('refuses an unknown fault kind', async () => {
    const s = await sandbox();
    const r = await control(s.url, 'POST', 'faults', { op: 'pay', fault: 'gremlins' });
    expect(r.status).toBe(400);
  });

  it('emits a request event (op, client_sn, time) before processing, and logs requests', async () => {
    let now = 1_770_000_000_000;
    const s = await sandbox({ clock: () => now });
    const t = await activate(s.url);
    const seen: SandboxRequestEvent[] = [];
    s.on('request', (e) => seen.push(e));
    await control(s.url, 'POST', 'faults', { op: 'pay', fault: 'timeout' });
    const clientSn = newClientSn();
    now += 5;
    await expect(upay(s.url, t, 'pay', payFields(clientSn, wechatCode()), 200)).rejects.toThrow();
    expect(seen).toEqual([{ op: 'pay', clientSn, at: now }]);
    const log = (await control(s.url, 'GET', 'requests')).body.requests as Array<Record<string, unknown>>;
    expect(log.map((r) => r.op)).toEqual(['activate', 'pay']);
    expect(log[1]).toMatchObject({ clientSn, fault: 'timeout', path: '/upay/v2/pay' });
  });

  it('close() returns promptly even with a request held open by a timeout fault', async () => {
    const { s, t } = await setup({ op: 'query', fault: 'timeout' });
    const pending = upay(s.url, t, 'query', { client_sn: 'x' }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await s.close();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toBeInstanceOf(Error);
  });
});
