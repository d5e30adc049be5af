import { describe, expect, it } from 'vitest';
import type { AggOutcome } from '../../../../../main/aggregator/types';
import { msg } from '../../../../../preload/messages';
import { runFixture, makeDriver } from './harness';
import { ALL_FIXTURES, allLeavesAreStrings, replay, loadFixture, TERMINAL } from './replay';

type Ok = Extract<AggOutcome, { kind: 'ok' }>;

function okOf(o: unknown): Ok {
  expect(o).toMatchObject({ kind: 'ok' });
  return o as Ok;
}

describe('upay wire format (recorded exchanges)', () => {
  it.each(ALL_FIXTURES)('%s: sends the recorded bytes, signed md5(body+key), every value a string', async (name) => {
    const { sent } = await runFixture(name);
    expect(sent.length).toBeGreaterThan(0);
    for (const s of sent) {
      expect(allLeavesAreStrings(JSON.parse(s.body))).toBe(true);
      expect(s.headers.Authorization).toMatch(/^\d+ [0-9a-f]{32}$/);
      expect(Object.keys(s.headers).sort()).toEqual(['Authorization', 'Content-Type']);
    }
  });

  it('passes the default 15 s timeout, or the configured one, to the transport', async () => {
    const fx = loadFixture('pay-success');
    const a = replay(fx.exchanges);
    await makeDriver(a.http).pay(fx.call.args as never);
    expect(a.sent[0]?.timeoutMs).toBe(15_000);
    const b = replay(fx.exchanges);
    await makeDriver(b.http, undefined, { timeoutMs: 3000 }).pay(fx.call.args as never);
    expect(b.sent[0]?.timeoutMs).toBe(3000);
  });

  it('pay never sends payway; precreate always sends payway and sub_payway 2, and without payway sends nothing', async () => {
    const pay = await runFixture('pay-success');
    expect(JSON.parse(pay.sent[0]!.body)).not.toHaveProperty('payway');
    const r = replay([]);
    // precreate.md marks payway required: the one-QR-for-all is unifiedQr (the WAP gateway), never a payway-less precreate
    expect(await makeDriver(r.http).precreate({ clientSn: 'a', amountFen: 1, subject: 's', operator: 'o' })).toMatchObject({ kind: 'rejected', errorCode: 'INVALID_PARAMS', message: expect.stringContaining('payway') });
    expect(r.sent).toEqual([]);
    const wechat = await runFixture('precreate-wechat');
    expect(JSON.parse(wechat.sent[0]!.body)).toMatchObject({ payway: '3', sub_payway: '2' });
  });
});

describe('upay business outcomes', () => {
  it('PAY_SUCCESS maps the order: wallet, fen, ms time, raw data as received', async () => {
    const { result, fixture } = await runFixture('pay-success');
    const ok = okOf(result);
    expect(ok.bizCode).toBe('PAY_SUCCESS');
    expect(ok.errorCode).toBeUndefined();
    const rawData = JSON.parse(fixture.exchanges[0]!.response!.body).biz_response.data;
    expect(ok.data).toEqual({
      sn: '7894259244067218', clientSn: 'YM20250101-0001', tradeNo: '4200002345202501011234567890',
      orderStatus: 'PAID', status: 'SUCCESS', wallet: 'wechat', payway: '3', totalFen: 1230, netFen: 1230,
      finishTime: 1735700000123, payerLogin: 'wx_user', raw: rawData,
    });
  });

  it('PAY_IN_PROGRESS: order CREATED, empty strings are not turned into values', async () => {
    const ok = okOf((await runFixture('pay-in-progress')).result);
    expect(ok.bizCode).toBe('PAY_IN_PROGRESS');
    expect(ok.data?.orderStatus).toBe('CREATED');
    expect(ok.data?.finishTime).toBeUndefined();
    expect(ok.data?.tradeNo).toBeUndefined();
  });

  it('PAY_FAIL with EXPIRED_BARCODE keeps the business error and the canceled order', async () => {
    const ok = okOf((await runFixture('pay-fail-expired-barcode')).result);
    expect(ok).toMatchObject({ bizCode: 'PAY_FAIL', errorCode: 'EXPIRED_BARCODE', message: '过期的支付条码' });
    expect(ok.data?.orderStatus).toBe('PAY_CANCELED');
    expect(ok.data?.netFen).toBe(0);
  });

  it('PAY_FAIL_ERROR is passed through with PAY_ERROR (caller must not hand over goods)', async () => {
    const ok = okOf((await runFixture('pay-fail-error')).result);
    expect(ok).toMatchObject({ bizCode: 'PAY_FAIL_ERROR', errorCode: 'UNEXPECTED_PROVIDER_ERROR' });
    expect(ok.data?.orderStatus).toBe('PAY_ERROR');
  });

  it('CLIENT_SN_CONFLICT without data', async () => {
    const ok = okOf((await runFixture('pay-client-sn-conflict')).result);
    expect(ok).toEqual({ kind: 'ok', bizCode: 'PAY_FAIL', errorCode: 'CLIENT_SN_CONFLICT', message: 'client_sn在系统中不唯一' });
  });

  it('precreate returns the wallet QR content and the wallet of its payway', async () => {
    const w = okOf((await runFixture('precreate-wechat')).result);
    expect(w.bizCode).toBe('PRECREATE_SUCCESS');
    expect(w.data?.qrCode).toBe('weixin://wxpay/bizpayurl?pr=abc');
    expect(w.data?.wallet).toBe('wechat');
  });

  it('query: payway 2 is alipay; UPAY_ORDER_NOT_EXISTS is a FAIL without data', async () => {
    const paid = okOf((await runFixture('query-paid-alipay')).result);
    expect(paid.data).toMatchObject({ wallet: 'alipay', orderStatus: 'PAID', totalFen: 500, clientSn: 'YM20250101-0002' });
    const none = okOf((await runFixture('query-not-exists')).result);
    expect(none).toEqual({ kind: 'ok', bizCode: 'FAIL', errorCode: 'UPAY_ORDER_NOT_EXISTS', message: '订单不存在' });
  });

  it('cancel, revoke and refund map their order states', async () => {
    expect(okOf((await runFixture('cancel-success')).result).data?.orderStatus).toBe('CANCELED');
    expect(okOf((await runFixture('revoke-success')).result).bizCode).toBe('CANCEL_SUCCESS');
    const refund = okOf((await runFixture('refund-partial')).result);
    expect(refund).toMatchObject({ bizCode: 'REFUND_SUCCESS', data: { orderStatus: 'PARTIAL_REFUNDED', totalFen: 1230, netFen: 1000 } });
  });

  it('statement returns the CSV, and null when the platform answers 404', async () => {
    const day = await runFixture('statement-day');
    expect(day.result).toEqual({ ok: true, csv: 'sn,client_sn,total_amount\n7894259244067218,YM20250101-0001,1230\n' });
    expect((await runFixture('statement-not-offered')).result).toBeNull();
  });
});

