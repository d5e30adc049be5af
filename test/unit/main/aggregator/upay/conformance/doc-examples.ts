/**
 * The 收钱吧 documentation's own examples (WoSai/shouqianba-doc @ d659dbc), each naming the page it
 * came from. Bodies are copied as printed, except where noted (`fixed`): the docs have a few
 * typos that a real platform answer would not carry (keys with a trailing space, trailing commas).
 */

export type DocOp = 'activate' | 'checkin' | 'pay' | 'precreate' | 'query' | 'cancel' | 'refund' | 'revoke';

/** What the driver must make of the answer. */
export type Expected =
  | { kind: 'ok'; bizCode: string; errorCode?: string; orderStatus?: string; wallet?: string; totalFen?: number; netFen?: number; notFound?: boolean }
  | { kind: 'rejected'; errorCode: string }
  | { kind: 'unknown'; reason: string }
  | { kind: 'terminal'; terminalSn: string; terminalKey: string };

export interface ResponseExample {
  name: string;
  source: string;
  op: DocOp;
  body: string;
  fixed?: string;
  expect: Expected;
  /** Documented keys the sandbox does not model (merchant back-office data it has no source for). */
  notModelled?: readonly string[];
}

const j = (v: unknown): string => JSON.stringify(v);

export const RESPONSE_EXAMPLES: readonly ResponseExample[] = [
  {
    name: 'pay PAY_SUCCESS', source: 'zh-cn/api/interface/pay.md', op: 'pay',
    body: j({ result_code: '200', biz_response: { result_code: 'PAY_SUCCESS', data: {
      sn: '7893259247405832', client_sn: 'w145206259311176', client_tsn: 'w145206259311176', ctime: '1492506701411', status: 'SUCCESS',
      payway: '3', sub_payway: '1', order_status: 'PAID', payer_login: 'oyBevtwYm70JVPTFyGlvmKW3IO9U', payer_uid: 'oSTAxt7Rkjr7Jtk0vtf-cFWiHjcs',
      trade_no: '4003262001201704187463804544', total_amount: '101', net_amount: '101', finish_time: '1492506702864', channel_finish_time: '1492506702000',
      subject: 'Apple iPhone 6s plus (A1699) 16G 玫瑰金色 移动联通电信4G手机', store_id: '100ed809-af9a-11e5-9ec3-00163e00625b', operator: 'test',
      payment_list: [{ type: 'BANKCARD_DEBIT', amount_total: '1' }, { type: 'DISCOUNT_CHANNEL_MCH', amount_total: '100' }],
    } } }),
    expect: { kind: 'ok', bizCode: 'PAY_SUCCESS', orderStatus: 'PAID', wallet: 'wechat', totalFen: 101, netFen: 101 },
    notModelled: ['client_tsn', 'payer_uid', 'store_id', 'payment_list'],
  },
  {
    // The example prints the key as "total_amount " (trailing space) and ctime as a date: no
    // readable amount → the driver cannot trust it → unknown, and the caller queries (which is
    // what PAY_IN_PROGRESS asks for anyway, pay.md / apiflow.md).
    name: 'pay PAY_IN_PROGRESS (as printed)', source: 'zh-cn/api/interface/pay.md', op: 'pay',
    body: j({ result_code: '200', biz_response: { result_code: 'PAY_IN_PROGRESS', data: {
      sn: '789200393929142', client_sn: '230202l2-2-2002', trade_no: '0019101002020384822248', ctime: '2015-11-01 18:01:00',
      status: 'IN_PROG', order_status: 'CREATED', 'total_amount ': '1000',
    } } }),
    expect: { kind: 'unknown', reason: 'malformed' },
  },
  {
    name: 'pay PAY_IN_PROGRESS (key fixed)', source: 'zh-cn/api/interface/pay.md', op: 'pay', fixed: '"total_amount " → "total_amount"',
    body: j({ result_code: '200', biz_response: { result_code: 'PAY_IN_PROGRESS', data: {
      sn: '789200393929142', client_sn: '230202l2-2-2002', trade_no: '0019101002020384822248', ctime: '2015-11-01 18:01:00',
      status: 'IN_PROG', order_status: 'CREATED', total_amount: '1000',
    } } }),
    expect: { kind: 'ok', bizCode: 'PAY_IN_PROGRESS', orderStatus: 'CREATED', totalFen: 1000 },
  },
  {
    name: 'pay PAY_FAIL EXPIRED_BARCODE', source: 'zh-cn/api/interface/pay.md', op: 'pay',
    body: j({ result_code: '200', biz_response: { result_code: 'PAY_FAIL', error_code: 'EXPIRED_BARCODE', error_message: '过期的支付条码', data: {
      sn: '7894259244067344', client_sn: '12345677767776', status: 'FAIL_CANCELED', payway: '3', sub_payway: '1',
      order_status: 'PAY_CANCELED', total_amount: '1', net_amount: '1', finish_time: '1449569494595',
    } } }),
    expect: { kind: 'ok', bizCode: 'PAY_FAIL', errorCode: 'EXPIRED_BARCODE', orderStatus: 'PAY_CANCELED', wallet: 'wechat', totalFen: 1, netFen: 1 },
  },
  {
    name: 'pay 400 INVALID_PARAMS', source: 'zh-cn/api/interface/pay.md', op: 'pay',
    body: j({ result_code: '400', error_code: 'INVALID_PARAMS', error_message: 'total_amount金额为整数，长度不超过10位，以分为单位' }),
    expect: { kind: 'rejected', errorCode: 'INVALID_PARAMS' },
  },
  {
    name: 'precreate PRECREATE_SUCCESS', source: 'zh-cn/api/interface/precreate.md', op: 'precreate', fixed: '"operator " / "subject " → "operator" / "subject"',
    body: j({ result_code: '200', biz_response: { result_code: 'PRECREATE_SUCCESS', data: {
      sn: '7894259244096169', client_sn: '765432112', status: 'IN_PROG', order_status: 'CREATED', total_amount: '1', net_amount: '1',
      operator: '张三丰', subject: 'coca cola', qr_code: 'https://qr.alipay.com/bax8z75ihyoqpgkv5f',
    } } }),
    expect: { kind: 'ok', bizCode: 'PRECREATE_SUCCESS', orderStatus: 'CREATED', totalFen: 1, netFen: 1 },
  },
  {
    name: 'query SUCCESS PAID', source: 'zh-cn/api/interface/query.md', op: 'query',
    body: j({ biz_response: { result_code: 'SUCCESS', data: {
      client_tsn: '726d47ded14818c906cd1a006d4e5050', store_id: 'test', subject: 'test', payway: '2',
      description: '[{"id":"","name":"未命名商品","num":"1","price":"3000"}]\n',
      payment_list: [{ type: 'BANKCARD_DEBIT', amount_total: '1' }, { type: 'DISCOUNT_CHANNEL_MCH', amount_total: '100' }],
      client_sn: 'test', operator: 'test', sub_payway: '1', order_status: 'PAID', total_amount: '300000', ctime: '1498446309605',
      sn: '7895259867120667', net_amount: '0', terminal_id: 'a2369b8b-546f-42e1-baec-e1d54690bab8', status: 'SUCCESS',
    } }, result_code: '200' }),
    expect: { kind: 'ok', bizCode: 'SUCCESS', orderStatus: 'PAID', wallet: 'alipay', totalFen: 300000 },
    notModelled: ['client_tsn', 'store_id', 'description', 'payment_list', 'terminal_id'],
  },
  {
    name: 'query FAIL UPAY_ORDER_NOT_EXISTS', source: 'zh-cn/api/annex/resultCode.md (code), en/api/transaction/pay.md (FAIL + not found)', op: 'query',
    body: j({ result_code: '200', biz_response: { result_code: 'FAIL', error_code: 'UPAY_ORDER_NOT_EXISTS', error_message: '订单不存在' } }),
    expect: { kind: 'ok', bizCode: 'FAIL', errorCode: 'UPAY_ORDER_NOT_EXISTS', notFound: true },
  },
  {
    name: 'query FAIL UPAY_ORDER_NOT_EXIST (English spelling)', source: 'en/api/transaction/appendix.md', op: 'query',
    body: j({ result_code: '200', biz_response: { result_code: 'FAIL', error_code: 'UPAY_ORDER_NOT_EXIST', error_message: 'order does not exist' } }),
    expect: { kind: 'ok', bizCode: 'FAIL', errorCode: 'UPAY_ORDER_NOT_EXIST', notFound: true },
  },
  {
    name: 'refund REFUND_SUCCESS', source: 'zh-cn/api/interface/refund.md', op: 'refund',
    body: j({ result_code: '200', biz_response: { result_code: 'REFUND_SUCCESS', data: {
      sn: '7894259244067218', client_sn: '12345677767776', status: 'SUCCESS', payway: '3', sub_payway: '1', order_status: 'REFUNDED',
      trade_no: '2006101016201512080095793262', total_amount: '1', net_amount: '0', finish_time: '1449563206776', channel_finish_time: '1449563206632',
    } } }),
    expect: { kind: 'ok', bizCode: 'REFUND_SUCCESS', orderStatus: 'REFUNDED', wallet: 'wechat', totalFen: 1, netFen: 0 },
  },
  {
    name: 'refund FAIL UPAY_REFUND_INVALID_ORDER_STATE', source: 'zh-cn/api/interface/refund.md', op: 'refund',
    body: j({ result_code: '200', biz_response: { result_code: 'FAIL', error_code: 'UPAY_REFUND_INVALID_ORDER_STATE', error_message: '订单已全额退款,可退金额不足' } }),
    expect: { kind: 'ok', bizCode: 'FAIL', errorCode: 'UPAY_REFUND_INVALID_ORDER_STATE' },
  },
  {
    name: 'cancel CANCEL_SUCCESS', source: 'zh-cn/api/interface/revoke&cancel.md', op: 'cancel',
    body: j({ result_code: '200', biz_response: { result_code: 'CANCEL_SUCCESS', data: {
      sn: '7894259244064831', client_sn: '22345677767776', status: 'SUCCESS', payway: '3', sub_payway: '1', order_status: 'CANCELED',
      total_amount: '1', net_amount: '0', finish_time: '1450090828489', subject: 'wx', store_id: '49',
    } } }),
    expect: { kind: 'ok', bizCode: 'CANCEL_SUCCESS', orderStatus: 'CANCELED', wallet: 'wechat', totalFen: 1, netFen: 0 },
    notModelled: ['store_id'],
  },
  {
    name: 'revoke CANCEL_ERROR UPAY_TCP_ORDER_NOT_REFUNDABLE', source: 'zh-cn/api/interface/revoke&cancel.md, en/api/transaction/cancel.md', op: 'revoke',
    body: j({ result_code: '200', biz_response: { result_code: 'CANCEL_ERROR', error_code: 'UPAY_TCP_ORDER_NOT_REFUNDABLE', error_message: '订单7894259244061958参与了活动并且无法撤销' } }),
    expect: { kind: 'ok', bizCode: 'CANCEL_ERROR', errorCode: 'UPAY_TCP_ORDER_NOT_REFUNDABLE' },
  },
  {
    name: 'activate', source: 'zh-cn/api/interface/activate.md', op: 'activate',
    body: j({ result_code: '200', biz_response: { terminal_sn: '10298371039', terminal_key: '68d499beda5f72116592f5c527465656' } }),
    expect: { kind: 'terminal', terminalSn: '10298371039', terminalKey: '68d499beda5f72116592f5c527465656' },
  },
  {
    name: 'checkin', source: 'zh-cn/api/interface/checkin.md', op: 'checkin',
    body: j({ result_code: '200', biz_response: { terminal_sn: '10298371039', terminal_key: '68d499beda5f72116592f5c527465656' } }),
    expect: { kind: 'terminal', terminalSn: '10298371039', terminalKey: '68d499beda5f72116592f5c527465656' },
  },
  {
    name: '400 client error (trailing comma fixed)', source: 'zh-cn/api/annex/responseExample.md', op: 'query', fixed: 'trailing comma removed',
    body: j({ result_code: '400', error_code: 'TERMINAL_NOT_EXISTS', error_message: '不存在这个终端' }),
    expect: { kind: 'rejected', errorCode: 'TERMINAL_NOT_EXISTS' },
  },
  {
    name: '500 UNKNOWN_SYSTEM_ERROR (trailing comma fixed)', source: 'zh-cn/api/annex/responseExample.md', op: 'pay', fixed: 'trailing comma removed',
    body: j({ result_code: '500', error_code: 'UNKNOWN_SYSTEM_ERROR', error_message: '未知的系统错误' }),
    expect: { kind: 'unknown', reason: 'server_error' },
  },
  {
    // Printed with a trailing comma: not JSON. Whatever a proxy sends like this, the outcome is unknown.
    name: '500 MAINTENANCE_INPROGRESS (as printed, invalid JSON)', source: 'zh-cn/api/annex/responseExample.md', op: 'pay',
    body: '{\n    "result_code": "500",\n    "error_code": "MAINTENANCE_INPROGRESS",\n    "error_message": "服务端正在升级维护，稍候5分钟",\n}',
    expect: { kind: 'unknown', reason: 'malformed' },
  },
];

