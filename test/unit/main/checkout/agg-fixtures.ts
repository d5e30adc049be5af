/** Typed aggregator answers (AggOutcome / OrderData) for the pure checkout tests. */
import type { AggOutcome, Aggregator, OrderData } from '../../../../main/aggregator/types';

export function order(orderStatus: string, extra: Partial<OrderData> = {}): OrderData {
  return { sn: '7894259244096169', clientSn: 'YM-TEST-1', orderStatus, wallet: 'wechat', totalFen: 1230, raw: {}, ...extra };
}

export const ok = (bizCode: string, data?: OrderData, extra: { errorCode?: string; message?: string } = {}): AggOutcome => ({ kind: 'ok', bizCode, data, ...extra });
export const rejected = (errorCode = 'INVALID_PARAMS', message = '参数错误'): AggOutcome => ({ kind: 'rejected', errorCode, message });
export const unknown = (message = '请求超时'): AggOutcome => ({ kind: 'unknown', reason: 'timeout', message });

export const queryAnswer = (status: string, extra: Partial<OrderData> = {}): AggOutcome => ok('SUCCESS', order(status, extra));
export const notFound: AggOutcome = ok('FAIL', undefined, { errorCode: 'UPAY_ORDER_NOT_EXISTS', message: '订单不存在' });
export const cancelOk: AggOutcome = ok('CANCEL_SUCCESS', order('CANCELED'));

/**
 * An Aggregator whose query/cancel answers the test scripts, one per call (the last one repeats);
 * every call is recorded with its op, so tests can assert what was (not) sent.
 */
export function scriptedAggregator(script: { query?: AggOutcome[]; cancel?: AggOutcome[]; pay?: AggOutcome[]; precreate?: AggOutcome[] }, onCall?: (op: string) => void) {
  const calls: string[] = [];
  const next = (op: keyof typeof script): Promise<AggOutcome> => {
    calls.push(op);
    onCall?.(op);
    const list = script[op];
    if (!list || list.length === 0) throw new Error(`unexpected ${op}`);
    return Promise.resolve(list.length > 1 ? list.shift()! : list[0]!);
  };
  const never = (): never => { throw new Error('not used in this test'); };
  const agg: Aggregator = {
    activate: never, checkin: never, refund: never, revoke: never, statement: never, unifiedQr: never,
    precreate: () => next('precreate'),
    pay: () => next('pay'),
    query: () => next('query'),
    cancel: () => next('cancel'),
  };
  return { agg, calls };
}
