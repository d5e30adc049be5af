import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { interpretCancel, interpretPay, interpretPrecreate, interpretQuery } from '../../../../main/checkout/interpret';
import { cancelOk, notFound, ok, order, queryAnswer, rejected, unknown } from './agg-fixtures';

describe('interpretQuery: what a status query means for the order', () => {
  it.each(['PAID', 'REFUNDED', 'PARTIAL_REFUNDED', 'REFUND_ERROR'])('%s → paid (the customer was charged), with the order data', (status) => {
    const s = interpretQuery(queryAnswer(status, { totalFen: 999 }));
    expect(s).toMatchObject({ kind: 'paid', data: { orderStatus: status, totalFen: 999 } });
  });

  it.each(['CREATED', 'CANCEL_INPROGRESS'])('%s → pending (keep polling)', (status) => {
    expect(interpretQuery(queryAnswer(status))).toMatchObject({ kind: 'pending', data: { orderStatus: status } });
  });

  it('PAY_CANCELED after a QR timeout → canceled and expired', () => {
    expect(interpretQuery(ok('SUCCESS', order('PAY_CANCELED'), { errorCode: 'TRADE_TIMEOUT' }))).toMatchObject({ kind: 'canceled', expired: true, message: '交易超时自动撤单' });
    expect(interpretQuery(ok('SUCCESS', order('PAY_CANCELED'), { message: '订单已超时关闭' }))).toMatchObject({ kind: 'canceled', expired: true, message: '订单已超时关闭' });
    expect(interpretQuery(ok('SUCCESS', order('PAY_CANCELED'), { message: '二维码已过期' }))).toMatchObject({ kind: 'canceled', expired: true });
  });

  it('PAY_CANCELED by the customer → canceled, not expired', () => {
    expect(interpretQuery(queryAnswer('PAY_CANCELED'))).toMatchObject({ kind: 'canceled', expired: false, message: '顾客已取消支付' });
  });

  it('CANCELED (冲正/撤单) → canceled with the platform message or 订单已撤销', () => {
    expect(interpretQuery(queryAnswer('CANCELED'))).toMatchObject({ kind: 'canceled', expired: false, message: '订单已撤销' });
    expect(interpretQuery(ok('SUCCESS', order('CANCELED'), { message: '已冲正' }))).toMatchObject({ kind: 'canceled', message: '已冲正' });
  });

  it.each(['PAY_ERROR', 'CANCEL_ERROR', 'INVALID_STATUS_CODE', 'SOMETHING_NEW'])('%s → error_state (platform unsure), never paid or canceled', (status) => {
    expect(interpretQuery(queryAnswer(status))).toEqual({ kind: 'error_state', message: `订单状态 ${status}` });
  });

  it.each(['UPAY_ORDER_NOT_EXISTS', 'TRADE_NOT_EXIST', 'ORDER_NOT_EXISTS'])('%s → not_found', (code) => {
    expect(interpretQuery(ok('FAIL', undefined, { errorCode: code }))).toEqual({ kind: 'not_found' });
  });

  it('a transport failure or a refused query tells us nothing → unknown (never a guess)', () => {
    // No answer: the cashier reads why (timeout), the technical text goes to the log.
    expect(interpretQuery(unknown('连接超时'))).toEqual({ kind: 'unknown', message: '请求超时，结果未知' });
    expect(interpretQuery(rejected('ILLEGAL_SIGN', '签名错误'))).toEqual({ kind: 'unknown', message: '签名错误' });
  });

  it('an answer without order data → unknown', () => {
    expect(interpretQuery(ok('SUCCESS'))).toEqual({ kind: 'unknown', message: 'SUCCESS（无订单数据）' });
    expect(interpretQuery(ok('FAIL', undefined, { errorCode: 'X', message: '系统繁忙' }))).toEqual({ kind: 'unknown', message: '系统繁忙' });
  });
});

