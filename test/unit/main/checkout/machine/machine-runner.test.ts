/**
 * The machine with its runner on a fake clock: the effects really run against a scripted
 * aggregator and an in-memory journal, in the order the machine asked for.
 */
import { describe, expect, it } from 'vitest';
import type { AggOutcome, Aggregator, UnifiedQrOutcome } from '../../../../../main/aggregator/types';
import { CMB_POLL_POLICY } from '../../../../../main/aggregator/cmb/poll-policy';
import { UPAY_POLL_POLICY } from '../../../../../main/aggregator/upay/poll-policy';
import { MachineRunner } from '../../../../../main/checkout/machine/machine-runner';
import type { PlatformPollPolicy } from '../../../../../main/checkout/poll-policy';
import type { CheckoutView } from '../../../../../preload/contract';
import type { FinalEvent } from '../../../../../main/checkout/checkout-types';
import type { JournalRecordBody } from '../../../../../main/journal/records';
import { FakeTime } from '../../../../support/fake-time';
import { cancelOk, notFound, ok, order, queryAnswer, unknown } from '../agg-fixtures';

const T0 = 5_000_000;

function rig(policy: PlatformPollPolicy, script: { qr?: UnifiedQrOutcome; pay?: AggOutcome; query: AggOutcome[] }, failJournal?: string, holdJournal?: { type: string; until: Promise<void> }) {
  const time = new FakeTime(T0);
  const log: string[] = [];
  const at = () => (time.now() - T0) / 1000;
  const queries = [...script.query];
  const never = (): never => { throw new Error('not used'); };
  const aggregator: Aggregator = {
    activate: never, checkin: never, refund: never, revoke: never, statement: never, precreate: never,
    unifiedQr: () => { log.push(`qr@${at()}`); return Promise.resolve(script.qr ?? { kind: 'ok', qrCode: 'https://qr/1' }); },
    pay: () => { log.push(`pay@${at()}`); return Promise.resolve(script.pay ?? ok('PAY_IN_PROGRESS', order('CREATED'))); },
    query: () => { log.push(`query@${at()}`); return Promise.resolve(queries.length > 1 ? queries.shift()! : queries[0]!); },
    cancel: () => { log.push(`cancel@${at()}`); return Promise.resolve(cancelOk); },
  };
  const records: JournalRecordBody[] = [];
  const views: CheckoutView[] = [];
  const finals: FinalEvent[] = [];
  const runner = new MachineRunner({
    aggregator, clock: time, timers: time, policy: () => policy, request: () => ({ subject: 'shop', operator: 'op' }), closeOutRetryMs: 2_000,
    journal: { append: async (b) => { if (b.type === holdJournal?.type) await holdJournal.until; if (b.type === failJournal) return Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })); records.push(b); log.push(`journal:${b.type}@${at()}`); return Promise.resolve(); } },
    onView: (v) => { views.push(v); log.push(`view:${v.phase}${v.qrCode ? '+qr' : ''}`); },
    onFinal: (f) => finals.push(f),
  });
  return { time, log, records, views, finals, runner };
}

const startQr = { type: 'START_QR' as const, clientSn: 'YM1', amountFen: 1230, now: T0, windowMs: 60_000, operator: 'op', subject: 'shop' };
const startScan = { type: 'START_SCAN' as const, clientSn: 'YM2', amountFen: 900, now: T0, windowMs: 45_000, operator: 'op', subject: 'shop', code: '134567890123456712', wallet: 'wechat' as const, codeMasked: '1345****6712' };

