/**
 * The polypay driver against the polypay sandbox over real HTTP: every rule of
 * /work/shared/reference/cmb-polypay.md §3 that decides what the counter shows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCmbDriver } from '../../../../../main/aggregator/cmb/driver';
import { sandboxCmbConfig } from '../../../../../main/aggregator/cmb/sandbox-config';
import { startCmbSandbox, type CmbSandbox } from '../../../../../main/aggregator/cmb/sandbox';
import * as rq from '../../../../../main/aggregator/cmb/requests';
import { buildRequestFields } from '../../../../../main/aggregator/cmb/wire';
import { apiSign } from '../../../../../main/aggregator/cmb/gm';
import { interpretPay, interpretPrecreate, interpretQuery } from '../../../../../main/checkout/interpret';

let sb: CmbSandbox;
const control = async (method: string, route: string, body?: unknown): Promise<Record<string, unknown>> => {
  const res = await fetch(`${sb.url}/__control/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return await res.json() as Record<string, unknown>;
};
const driver = (over: Partial<ReturnType<typeof sandboxCmbConfig>> = {}) => createCmbDriver({ config: { ...sandboxCmbConfig(sb.url, 60), ...over }, timeoutMs: 3_000 });

beforeEach(async () => { sb = await startCmbSandbox({ refundSeconds: 0 }); });
afterEach(async () => { await sb.close(); });

describe('QR (qrcodeapply) and query', () => {
  it('creates a QR whose URL is the sandbox wallet page; paid in the wallet → PAID with the wallet', async () => {
    const d = driver();
    const qr = interpretPrecreate(await d.precreate({ clientSn: 'Q1', amountFen: 1230, subject: '测试', operator: 'x' }));
    expect(qr.kind).toBe('qr');
    const url = (qr as { qrCode: string }).qrCode;
    expect(url.startsWith(`${sb.url}/03080000/1004/`)).toBe(true);
    expect(interpretQuery(await d.query({ clientSn: 'Q1' })).kind).toBe('pending');
    const page = await fetch(`${url}/pay`, { method: 'POST', body: 'wallet=alipay', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(page.status).toBe(303);
    const st = interpretQuery(await d.query({ clientSn: 'Q1' }));
    expect(st).toMatchObject({ kind: 'paid', data: { wallet: 'alipay', totalFen: 1230 } });
  });

  it('a failed scan (F) is not final while the QR is valid; the same wallet may rescan and pay', async () => {
    const d = driver();
    await d.precreate({ clientSn: 'Q2', amountFen: 500, subject: 's', operator: 'x' });
    expect((await control('POST', 'wallet-fail', { orderId: 'Q2', wallet: 'wechat' })).ok).toBe(true);
    expect(interpretQuery(await d.query({ clientSn: 'Q2' })).kind).toBe('pending');
    expect((await control('POST', 'wallet-pay', { orderId: 'Q2', wallet: 'alipay' })).ok).toBe(false);
    expect((await control('POST', 'wallet-pay', { orderId: 'Q2', wallet: 'wechat' })).ok).toBe(true);
    expect(interpretQuery(await d.query({ clientSn: 'Q2' })).kind).toBe('paid');
  });

  it('after the QR expires the bank answers ORDERID_INVALID: shown as expired, and close still closes it', async () => {
    await control('POST', 'config', { maxValidSeconds: 1 });
    const d = driver();
    await d.precreate({ clientSn: 'Q3', amountFen: 500, subject: 's', operator: 'x' });
    await control('POST', 'config', { clockOffsetMs: 2_000 });
    expect(interpretQuery(await d.query({ clientSn: 'Q3' }))).toMatchObject({ kind: 'canceled', expired: true });
    expect(await d.cancel({ clientSn: 'Q3' })).toMatchObject({ kind: 'ok', bizCode: 'CANCEL_SUCCESS' });
  });

  it('cancel of a QR order closes it (close, not cancel) and nobody can pay it afterwards', async () => {
    const d = driver();
    await d.precreate({ clientSn: 'Q4', amountFen: 800, subject: 's', operator: 'x' });
    expect(await d.cancel({ clientSn: 'Q4' })).toMatchObject({ kind: 'ok', bizCode: 'CANCEL_SUCCESS' });
    const reqs = (await control('GET', 'requests')).requests as { api: string }[];
    expect(reqs.map((r) => r.api)).toEqual(['qrcodeapply', 'close']);
    expect((await control('POST', 'wallet-pay', { orderId: 'Q4', wallet: 'wechat' })).ok).toBe(false);
    expect(interpretQuery(await d.query({ clientSn: 'Q4' })).kind).toBe('canceled');
  });

  it('an order id is never reused (ORDERID_DUPLICATION is a refusal, not a success)', async () => {
    const d = driver();
    await d.precreate({ clientSn: 'Q5', amountFen: 100, subject: 's', operator: 'x' });
    expect(interpretPrecreate(await d.precreate({ clientSn: 'Q5', amountFen: 100, subject: 's', operator: 'x' }))).toMatchObject({ kind: 'failed' });
  });
});

describe('unknown outcomes never become success', () => {
  it('SYSTERM_ERROR after the bank charged: pay is unknown, the query then finds it paid', async () => {
    await control('POST', 'faults', { op: 'pay', fault: 'systerm_error_after' });
    const d = driver();
    expect(interpretPay(await d.pay({ clientSn: 'P1', amountFen: 300, dynamicId: '134567890123456789', subject: 's', operator: 'x' })).kind).toBe('unknown');
    expect(interpretQuery(await d.query({ clientSn: 'P1' })).kind).toBe('paid');
  });

  it('a reply signed with the wrong key is unknown even when it says S', async () => {
    await control('POST', 'faults', { op: 'pay', fault: 'bad_signature' });
    const d = driver();
    const out = await d.pay({ clientSn: 'P2', amountFen: 300, dynamicId: '134567890123456789', subject: 's', operator: 'x' });
    expect(out).toMatchObject({ kind: 'unknown', reason: 'malformed' });
    expect(interpretPay(out).kind).toBe('unknown');
  });

  it('the sandbox signs like CMB (padded DER) and the driver still verifies it', async () => {
    await control('POST', 'config', { paddedDer: true });
    const raw = await fetch(`${sb.apiBase}/orderquery`, { method: 'POST', body: '{}' }).then((r) => r.json()) as { sign: string };
    const der = Buffer.from(raw.sign, 'base64');
    expect(der.length).toBe(72);
    expect(interpretQuery(await driver().query({ clientSn: 'none' })).kind).toBe('not_found');
  });

  it('a wrong merchant key gets SIGN_ERROR, a refusal (nothing happened)', async () => {
    const d = driver({ privateKeyHex: '1'.repeat(64) });
    expect(await d.precreate({ clientSn: 'Q6', amountFen: 100, subject: 's', operator: 'x' })).toMatchObject({ kind: 'rejected', errorCode: 'SIGN_ERROR' });
    expect((await control('GET', 'orders')).orders).toEqual([]);
  });
});

describe('payment code (pay) with the SM4 envelope', () => {
  it('pays; without the envelope key the bank refuses', async () => {
    const d = driver();
    expect(interpretPay(await d.pay({ clientSn: 'P3', amountFen: 990, dynamicId: '284567890123456789', subject: 's', operator: 'x' }))).toMatchObject({ kind: 'paid', data: { wallet: 'alipay' } });
    const orders = (await control('GET', 'orders')).orders as { orderId: string; chargeCount: number }[];
    expect(orders).toEqual([expect.objectContaining({ orderId: 'P3', chargeCount: 1 })]);
    // The same pay without encryptKey: the terminal info cannot be opened.
    const cfg = sandboxCmbConfig(sb.url);
    const built = rq.pay(cfg, 'P3b', 100, '284567890123456789', 's');
    const fields = buildRequestFields(built.biz, cfg.privateKeyHex);
    const ts = String(Math.floor(Date.now() / 1000));
    const res = await fetch(`${sb.apiBase}/pay`, { method: 'POST', body: JSON.stringify(fields), headers: { appid: cfg.appId, timestamp: ts, apisign: apiSign(cfg.appId, cfg.appSecret, fields.sign ?? '', ts) } });
    expect(await res.json()).toMatchObject({ returnCode: 'SUCCESS', respCode: 'FAIL', errCode: 'ENCRYPTTERMINALINFO_NOT_LAWFUL' });
  });

  it('password entry: P → PAY_IN_PROGRESS, query until S', async () => {
    await control('POST', 'config', { passwordSeconds: 0.3 });
    const d = driver();
    expect(interpretPay(await d.pay({ clientSn: 'P4', amountFen: 100, dynamicId: '134567890123456711', subject: 's', operator: 'x' })).kind).toBe('pending');
    await new Promise((r) => setTimeout(r, 400));
    expect(interpretQuery(await d.query({ clientSn: 'P4' })).kind).toBe('paid');
  });

  it('the cashier id must match: another cashier cannot see or cancel the order; the driver uses the original one', async () => {
    const first = driver();
    await first.pay({ clientSn: 'P5', amountFen: 100, dynamicId: '134567890123456712', subject: 's', operator: 'x' });
    const other = driver({ userId: 'N003000002' });
    expect(interpretQuery(await other.query({ clientSn: 'P5' })).kind).toBe('unknown'); // USERID_CHECK_FAILED is no answer
    expect(await first.cancel({ clientSn: 'P5' })).toMatchObject({ kind: 'ok', bizCode: 'CANCEL_SUCCESS' });
    const reqs = (await control('GET', 'requests')).requests as { api: string }[];
    expect(reqs.map((r) => r.api)).toEqual(['pay', 'orderquery', 'cancel']);
  });
});

describe('refunds', () => {
  it('refunds part of a paid order with the original amount; the same refund id again does not refund twice', async () => {
    const d = driver();
    await d.pay({ clientSn: 'P6', amountFen: 1000, dynamicId: '284567890123456789', subject: 's', operator: 'x' });
    expect(await d.refund({ clientSn: 'P6', refundRequestNo: 'R1', amountFen: 300, operator: 'x' })).toMatchObject({ bizCode: 'REFUND_SUCCESS' });
    expect(await d.refund({ clientSn: 'P6', refundRequestNo: 'R1', amountFen: 300, operator: 'x' })).toMatchObject({ bizCode: 'REFUND_SUCCESS' });
    expect(await d.refund({ clientSn: 'P6', refundRequestNo: 'R2', amountFen: 800, operator: 'x' })).toMatchObject({ bizCode: 'REFUND_FAIL', errorCode: 'NOT_ENOUGH' });
    const [o] = (await control('GET', 'orders')).orders as { refunds: unknown[] }[];
    expect(o?.refunds).toHaveLength(1);
  });
});
