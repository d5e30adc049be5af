/**
 * The bank's refund rule [cmb-polypay.md §3, L §4.5.1: refunds query every 30 s; still P after
 * 10 min → stop, the T+1 statement decides], applied by the refund service on a fake clock, against
 * the real polypay sandbox over HTTP with the real driver and the real journal. The bank's own clock
 * (its WeChat refunds go P → S after `refundSeconds`) is moved with the counter's.
 */
import { afterEach, describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { startCmbSandbox, type CmbSandbox } from '../../../../main/aggregator/cmb/sandbox';
import { createCmbDriver } from '../../../../main/aggregator/cmb';
import { sandboxCmbConfig } from '../../../../main/aggregator/cmb/sandbox-config';
import { CMB_POLL_POLICY } from '../../../../main/aggregator/cmb/poll-policy';
import { localBusinessDay } from '../../../../main/journal';
import { makeRefundNoFactory, RefundService, type RefundOutcome } from '../../../../main/refunds';
import { cmbSandboxControl } from '../../../support/cmb-sandbox-control';
import { FakeTime } from '../../../support/fake-time';
import { pollUntil } from '../../../support/poll-until';
import { journalIn, makeService, requestId, tempDir, wechatCode } from '../checkout/service-rig';

const EVERY = CMB_POLL_POLICY.refund!.everyMs;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of closers.splice(0)) await c(); });

async function rig(opts: { refundSeconds: number }) {
  const sb: CmbSandbox = await startCmbSandbox({ port: 0, refundSeconds: opts.refundSeconds });
  const bank = cmbSandboxControl(sb.url);
  const time = new FakeTime(Date.now());
  // The request timestamps follow the counter's (fake) clock, as the bank's clock is moved with it.
  const driver = createCmbDriver({ config: sandboxCmbConfig(sb.url), timeoutMs: 3_000, clock: time.now });
  const journal = await journalIn(await tempDir('yima-cmb-refund-'));
  const outcomes: RefundOutcome[] = [];
  const lifetime = new AbortController(); // the services' lifetime (create-services.ts)
  const refunds = new RefundService({
    signal: lifetime.signal,
    aggregator: driver, journal, clock: time.now, timers: time, newRefundNo: makeRefundNoFactory(Date.now), businessDay: localBusinessDay,
    onOutcome: (o) => outcomes.push(o),
  });
  closers.push(async () => { refunds.stop(); await journal.close(); await sb.close(); });
  /** A WeChat payment code paid at once at the bank (its refunds are P first [ref §2 refund]). */
  const paid = async (amountFen: number): Promise<string> => {
    const checkout = makeService({ aggregator: driver, journal });
    const v = await checkout.service.startScan(amountFen, wechatCode('00'), 'wechat', '1346****00', requestId());
    await checkout.until((x) => x.phase === 'result', 10_000);
    await checkout.service.dismiss();
    return v.clientSn!;
  };
  const calls = async (api: string) => (await bank.requests()).filter((r) => r.api === api).length;
  let bankOffset = 0;
  /** Counter and bank both move on by `ms`; then the loop's HTTP turn (if any) is let finish. */
  const later = async (ms: number, expectCalls?: { api: string; n: number }) => {
    bankOffset += ms;
    await bank.config({ clockOffsetMs: bankOffset });
    await time.advanceAsync(ms);
    if (expectCalls) await pollUntil(() => calls(expectCalls.api), (n) => n >= expectCalls.n);
    await pollUntil(async () => time.size, (n) => n > 0 || outcomes.some((o) => o.status !== 'pending'), 5_000).catch(() => undefined);
  };
  return { bank, journal, refunds, outcomes, paid, calls, later, time, lifetime };
}

