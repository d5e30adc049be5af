import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { closeOut } from '../../../../main/checkout/close-out';
import { FakeTime } from '../../../support/fake-time';
import { cancelOk, notFound, ok, order, queryAnswer, scriptedAggregator, unknown } from './agg-fixtures';

/** Runs closeOut on a fake clock, recording each call (and the journal write) in order with its time. */
async function run(script: Parameters<typeof scriptedAggregator>[0], opts: { attempts?: number; retryDelayMs?: number; beforeCancel?: () => Promise<void> } = {}) {
  const time = new FakeTime(0);
  const log: string[] = [];
  const { agg } = scriptedAggregator(script, (op) => log.push(`${op}@${time.now()}`));
  const beforeCancel = async () => {
    log.push(`journal:CANCEL_REQUESTED@${time.now()}`);
    await opts.beforeCancel?.();
  };
  const result = await time.drain(closeOut('YM-TEST-1', { aggregator: agg, timers: time, beforeCancel, attempts: opts.attempts, retryDelayMs: opts.retryDelayMs }));
  return { result, log };
}

describe('closeOut: finishing an order whose outcome is not known', () => {
  it('the customer did pay: PAID, and no cancel is ever sent', async () => {
    const { result, log } = await run({ query: [queryAnswer('PAID', { totalFen: 1230 })] });
    expect(result).toMatchObject({ kind: 'paid', state: { data: { totalFen: 1230 } } });
    expect(log).toEqual(['query@0']);
  });

  it('still pending: journals CANCEL_REQUESTED first, then cancels once', async () => {
    const { result, log } = await run({ query: [queryAnswer('CREATED')], cancel: [cancelOk] });
    expect(result).toEqual({ kind: 'canceled', message: '已撤销（如已扣款，将原路退回）', expired: false });
    expect(log).toEqual(['query@0', 'journal:CANCEL_REQUESTED@0', 'cancel@0']);
  });

  it('a journal that cannot record the cancel stops the cancel from being sent', async () => {
    const time = new FakeTime(0);
    const { agg, calls } = scriptedAggregator({ query: [queryAnswer('CREATED')], cancel: [cancelOk] });
    const p = closeOut('YM-TEST-1', { aggregator: agg, timers: time, beforeCancel: () => Promise.reject(new Error('ENOSPC')) });
    await expect(p).rejects.toThrow('ENOSPC');
    expect(calls).toEqual(['query']);
  });

  it('already canceled or expired on the platform: no cancel needed', async () => {
    const a = await run({ query: [ok('SUCCESS', order('PAY_CANCELED'), { errorCode: 'TRADE_TIMEOUT' })] });
    expect(a.result).toEqual({ kind: 'canceled', message: '交易超时自动撤单', expired: true });
    const b = await run({ query: [queryAnswer('CANCELED')] });
    expect(b.result).toMatchObject({ kind: 'canceled', expired: false });
    expect([...a.log, ...b.log]).toEqual(['query@0', 'query@0']);
  });

  it('the platform never saw the order: not_found, nothing to cancel', async () => {
    const { result, log } = await run({ query: [notFound] });
    expect(result).toEqual({ kind: 'not_found' });
    expect(log).toEqual(['query@0']);
  });

  it('a cancel answering "order not found" → not_found', async () => {
    const { result } = await run({ query: [queryAnswer('CREATED')], cancel: [notFound] });
    expect(result).toEqual({ kind: 'not_found' });
  });

  it('queries it cannot answer are retried 2 s apart, and it never cancels blind', async () => {
    const { result, log } = await run({ query: [unknown('连接超时')], cancel: [cancelOk] });
    expect(result).toEqual({ kind: 'unknown', message: '请求超时，结果未知' });
    expect(log).toEqual(['query@0', 'query@2000', 'query@4000']);
  });

  it('an unreachable platform that comes back on the second query is finished normally', async () => {
    const { result, log } = await run({ query: [unknown(), queryAnswer('PAID')] });
    expect(result.kind).toBe('paid');
    expect(log).toEqual(['query@0', 'query@2000']);
  });

  it('a cancel with an unclear answer is re-queried and retried; CANCEL_REQUESTED is journaled once', async () => {
    const { result, log } = await run({ query: [queryAnswer('CREATED')], cancel: [ok('CANCEL_ERROR')] }, { retryDelayMs: 500 });
    expect(result).toEqual({ kind: 'unknown', message: '撤销结果未知' });
    expect(log).toEqual(['query@0', 'journal:CANCEL_REQUESTED@0', 'cancel@0', 'query@500', 'cancel@500', 'query@1000', 'cancel@1000']);
  });

  it('a payment that landed after an unclear cancel is reported paid on the next query', async () => {
    const { result, log } = await run({ query: [queryAnswer('CREATED'), queryAnswer('PAID')], cancel: [unknown()] });
    expect(result.kind).toBe('paid');
    expect(log).toEqual(['query@0', 'journal:CANCEL_REQUESTED@0', 'cancel@0', 'query@2000']);
  });

  it('a platform error state (PAY_ERROR) is cancelled, and if that stays unclear the platform message is kept', async () => {
    const { result } = await run({ query: [queryAnswer('PAY_ERROR')], cancel: [ok('CANCEL_ERROR')] }, { attempts: 1 });
    expect(result).toEqual({ kind: 'unknown', message: '撤销结果未知' });
    const again = await run({ query: [queryAnswer('PAY_ERROR')], cancel: [cancelOk] });
    expect(again.result.kind).toBe('canceled');
  });

  it('honours the number of attempts', async () => {
    const { log } = await run({ query: [unknown()] }, { attempts: 5, retryDelayMs: 100 });
    expect(log).toEqual(['query@0', 'query@100', 'query@200', 'query@300', 'query@400']);
  });
});