describe('refused before sending', () => {
  it('without credentials every terminal call is rejected INVALID_TERMINAL and nothing is sent', async () => {
    const r = replay([]);
    const d = makeDriver(r.http, undefined, { credentials: { get: () => null, set: () => undefined } });
    const expected = { kind: 'rejected', errorCode: 'INVALID_TERMINAL', message: '终端未激活' };
    expect(await d.pay({ clientSn: 'a', amountFen: 1, dynamicId: '134567890123456789', subject: 's', operator: 'o' })).toEqual(expected);
    expect(await d.precreate({ clientSn: 'a', amountFen: 1, subject: 's', operator: 'o', payway: '3' })).toEqual(expected);
    expect(await d.query({ clientSn: 'a' })).toEqual(expected);
    expect(await d.cancel({ clientSn: 'a' })).toEqual(expected);
    expect(await d.revoke({ clientSn: 'a' })).toEqual(expected);
    expect(await d.refund({ clientSn: 'a', refundRequestNo: 'r', amountFen: 1, operator: 'o' })).toEqual(expected);
    expect(await d.checkin()).toMatchObject({ ok: false, definite: true, errorCode: 'INVALID_TERMINAL' });
    expect(await d.statement('2025-01-01')).toEqual({ ok: false, message: msg('stmt.fetchFailed', { reasonMsg: msg('platform.invalidTerminal') }) });
    expect(r.sent).toHaveLength(0);
  });

  it.each([
    ['fractional fen', { amountFen: 12.5 }],
    ['zero', { amountFen: 0 }],
    ['negative', { amountFen: -100 }],
    ['more than 10 digits', { amountFen: 10_000_000_000 }],
  ])('pay with %s amount is rejected INVALID_PARAMS without a request', async (_label, patch) => {
    const r = replay([]);
    const out = await makeDriver(r.http).pay({ clientSn: 'a', dynamicId: '134567890123456789', subject: 's', operator: 'o', ...patch });
    expect(out).toMatchObject({ kind: 'rejected', errorCode: 'INVALID_PARAMS' });
    expect(r.sent).toHaveLength(0);
  });

  it('query/refund without sn or client_sn, and a bad statement date, are refused locally', async () => {
    const r = replay([]);
    const d = makeDriver(r.http);
    expect(await d.query({})).toMatchObject({ kind: 'rejected', errorCode: 'INVALID_PARAMS' });
    expect(await d.refund({ refundRequestNo: 'r', amountFen: 1, operator: 'o' })).toMatchObject({ kind: 'rejected', errorCode: 'INVALID_PARAMS' });
    expect(await d.statement('2025/01/01')).toMatchObject({ ok: false });
    expect(r.sent).toHaveLength(0);
  });

  it('query addresses by sn when both sn and client_sn are given (both are sent, sn wins at Upay)', async () => {
    const r = replay([]);
    await makeDriver(r.http).query({ sn: '7894259244067218', clientSn: 'YM1' });
    expect(JSON.parse(r.sent[0]!.body)).toEqual({ terminal_sn: TERMINAL.terminalSn, sn: '7894259244067218', client_sn: 'YM1' });
  });
});
