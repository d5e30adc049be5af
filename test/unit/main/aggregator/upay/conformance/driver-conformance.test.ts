/**
 * The driver against the documentation: every documented answer parses into the right outcome,
 * and every request the driver builds carries exactly the documented fields, as strings, within
 * the documented limits (checked with the sandbox's own rule table, an independent copy).
 */
import { describe, expect, it } from 'vitest';
import { isOrderNotFound, type AggOutcome, type ActivateOutcome, type Aggregator } from '../../../../../../main/aggregator/types';
import { checkRules, type RuleOp } from '../../../../../../main/aggregator/sandbox/rules';
import type { HttpPost } from '../../../../../../main/aggregator/upay';
import { makeDriver } from '../harness';
import { memoryStore, TERMINAL } from '../replay';
import { REQUEST_TABLES, RESPONSE_EXAMPLES, type DocOp, type ResponseExample } from './doc-examples';

const ORDER = { clientSn: 'YM20261202101500123456', amountFen: 101, subject: '一码小店 收款', operator: '收银员' };

function call(driver: Aggregator, op: DocOp): Promise<AggOutcome | ActivateOutcome> {
  switch (op) {
    case 'activate': return driver.activate({ code: '88888888', deviceId: TERMINAL.deviceId });
    case 'checkin': return driver.checkin();
    case 'pay': return driver.pay({ ...ORDER, dynamicId: '134600000000000000' });
    case 'precreate': return driver.precreate({ ...ORDER, payway: '3', subPayway: '2' });
    case 'query': return driver.query({ clientSn: ORDER.clientSn });
    case 'cancel': return driver.cancel({ clientSn: ORDER.clientSn });
    case 'revoke': return driver.revoke({ sn: '7894259244064831' });
    case 'refund': return driver.refund({ sn: '7894259244067218', refundRequestNo: 'R261202101500123456', amountFen: 1, operator: '店长' });
  }
}

function answering(body: string, sent: Array<{ url: string; body: string }> = []): HttpPost {
  return (url, b) => { sent.push({ url, body: b }); return Promise.resolve({ status: 200, body }); };
}

describe('driver parses every documented answer (each names its doc page)', () => {
  it.each(RESPONSE_EXAMPLES.map((e) => [`${e.name} — ${e.source}`, e] as [string, ResponseExample]))('%s', async (_n, ex) => {
    const out = await call(makeDriver(answering(ex.body), memoryStore({ ...TERMINAL })), ex.op);
    const want = ex.expect;
    if (want.kind === 'terminal') {
      expect(out).toEqual({ ok: true, terminalSn: want.terminalSn, terminalKey: want.terminalKey });
      return;
    }
    const o = out as AggOutcome;
    expect(o.kind).toBe(want.kind);
    if (o.kind === 'rejected' && want.kind === 'rejected') expect(o.errorCode).toBe(want.errorCode);
    if (o.kind === 'unknown' && want.kind === 'unknown') expect(o.reason).toBe(want.reason);
    if (o.kind === 'ok' && want.kind === 'ok') {
      expect(o.bizCode).toBe(want.bizCode);
      expect(o.errorCode).toBe(want.errorCode);
      if (want.orderStatus) expect(o.data?.orderStatus).toBe(want.orderStatus);
      if (want.wallet) expect(o.data?.wallet).toBe(want.wallet);
      if (want.totalFen !== undefined) expect(o.data?.totalFen).toBe(want.totalFen);
      if (want.netFen !== undefined) expect(o.data?.netFen).toBe(want.netFen);
      expect(isOrderNotFound(o)).toBe(want.notFound === true);
    }
  });
});

type Sent = { op: DocOp; body: Record<string, unknown> };