describe('machine runner', () => {
  it('QR: client_sn journaled before the QR request, QR shown only after QR_READY, 支付成功 after PAID', async () => {
    const r = rig(UPAY_POLL_POLICY, { query: [notFound, notFound, queryAnswer('PAID', { totalFen: 1230, wallet: 'alipay' })] });
    await r.runner.dispatch(startQr);
    await r.time.advanceAsync(5_000);
    expect(r.log).toEqual([
      'journal:ATTEMPT_CREATED@0', 'view:creating', 'qr@0', 'journal:QR_READY@0', 'view:waiting+qr',
      'query@1', 'query@2', 'query@3', 'journal:PAYMENT_FINAL@3', 'view:result',
    ]);
    expect(r.views.at(-1)?.result).toMatchObject({ outcome: 'PAID', wallet: 'alipay', amountFen: 1230 });
    expect(r.finals).toEqual([expect.objectContaining({ clientSn: 'YM1', outcome: 'PAID', method: 'qr' })]);
  });

  it('ATTEMPT_CREATED cannot be written: refused, and nothing reaches the platform', async () => {
    const r = rig(UPAY_POLL_POLICY, { query: [notFound] }, 'ATTEMPT_CREATED');
    await expect(r.runner.dispatch(startScan)).rejects.toMatchObject({ code: 'REFUSED' });
    expect(r.log).toEqual([]);
    expect(r.runner.current().tag).toBe('idle');
  });

  it('招商银行 付款码: first query 5 s after pay; the cashier cancels at 7 s, the cancel waits for 15 s after pay and a fresh query', async () => {
    const r = rig(CMB_POLL_POLICY, { query: [queryAnswer('CREATED')] });
    await r.runner.dispatch(startScan);
    await r.time.advanceAsync(7_000);
    const cancelled = r.runner.dispatch({ type: 'CANCEL_PRESSED' });
    await r.time.drain(cancelled);
    expect(r.log.filter((l) => /^(pay|query|cancel|journal:CANCEL)/.test(l))).toEqual(['pay@0', 'query@5', 'query@7', 'query@15', 'journal:CANCEL_REQUESTED@15', 'cancel@15']);
    expect(r.views.at(-1)?.result?.outcome).toBe('CANCELED');
    expect(r.views.some((v) => v.result?.outcome === 'PAID')).toBe(false);
  });

  it('QR request unknown (timeout): query → close, never a guess; no order at the platform → 支付失败', async () => {
    const r = rig(UPAY_POLL_POLICY, { qr: { kind: 'unknown', reason: 'timeout', message: 'timeout' }, query: [unknown(), notFound] });
    await r.time.drain(r.runner.dispatch(startQr));
    expect(r.log.filter((l) => /^(qr|query|cancel)/.test(l))).toEqual(['qr@0', 'query@0', 'query@2']);
    expect(r.views.map((v) => v.phase)).toEqual(['creating', 'cancelling', 'result']);
    expect(r.views.at(-1)?.result?.outcome).toBe('FAILED');
  });

  it('the screen, pushed or read, never runs ahead of the journal: 支付成功 only once PAYMENT_FINAL is on disk', async () => {
    let written = () => undefined as void;
    const until = new Promise<void>((resolve) => { written = resolve; });
    const r = rig(UPAY_POLL_POLICY, { pay: ok('PAY_SUCCESS', order('PAID', { totalFen: 900 })), query: [notFound] }, undefined, { type: 'PAYMENT_FINAL', until });
    const started = r.runner.dispatch(startScan);
    await r.time.advanceAsync(10);
    expect(r.runner.current().tag).toBe('result'); // the machine has decided…
    expect(r.runner.view().phase).toBe('creating'); // …but a snapshot still shows what was last shown
    expect(r.views.some((v) => v.phase === 'result')).toBe(false);
    written();
    await started;
    expect(r.runner.view()).toMatchObject({ phase: 'result', result: { outcome: 'PAID' } });
    expect(r.log.indexOf('journal:PAYMENT_FINAL@0')).toBeLessThan(r.log.indexOf('view:result'));
  });

  it('PAYMENT_FINAL cannot be written: the result stands with a warning', async () => {
    const r = rig(UPAY_POLL_POLICY, { pay: ok('PAY_SUCCESS', order('PAID', { totalFen: 900 })), query: [notFound] }, 'PAYMENT_FINAL');
    await r.runner.dispatch(startScan);
    expect(r.views.at(-1)?.result).toMatchObject({ outcome: 'PAID', message: { code: 'result.journalWarning' } });
  });
});
