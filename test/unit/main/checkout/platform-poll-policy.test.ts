/**
 * Each platform's polling rules come from its driver (Aggregator.pollPolicy). 招商银行's are the
 * documented ones [cmb-polypay.md §3, L §4.2.1]; 收钱吧 keeps its own. Table tests on a fake clock:
 * when each query goes out, when polling ends, and when a cancel is allowed.
 */
import { describe, expect, it } from 'vitest';
import type { AggOutcome, Aggregator, PlatformPollPolicy, PollPolicy } from '../../../../main/aggregator/types';
import { CMB_POLL_POLICY } from '../../../../main/aggregator/cmb/poll-policy';
import { UPAY_POLL_POLICY } from '../../../../main/aggregator/upay/poll-policy';
import { createCmbDriver } from '../../../../main/aggregator/cmb';
import { sandboxCmbConfig } from '../../../../main/aggregator/cmb/sandbox-config';
import { createUpayDriver } from '../../../../main/aggregator/upay';
import { platformPolicy, policyWindowMs, scalePolicy } from '../../../../main/checkout/poll-policy';
import { runPoll, type PollEnd, type TickResult } from '../../../../main/checkout/poller';
import { CheckoutService, type CheckoutConfig } from '../../../../main/checkout/checkout-service';
import type { JournalRecordBody } from '../../../../main/journal/records';
import { FakeTime } from '../../../support/fake-time';
import { cancelOk, ok, order, queryAnswer } from './agg-fixtures';

const T0 = 1_000_000;
const s = (ms: number) => ms / 1000;

/** Seconds after T0 at which each query went out, until the loop ended. */
async function queryTimes(policy: PollPolicy, answer: (n: number) => TickResult = () => 'continue', deadlineMs = 3_600_000): Promise<{ at: number[]; end: PollEnd }> {
  const time = new FakeTime(T0);
  const at: number[] = [];
  const run = runPoll({ policy, clock: time, timers: time, deadline: T0 + deadlineMs, tick: () => { at.push(s(time.now() - T0)); return Promise.resolve(answer(at.length)); } });
  const end = await time.drain(run.done);
  return { at, end };
}

describe('招商银行 polling rules [L §4.2.1]', () => {
  it.each([
    // what, policy, query times (s after apply / pay), how it ends
    ['QR: first query 15 s after apply, then 5–10 s, over after 10 unpaid', CMB_POLL_POLICY.qr, [15, 20, 25, 30, 35, 40, 50, 60, 70, 80], 'exhausted'],
    ['付款码: first query 5 s after pay, then 5–10 s, over after 10', CMB_POLL_POLICY.scan, [5, 10, 15, 20, 25, 30, 40, 50, 60, 70], 'exhausted'],
  ] as const)('%s', async (_what, policy, times, end) => {
    const r = await queryTimes(policy);
    expect(r.at).toEqual(times);
    expect(r.end).toBe(end);
    const gaps = r.at.slice(1).map((t, i) => t - r.at[i]!);
    expect(gaps.every((g) => g >= 5 && g <= 10)).toBe(true);
  });

  it('a paid answer ends polling at once; failed queries do not count as unpaid and back off within 5–10 s', async () => {
    expect(await queryTimes(CMB_POLL_POLICY.qr, (n) => (n === 3 ? 'final' : 'continue'))).toEqual({ at: [15, 20, 25], end: 'final' });
    const errs = await queryTimes(CMB_POLL_POLICY.scan, (n) => (n <= 4 ? 'error' : 'continue'));
    expect(errs.at.slice(0, 5)).toEqual([5, 10, 20, 30, 40]); // 5 s, then 10 s capped (never > 10 s)
    expect(errs.at).toHaveLength(14); // 4 failed + 10 unpaid
    expect(errs.end).toBe('exhausted');
  });

  it('the window the screen counts down is the time of the tenth query (or the shop setting when shorter)', () => {
    expect(policyWindowMs(CMB_POLL_POLICY.qr)).toBe(80_000);
    expect(policyWindowMs(CMB_POLL_POLICY.scan)).toBe(70_000);
    expect(policyWindowMs(UPAY_POLL_POLICY.qr)).toBe(Infinity);
  });

  it('refunds: every 30 s, given up after 10 min for the T+1 statement [L §4.5.1]; cancel ≥ 15 s after pay [L §4.9.1]', () => {
    expect(CMB_POLL_POLICY.refund).toEqual({ everyMs: 30_000, giveUpAfterMs: 600_000 });
    expect(CMB_POLL_POLICY.cancelNotBeforeMs).toBe(15_000);
  });

  it('pollTimeScale shortens every wait proportionally (tests), keeping the count', async () => {
    const r = await queryTimes(scalePolicy(CMB_POLL_POLICY.qr, 0.2));
    expect(r.at).toEqual([3, 4, 5, 6, 7, 8, 10, 12, 14, 16]);
    expect(r.end).toBe('exhausted');
  });
});