describe('interpretPay: the answer to charging a customer payment code', () => {
  it('PAY_SUCCESS with data → paid; without data → unknown (we must query, not assume)', () => {
    expect(interpretPay(ok('PAY_SUCCESS', order('PAID')))).toMatchObject({ kind: 'paid', data: { orderStatus: 'PAID' } });
    expect(interpretPay(ok('PAY_SUCCESS'))).toEqual({ kind: 'unknown', message: '支付成功但无订单数据' });
  });

  it('PAY_FAIL / FAIL → failed with the reason the cashier reads out', () => {
    expect(interpretPay(ok('PAY_FAIL', order('PAY_CANCELED'), { errorCode: 'INSUFFICIENT_FUND', message: '余额不足' }))).toEqual({ kind: 'failed', message: '余额不足' });
    expect(interpretPay(ok('FAIL', undefined, { errorCode: 'CLIENT_SN_CONFLICT' }))).toEqual({ kind: 'failed', message: 'CLIENT_SN_CONFLICT' });
    expect(interpretPay(ok('PAY_FAIL'))).toEqual({ kind: 'failed', message: '支付失败' });
  });

  it('PAY_IN_PROGRESS → pending (password entry)', () => {
    expect(interpretPay(ok('PAY_IN_PROGRESS', order('CREATED')))).toMatchObject({ kind: 'pending', data: { orderStatus: 'CREATED' } });
  });

  it('a refused request → failed (nothing was done); an unknown answer → unknown', () => {
    expect(interpretPay(rejected('INVALID_PARAMS', 'dynamic_id 必填'))).toEqual({ kind: 'failed', message: 'dynamic_id 必填' });
    expect(interpretPay(rejected('INVALID_TERMINAL', ''))).toEqual({ kind: 'failed', message: '终端不存在或未激活' });
    expect(interpretPay(unknown('socket hang up'))).toEqual({ kind: 'unknown', message: '请求超时，结果未知' });
  });

  it('PAY_FAIL_ERROR and any other business code → unknown (the charge may have happened)', () => {
    expect(interpretPay(ok('PAY_FAIL_ERROR', undefined, { message: '支付失败，状态未知' }))).toEqual({ kind: 'unknown', message: '支付失败，状态未知' });
    expect(interpretPay(ok('PAY_FAIL_IN_PROGRESS'))).toEqual({ kind: 'unknown', message: 'PAY_FAIL_IN_PROGRESS（无订单数据）' });
  });
});

describe('interpretPrecreate: the answer to creating a dynamic QR', () => {
  it('PRECREATE_SUCCESS with a qr_code → the QR to draw', () => {
    const r = interpretPrecreate(ok('PRECREATE_SUCCESS', order('CREATED', { qrCode: 'http://127.0.0.1/qr/abc' })));
    expect(r).toMatchObject({ kind: 'qr', qrCode: 'http://127.0.0.1/qr/abc' });
  });

  it('PRECREATE_SUCCESS without a qr_code → unknown, never an empty QR', () => {
    expect(interpretPrecreate(ok('PRECREATE_SUCCESS', order('CREATED')))).toEqual({ kind: 'unknown', message: 'PRECREATE_SUCCESS（无订单数据）' });
  });

  it('PRECREATE_FAIL / FAIL / refused → failed; unknown answer → unknown', () => {
    expect(interpretPrecreate(ok('PRECREATE_FAIL', undefined, { message: '商户状态异常' }))).toEqual({ kind: 'failed', message: '商户状态异常' });
    expect(interpretPrecreate(ok('FAIL', undefined, { errorCode: 'CLIENT_SN_CONFLICT' }))).toEqual({ kind: 'failed', message: 'CLIENT_SN_CONFLICT' });
    expect(interpretPrecreate(ok('FAIL'))).toEqual({ kind: 'failed', message: '下单失败' });
    expect(interpretPrecreate(rejected('INVALID_PARAMS', 'subject 必填'))).toEqual({ kind: 'failed', message: 'subject 必填' });
    expect(interpretPrecreate(unknown('HTTP 502'))).toEqual({ kind: 'unknown', message: '请求超时，结果未知' });
  });
});

describe('interpretCancel: the answer to 冲正', () => {
  it('CANCEL_SUCCESS and CANCEL_ABORT_SUCCESS → canceled', () => {
    expect(interpretCancel(cancelOk)).toBe('canceled');
    expect(interpretCancel(ok('CANCEL_ABORT_SUCCESS'))).toBe('canceled');
  });

  it('order not found → not_found', () => {
    expect(interpretCancel(notFound)).toBe('not_found');
  });

  it('CANCEL_ERROR, CANCEL_IN_PROGRESS, FAIL, refused or no answer → unclear', () => {
    for (const out of [ok('CANCEL_ERROR'), ok('CANCEL_IN_PROGRESS'), ok('FAIL', undefined, { errorCode: 'UPAY_CANCEL_INVALID_ORDER_STATE' }), rejected(), unknown()]) {
      expect(interpretCancel(out)).toBe('unclear');
    }
  });
});