async function everyRequest(): Promise<Sent[]> {
  const sent: Array<{ url: string; body: string }> = [];
  const ok = JSON.stringify({ result_code: '200', biz_response: { result_code: 'SUCCESS', terminal_sn: TERMINAL.terminalSn, terminal_key: TERMINAL.terminalKey } });
  const driver = makeDriver(answering(ok, sent), memoryStore({ ...TERMINAL }));
  const ops: DocOp[] = ['activate', 'checkin', 'pay', 'precreate', 'query', 'cancel', 'refund', 'revoke'];
  for (const op of ops) await call(driver, op);
  await driver.query({ sn: '7894259244064831' });
  return sent.map((s) => {
    const path = new URL(s.url).pathname;
    const op = (path.split('/').at(-1) ?? '') as DocOp;
    return { op, body: JSON.parse(s.body) as Record<string, unknown> };
  });
}

describe('driver requests carry exactly the documented fields', () => {
  it('every operation: required fields present, nothing undocumented, every value a string, within the limits', async () => {
    const all = await everyRequest();
    expect(all.map((s) => s.op)).toEqual(['activate', 'checkin', 'pay', 'precreate', 'query', 'cancel', 'refund', 'revoke', 'query']);
    for (const { op, body } of all) {
      const table = REQUEST_TABLES[op];
      for (const f of table.required) expect(body, `${op} ${f} (${table.source})`).toHaveProperty(f);
      for (const k of Object.keys(body)) expect([...table.required, ...table.optional], `${op}: ${k} is not in ${table.source}`).toContain(k);
      for (const [k, v] of Object.entries(body)) expect(typeof v, `${op}.${k}`).toBe('string');
      expect(checkRules(op as RuleOp, body), `${op} breaks a documented rule`).toEqual([]);
    }
  });

  it('operator is sent for pay, precreate and refund; precreate sends payway and sub_payway 2 (QR)', async () => {
    const all = await everyRequest();
    for (const op of ['pay', 'precreate', 'refund'] as const) expect(all.find((s) => s.op === op)?.body.operator).toBeTruthy();
    expect(all.find((s) => s.op === 'precreate')?.body).toMatchObject({ payway: '3', sub_payway: '2' });
  });

  it('client_sn over 32 and refund_request_no over 20 characters are refused before sending', async () => {
    const sent: Array<{ url: string; body: string }> = [];
    const driver = makeDriver(answering('{}', sent), memoryStore({ ...TERMINAL }));
    const long = await driver.pay({ ...ORDER, clientSn: 'Y'.repeat(33), dynamicId: '134600000000000000' });
    expect(long).toMatchObject({ kind: 'rejected', errorCode: 'INVALID_PARAMS', message: expect.stringContaining('client_sn') });
    const refund = await driver.refund({ clientSn: ORDER.clientSn, refundRequestNo: 'R'.repeat(21), amountFen: 1, operator: 'x' });
    expect(refund).toMatchObject({ kind: 'rejected', message: expect.stringContaining('refund_request_no') });
    const noOperator = await driver.refund({ clientSn: ORDER.clientSn, refundRequestNo: 'R1', amountFen: 1, operator: '' });
    expect(noOperator).toMatchObject({ kind: 'rejected', message: expect.stringContaining('operator') });
    expect(await driver.precreate({ ...ORDER, payway: '19x' })).toMatchObject({ kind: 'rejected', message: expect.stringContaining('payway') });
    expect(sent).toEqual([]);
  });

  it('the unified QR URL carries exactly the WAP page parameters (zh-cn/api/wap2.md)', async () => {
    const driver = makeDriver(answering('{}'), memoryStore({ ...TERMINAL }), { gatewayUrl: 'https://qr.shouqianba.com/gateway' });
    const r = await driver.unifiedQr(ORDER);
    if (r.kind !== 'ok') throw new Error(r.message);
    const params = Object.fromEntries(new URL(r.qrCode).searchParams);
    const table = REQUEST_TABLES.wap;
    for (const f of table.required) expect(params).toHaveProperty(f);
    for (const k of Object.keys(params)) expect([...table.required, ...table.optional]).toContain(k);
    expect(checkRules('gateway', params)).toEqual([]);
    expect(params.sign).toMatch(/^[0-9A-F]{32}$/);
  });
});