describe('收钱吧 keeps its rules', () => {
  it.each([
    ['QR: every second for 10 s, then 2 s, no count limit (ends at the window)', UPAY_POLL_POLICY.qr, 14_000, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14]],
    ['付款码: every second for 10 s, then 3 s', UPAY_POLL_POLICY.scan, 16_000, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 16]],
  ] as const)('%s', async (_what, policy, deadline, times) => {
    const r = await queryTimes(policy, () => 'continue', deadline);
    expect(r.at).toEqual(times);
    expect(r.end).toBe('deadline');
  });
});

describe('the policy comes from the driver', () => {
  it('招商银行 driver → its documented rules; 收钱吧 driver → its own; a driver without one → 收钱吧 defaults; the bench override wins', () => {
    const cmb = createCmbDriver({ config: sandboxCmbConfig('http://127.0.0.1:1') });
    const upay = createUpayDriver({ baseUrl: 'http://127.0.0.1:1', gatewayUrl: 'http://127.0.0.1:1/gateway', vendor: { sn: 'v', key: 'k', appId: 'a' }, credentials: { get: () => null, set: () => undefined }, deviceId: 'd' });
    expect(platformPolicy(cmb)).toBe(CMB_POLL_POLICY);
    expect(platformPolicy(upay)).toBe(UPAY_POLL_POLICY);
    expect(platformPolicy({})).toBe(UPAY_POLL_POLICY);
    const fixed: PollPolicy = { steps: [{ untilMs: Infinity, everyMs: 5_000 }], errorBaseMs: 5_000, errorMaxMs: 5_000 };
    expect(platformPolicy(cmb, { qr: fixed, scan: fixed })).toMatchObject({ qr: fixed, scan: fixed, cancelNotBeforeMs: 15_000 });
  });
});

/** A checkout on a fake clock whose aggregator follows `policy`; every call is logged with its time. */
function checkoutOn(policy: PlatformPollPolicy, script: { pay?: AggOutcome; query: AggOutcome; cancel?: AggOutcome; unifiedQr?: boolean }, cfg: Partial<CheckoutConfig> = {}) {
  const time = new FakeTime(T0);
  const calls: [string, number][] = [];
  const log = (op: string) => calls.push([op, s(time.now() - T0)]);
  const never = (): never => { throw new Error('not used'); };
  const agg: Aggregator = {
    pollPolicy: policy,
    activate: never, checkin: never, refund: never, revoke: never, statement: never, precreate: never,
    unifiedQr: () => { log('qrcodeapply'); return Promise.resolve({ kind: 'ok', qrCode: 'https://qr.95516.com/03080000/x' }); },
    pay: () => { log('pay'); return Promise.resolve(script.pay ?? ok('PAY_IN_PROGRESS', order('CREATED'))); },
    query: () => { log('query'); return Promise.resolve(script.query); },
    cancel: () => { log('cancel'); return Promise.resolve(script.cancel ?? cancelOk); },
  };
  const journal: JournalRecordBody[] = [];
  let sn = 0;
  const views: { phase: string; expiresAt?: number; outcome?: string }[] = [];
  const service = new CheckoutService({
    aggregator: agg, clock: time, timers: time, newClientSn: () => `CMB${++sn}`,
    journal: { append: (b) => { journal.push(b); return Promise.resolve(); } },
    config: () => ({ qrExpiryMs: 240_000, scanWindowMs: 120_000, maxAmountFen: 5_000_000, operator: 'op', subject: 'shop', ...cfg }),
    onView: (v) => views.push({ phase: v.phase, expiresAt: v.expiresAt, outcome: v.result?.outcome }),
    closeOutRetryMs: 2_000,
  });
  return { time, calls, journal, views, service };
}