/**
 * Request fields per documented page: required (Y) and the optional ones a request may carry.
 * Copied from the 请求参数 tables.
 */
export const REQUEST_TABLES: Readonly<Record<Exclude<DocOp, 'revoke' | 'cancel'> | 'cancel' | 'revoke' | 'wap', { source: string; required: readonly string[]; optional: readonly string[] }>> = {
  activate: { source: 'zh-cn/api/interface/activate.md', required: ['app_id', 'code', 'device_id'], optional: ['client_sn', 'name', 'os_info', 'sdk_version'] },
  checkin: { source: 'zh-cn/api/interface/checkin.md', required: ['terminal_sn', 'device_id'], optional: ['os_info', 'sdk_version'] },
  pay: { source: 'zh-cn/api/interface/pay.md', required: ['terminal_sn', 'client_sn', 'total_amount', 'dynamic_id', 'subject', 'operator'], optional: ['payway', 'description', 'longitude', 'latitude', 'device_id', 'extended', 'goods_details', 'reflect', 'notify_url'] },
  precreate: { source: 'zh-cn/api/interface/precreate.md', required: ['terminal_sn', 'client_sn', 'total_amount', 'payway', 'subject', 'operator'], optional: ['sub_payway', 'payer_uid', 'description', 'longitude', 'latitude', 'extended', 'goods_details', 'reflect', 'notify_url'] },
  query: { source: 'zh-cn/api/interface/query.md', required: ['terminal_sn'], optional: ['sn', 'client_sn'] },
  cancel: { source: 'zh-cn/api/interface/revoke&cancel.md', required: ['terminal_sn'], optional: ['sn', 'client_sn'] },
  revoke: { source: 'zh-cn/api/interface/revoke&cancel.md', required: ['terminal_sn'], optional: ['sn', 'client_sn'] },
  refund: { source: 'zh-cn/api/interface/refund.md', required: ['terminal_sn', 'refund_request_no', 'operator', 'refund_amount'], optional: ['sn', 'client_sn', 'client_tsn', 'extended', 'goods_details'] },
  wap: { source: 'zh-cn/api/wap2.md', required: ['terminal_sn', 'client_sn', 'total_amount', 'subject', 'operator', 'return_url', 'sign'], optional: ['payway', 'description', 'longitude', 'latitude', 'extended', 'reflect', 'notify_url'] },
};