describe('招商银行 refund follow-up: refundquery every 30 s for 10 min (fake clock, real bank sandbox)', { timeout: 60_000 }, () => {
  it('a WeChat refund (P) is pending at once, queried 30 s later and every 30 s, and done when the bank says S', async () => {
    const r = await rig({ refundSeconds: 75 });
    const sn = await r.paid(1000);
    const first = await r.refunds.refund({ clientSn: sn, amountFen: 400, operator: '店长' });
    expect(first).toMatchObject({ status: 'pending', amountFen: 400 });
    expect(first.message).toBe('银行处理中：每 30 秒自动查询一次退款结果（最长 10 分钟），不要重新发起退款');
    expect(await r.calls('refundquery')).toBe(0);

    await r.later(EVERY - 1);
    expect(await r.calls('refundquery')).toBe(0); // not before 30 s
    await r.later(1, { api: 'refundquery', n: 1 });
    await r.later(EVERY, { api: 'refundquery', n: 2 }); // 60 s: still P at the bank (75 s)
    expect(r.journal.orders.get(sn)?.refunds[0]?.status).toBe('pending');
    await r.later(EVERY, { api: 'refundquery', n: 3 }); // 90 s: S
    await pollUntil(async () => r.journal.orders.get(sn)?.refunds[0]?.status, (s) => s === 'refunded');
    expect(r.outcomes.at(-1)).toMatchObject({ status: 'refunded', amountFen: 400 });
    expect(r.outcomes.at(-1)?.message).toBe('退款成功（查询确认）');
    expect(r.journal.orders.get(sn)).toMatchObject({ refundedFen: 400 });
    expect(await r.calls('refund')).toBe(1); // never sent twice
    await r.later(EVERY * 3);
    expect(await r.calls('refundquery')).toBe(3); // and the loop ended
  });

  it('still P after 10 min: 20 queries, then it stops and the next day’s statement decides', async () => {
    const r = await rig({ refundSeconds: 3_600 });
    const sn = await r.paid(1000);
    await r.refunds.refund({ clientSn: sn, amountFen: 1000, operator: '店长' });
    for (let n = 1; n <= 20; n++) await r.later(EVERY, { api: 'refundquery', n });
    await pollUntil(async () => r.outcomes.at(-1)?.message.code, (c) => c === 'refund.statementDecides');
    expect(r.outcomes.at(-1)?.message).toBe('银行 10 分钟内未给出退款结果：以次日对账单为准，可稍后“再次查询”');
    await r.later(EVERY * 4);
    expect(await r.calls('refundquery')).toBe(20);
    expect(r.journal.orders.get(sn)?.refunds[0]?.status).toBe('pending');
    expect(await r.calls('refund')).toBe(1);
  });

  it('a refund whose answer was lost is found done by refund query, not sent again', async () => {
    const r = await rig({ refundSeconds: 0 });
    const sn = await r.paid(1000);
    await r.bank.fault('refund', 'lost_response', { times: 1 });
    const first = await r.refunds.refund({ clientSn: sn, amountFen: 250, operator: '店长' });
    expect(first.status).toBe('pending');
    await r.later(EVERY, { api: 'refundquery', n: 1 });
    await pollUntil(async () => r.journal.orders.get(sn)?.refunds[0]?.status, (s) => s === 'refunded');
    expect(await r.calls('refund')).toBe(1);
    expect((await r.bank.orders())[0]?.refunds.map((x) => [x.amountFen, x.state])).toEqual([[250, 'S']]);
  });

  it('a refund that never reached the bank (reset) is re-sent with the same number after refund query finds none', async () => {
    const r = await rig({ refundSeconds: 0 });
    const sn = await r.paid(1000);
    await r.bank.fault('refund', 'reset', { times: 1 });
    const first = await r.refunds.refund({ clientSn: sn, amountFen: 250, operator: '店长' });
    expect(first.status).toBe('pending');
    expect((await r.bank.orders())[0]?.refunds).toEqual([]);
    await r.later(EVERY, { api: 'refundquery', n: 1 });
    await pollUntil(async () => r.journal.orders.get(sn)?.refunds[0]?.status, (s) => s === 'refunded');
    const sent = (await r.bank.requests()).filter((x) => x.api === 'refund').map((x) => x.orderId);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe(sent[1]); // the same refund number both times
    expect((await r.bank.orders())[0]?.refunds.map((x) => x.amountFen)).toEqual([250]);
  });

  it('when the services stop, the follow-up ends: no refund query after it, the refund stays pending for the next start', async () => {
    const r = await rig({ refundSeconds: 75 });
    const sn = await r.paid(1000);
    await r.refunds.refund({ clientSn: sn, amountFen: 400, operator: '店长' });
    await r.later(EVERY, { api: 'refundquery', n: 1 });
    r.lifetime.abort();
    await r.later(EVERY * 3);
    expect(await r.calls('refundquery')).toBe(1);
    expect(r.time.size).toBe(0); // no timer left behind
    expect(r.journal.orders.get(sn)?.refunds[0]?.status).toBe('pending');
  });

  it('the manager’s “再次查询” asks the bank at once, without waiting for the 30 s turn', async () => {
    const r = await rig({ refundSeconds: 75 });
    const sn = await r.paid(1000);
    const first = await r.refunds.refund({ clientSn: sn, amountFen: 400, operator: '店长' });
    await r.later(EVERY, { api: 'refundquery', n: 1 });
    await r.later(EVERY, { api: 'refundquery', n: 2 });
    await r.later(20_000); // 80 s: the bank finished at 75 s, the next turn is at 90 s
    const before = await r.calls('refundquery');
    const again = await r.refunds.retry({ clientSn: sn, refundRequestNo: first.refundRequestNo, operator: '店长' });
    expect(again.status).toBe('refunded');
    expect(await r.calls('refundquery')).toBe(before + 1);
  });
});