describe('the checkout follows the platform it runs on', () => {
  it('招商银行 QR: 15 s before the first query, closed after the tenth unpaid one (已过期, the screen offers a new QR); the countdown ends then too', async () => {
    const c = checkoutOn(CMB_POLL_POLICY, { query: queryAnswer('CREATED') });
    const view = await c.service.startQr(1230, 'r1');
    expect(view.expiresAt).toBe(T0 + 80_000);
    await c.time.advanceAsync(120_000);
    expect(c.calls.filter(([op]) => op === 'query').map(([, t]) => t).slice(0, 10)).toEqual([15, 20, 25, 30, 35, 40, 50, 60, 70, 80]);
    expect(c.calls.at(-1)).toEqual(['cancel', 80]); // the driver sends close for a QR order
    expect(c.views.at(-1)).toMatchObject({ phase: 'result', outcome: 'EXPIRED' });
    const created = c.journal.find((r) => r.type === 'ATTEMPT_CREATED');
    expect(created).toMatchObject({ windowMs: 80_000 }); // recovery after a restart keeps the same end
  });

  it('招商银行 付款码: first query 5 s after pay; the cashier cancels at 3 s, the cancel waits until 15 s after pay and follows a query', async () => {
    const c = checkoutOn(CMB_POLL_POLICY, { query: queryAnswer('CREATED') });
    const view = await c.service.startScan(900, '134567890123456712', 'wechat', '1345****6712', 'r2');
    await c.time.advanceAsync(3_000);
    expect(c.calls).toEqual([['pay', 0]]); // nothing asked before 5 s
    const cancelled = c.service.cancel(view.clientSn!);
    await c.time.drain(cancelled);
    expect(c.calls).toEqual([['pay', 0], ['query', 3], ['query', 15], ['cancel', 15]]);
    expect(c.views.at(-1)).toMatchObject({ phase: 'result', outcome: 'CANCELED' });
  });

  it('招商银行 付款码 never confirmed: ten queries (5…70 s), then query → cancel, never 支付成功', async () => {
    const c = checkoutOn(CMB_POLL_POLICY, { query: queryAnswer('CREATED') });
    await c.service.startScan(900, '134567890123456712', 'wechat', '1345****6712', 'r3');
    await c.time.advanceAsync(100_000);
    const queries = c.calls.filter(([op]) => op === 'query').map(([, t]) => t);
    expect(queries.slice(0, 10)).toEqual([5, 10, 15, 20, 25, 30, 40, 50, 60, 70]);
    expect(c.calls.at(-1)).toEqual(['cancel', 70]);
    expect(c.views.some((v) => v.outcome === 'PAID')).toBe(false);
    expect(c.views.at(-1)).toMatchObject({ outcome: 'CANCELED' });
  });

  it('收钱吧 付款码: the cashier may cancel at once (no 15 s rule), after a query', async () => {
    const c = checkoutOn(UPAY_POLL_POLICY, { query: queryAnswer('CREATED') });
    const view = await c.service.startScan(900, '134567890123456712', 'wechat', '1345****6712', 'r4');
    await c.time.advanceAsync(500);
    await c.time.drain(c.service.cancel(view.clientSn!));
    expect(c.calls).toEqual([['pay', 0], ['query', 0.5], ['cancel', 0.5]]);
  });

  it('a shop window shorter than the platform rule wins (the countdown never promises more than the bank allows, nor more than the shop wants)', async () => {
    const c = checkoutOn(CMB_POLL_POLICY, { query: queryAnswer('CREATED') }, { qrExpiryMs: 30_000 });
    const view = await c.service.startQr(500, 'r5');
    expect(view.expiresAt).toBe(T0 + 30_000);
  });
});
