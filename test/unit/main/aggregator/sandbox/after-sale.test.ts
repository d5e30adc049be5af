import { describe, expect, it } from 'vitest';
import { activate, newClientSn, orderByClientSn, payFields, precreateFields, sandbox, upay, wechatCode } from './helpers';

const refundFields = (no: string, amount: string) => ({ refund_request_no: no, refund_amount: amount, operator: 'manager' });

describe('sandbox query and cancel (冲正)', () => {
  it('query: unknown order → FAIL UPAY_ORDER_NOT_EXISTS; sn wins over client_sn', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    expect((await upay(s.url, t, 'query', { client_sn: 'never-seen' })).biz).toMatchObject({ result_code: 'FAIL', error_code: 'UPAY_ORDER_NOT_EXISTS' });
    const a = await upay(s.url, t, 'pay', payFields(newClientSn(), wechatCode()));
    const b = await upay(s.url, t, 'pay', payFields(newClientSn(), wechatCode('01')));
    const q = await upay(s.url, t, 'query', { sn: a.biz.data?.sn as string, client_sn: b.biz.data?.client_sn as string });
    expect(q.biz.data?.sn).toBe(a.biz.data?.sn);
  });

  it('cancel: CREATED → CANCELED; repeated cancel stays CANCEL_SUCCESS; unknown → UPAY_ORDER_NOT_EXISTS', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    await upay(s.url, t, 'precreate', precreateFields(clientSn));
    const c1 = await upay(s.url, t, 'cancel', { client_sn: clientSn });
    expect(c1.biz.result_code).toBe('CANCEL_SUCCESS');
    expect(c1.biz.data?.order_status).toBe('CANCELED');
    const c2 = await upay(s.url, t, 'cancel', { client_sn: clientSn });
    expect(c2.biz.result_code).toBe('CANCEL_SUCCESS');
    expect((await upay(s.url, t, 'cancel', { client_sn: 'nope' })).biz).toMatchObject({ result_code: 'FAIL', error_code: 'UPAY_ORDER_NOT_EXISTS' });
    // the client_sn is spent after the cancel
    expect((await upay(s.url, t, 'precreate', precreateFields(clientSn))).biz.error_code).toBe('CLIENT_SN_CONFLICT');
  });

  it('cancel of a PAID order gives the money back: CANCELED with net 0', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    await upay(s.url, t, 'pay', payFields(clientSn, wechatCode(), '800'));
    const c = await upay(s.url, t, 'cancel', { client_sn: clientSn });
    expect(c.biz.result_code).toBe('CANCEL_SUCCESS');
    expect(c.biz.data).toMatchObject({ order_status: 'CANCELED', net_amount: '0', total_amount: '800' });
    const o = await orderByClientSn(s.url, clientSn);
    expect(o?.chargeCount).toBe(1);
    expect(o?.reversal).toMatchObject({ kind: 'cancel', amountFen: 800 });
  });
});

describe('sandbox refunds', () => {
  it('partial then full refund; the same refund_request_no never refunds twice', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    const paid = await upay(s.url, t, 'pay', payFields(clientSn, wechatCode(), '1000'));
    const sn = paid.biz.data?.sn as string;

    const r1 = await upay(s.url, t, 'refund', { sn, ...refundFields('R1', '300') });
    expect(r1.biz.result_code).toBe('REFUND_SUCCESS');
    expect(r1.biz.data).toMatchObject({ order_status: 'PARTIAL_REFUNDED', net_amount: '700' });
    const r1again = await upay(s.url, t, 'refund', { sn, ...refundFields('R1', '300') });
    expect(r1again.biz.result_code).toBe('REFUND_SUCCESS');
    expect(r1again.biz.data?.net_amount).toBe('700');

    const tooMuch = await upay(s.url, t, 'refund', { client_sn: clientSn, ...refundFields('R2', '701') });
    expect(tooMuch.biz).toMatchObject({ result_code: 'FAIL', error_code: 'REFUNDABLE_AMOUNT_NOT_ENOUGH' });

    const r2 = await upay(s.url, t, 'refund', { client_sn: clientSn, ...refundFields('R2', '700') });
    expect(r2.biz.data).toMatchObject({ order_status: 'REFUNDED', net_amount: '0' });
    expect((await upay(s.url, t, 'query', { sn })).biz.data).toMatchObject({ order_status: 'REFUNDED', net_amount: '0' });
    const o = await orderByClientSn(s.url, clientSn);
    expect(o?.refunds).toHaveLength(2);
    expect(o?.netFen).toBe(0);
  });

  it('refuses refunds of orders that were never paid, and of unknown orders', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    await upay(s.url, t, 'precreate', precreateFields(clientSn));
    expect((await upay(s.url, t, 'refund', { client_sn: clientSn, ...refundFields('R1', '1') })).biz.error_code).toBe('UPAY_REFUND_INVALID_ORDER_STATE');
    expect((await upay(s.url, t, 'refund', { client_sn: 'nope', ...refundFields('R1', '1') })).biz.error_code).toBe('UPAY_ORDER_NOT_EXISTS');
  });
});

describe('sandbox revoke (same-day void)', () => {
  it('voids a PAID order once, in full', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const clientSn = newClientSn();
    await upay(s.url, t, 'pay', payFields(clientSn, wechatCode(), '500'));
    const r = await upay(s.url, t, 'revoke', { client_sn: clientSn });
    expect(r.biz.result_code).toBe('CANCEL_SUCCESS');
    expect(r.biz.data).toMatchObject({ order_status: 'CANCELED', net_amount: '0' });
    expect((await upay(s.url, t, 'revoke', { client_sn: clientSn })).biz.result_code).toBe('CANCEL_SUCCESS');
    const o = await orderByClientSn(s.url, clientSn);
    expect(o?.reversal).toMatchObject({ kind: 'revoke', amountFen: 500 });
    expect((await upay(s.url, t, 'refund', { client_sn: clientSn, ...refundFields('R1', '1') })).biz.error_code).toBe('UPAY_REFUND_INVALID_ORDER_STATE');
  });

  it('refuses after a refund and on a later day', async () => {
    let now = new Date(2026, 2, 1, 10, 0, 0).getTime();
    const s = await sandbox({ clock: () => now });
    const t = await activate(s.url);
    const refunded = newClientSn();
    await upay(s.url, t, 'pay', payFields(refunded, wechatCode()));
    await upay(s.url, t, 'refund', { client_sn: refunded, ...refundFields('R1', '1') });
    expect((await upay(s.url, t, 'revoke', { client_sn: refunded })).biz).toMatchObject({ result_code: 'FAIL', error_code: 'UPAY_CANCEL_INVALID_ORDER_STATE' });

    const yesterday = newClientSn();
    await upay(s.url, t, 'pay', payFields(yesterday, wechatCode()));
    now += 24 * 3600_000;
    const late = await upay(s.url, t, 'revoke', { client_sn: yesterday });
    expect(late.biz.result_code).toBe('FAIL');
    expect(late.biz.error_message).toContain('当天');
    expect((await upay(s.url, t, 'query', { client_sn: yesterday })).biz.data?.order_status).toBe('PAID');
  });
});
