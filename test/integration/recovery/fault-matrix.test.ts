/**
 * Network fault matrix: every transport fault the sandbox can script (timeout, connection reset,
 * 5xx, malformed body, bad signature, answer lost after the platform acted) on each of pay /
 * precreate / query / cancel, through real HTTP, the platform's real driver, the real journal and
 * the real checkout service — on both platforms (收钱吧 and 招商银行 聚合收款, whose cases follow
 * its own rules, cmb-polypay.md §3, and add its documented system error SYSTERM_ERROR). Each case
 * must end in the state the platform really has — or in 需人工确认 when the counter cannot learn it — and never in a 支付成功 the platform does not
 * confirm. The customer is charged at most once, and every request of the attempt carries the
 * same client_sn (retries and queries reuse the idempotency key).
 */
import { describe, it, type ExpectStatic } from 'vitest';
import { zhOf } from '../../support/zh-expect';
import { faultRig, type FaultRig, type Result } from './fault-rig';
import { CMB_CASES } from './fault-matrix-cmb';
import { SLOW_MS, type Case, type Fault, type Outcome, type Story } from './fault-cases';
import { PLATFORMS, type Platform } from '../../support/platform-sandbox';
import { requestId, wechatCode } from '../../unit/main/checkout/service-rig';

const AMOUNT = 1230;
const NOT_PROCESSED: Fault[] = ['timeout', 'reset', 'http500', 'html'];
const ALL: Fault[] = [...NOT_PROCESSED, 'malformed', 'bad_signature', 'lost_response'];

const UPAY_CASES: Case[] = [
  // pay: a request the platform never processed is not charged; one it processed (answer lost or
  // unreadable) is found PAID by the query; a bad signature is re-signed after check-in.
  ...NOT_PROCESSED.map((fault): Case => ({ op: 'pay', fault, times: 1, story: 'scan-instant', expect: 'FAILED', charged: 0 })),
  ...(['malformed', 'lost_response', 'bad_signature'] as const).map((fault): Case => ({ op: 'pay', fault, times: 1, story: 'scan-instant', expect: 'PAID', charged: 1 })),
  { op: 'pay', fault: 'bad_signature', times: -1, story: 'scan-instant', expect: 'FAILED', charged: 0 },
  // the counter times out, the platform charges anyway (late, or answers too late): found PAID, charged once
  { op: 'pay', fault: 'latency', ms: SLOW_MS, times: 1, story: 'scan-instant', expect: 'PAID', charged: 1 },
  { op: 'pay', fault: 'hold', ms: SLOW_MS, times: 1, story: 'scan-instant', expect: 'PAID', charged: 1 },
  // precreate: no QR reached the customer; an order the platform did create is closed (冲正).
  ...NOT_PROCESSED.map((fault): Case => ({ op: 'precreate', fault, times: 1, story: 'qr-pays', expect: 'FAILED', charged: 0 })),
  ...(['malformed', 'lost_response'] as const).map((fault): Case => ({ op: 'precreate', fault, times: 1, story: 'qr-pays', expect: 'CANCELED', charged: 0 })),
  { op: 'precreate', fault: 'bad_signature', times: 1, story: 'qr-pays', expect: 'PAID', charged: 1 },
  { op: 'precreate', fault: 'bad_signature', times: -1, story: 'qr-pays', expect: 'FAILED', charged: 0 },
  { op: 'precreate', fault: 'hold', ms: SLOW_MS, times: 1, story: 'qr-pays', expect: 'CANCELED', charged: 0 },
  // query: failed queries are retried; the payment is seen once the platform answers.
  ...ALL.flatMap((fault): Case[] => [
    { op: 'query', fault, times: 2, story: 'qr-pays', expect: 'PAID', charged: 1 },
    { op: 'query', fault, times: 2, story: 'scan-password', expect: 'PAID', charged: 1 },
  ]),
  // a platform that never answers a query: 需人工确认, never a guess; "query again" later settles it.
  { op: 'query', fault: 'http500', times: -1, story: 'qr-pays', expect: 'NEEDS_ATTENTION', charged: 1, then: 'PAID' },
  { op: 'query', fault: 'http500', times: -1, story: 'scan-password', expect: 'NEEDS_ATTENTION', charged: 1, then: 'PAID' },
  { op: 'query', fault: 'timeout', times: -1, story: 'qr-unpaid', expect: 'NEEDS_ATTENTION', charged: 0, then: 'CANCELED' },
  // cancel: an unclear cancel is re-queried and retried with the same client_sn.
  ...ALL.flatMap((fault): Case[] => [
    { op: 'cancel', fault, times: 1, story: 'qr-cancel', expect: 'CANCELED', charged: 0 },
    { op: 'cancel', fault, times: 1, story: 'scan-never', expect: 'CANCELED', charged: 0 },
  ]),
  { op: 'cancel', fault: 'http500', times: -1, story: 'qr-cancel', expect: 'NEEDS_ATTENTION', charged: 0, then: 'CANCELED' },
  { op: 'cancel', fault: 'lost_response', times: -1, story: 'scan-never', expect: 'CANCELED', charged: 0 },
  { op: 'cancel', fault: 'hold', ms: SLOW_MS, times: 1, story: 'qr-cancel', expect: 'CANCELED', charged: 0 },
];

const CASES: Record<Platform, Case[]> = { upay: UPAY_CASES, cmb: CMB_CASES };

const JOURNAL_STATUS: Record<Outcome, string> = { PAID: 'paid', FAILED: 'failed', CANCELED: 'canceled', EXPIRED: 'expired', NEEDS_ATTENTION: 'needs_attention' };

/** Plays the story; returns the attempt's client_sn and its first result. */
async function play(r: FaultRig, story: Story): Promise<{ clientSn: string; first: Result }> {
  if (story.startsWith('qr')) {
    const v = await r.service.startQr(AMOUNT, requestId(), undefined, 'wechat'); // the QR that is a request (fault-rig.ts)
    const clientSn = v.clientSn!;
    if (v.phase === 'waiting' && v.qrCode) {
      if (story === 'qr-pays') await r.plat.walletPay(clientSn, 'wechat');
      if (story === 'qr-cancel') await r.service.cancel(clientSn);
    }
    return { clientSn, first: await r.result() };
  }
  const suffix = story === 'scan-instant' ? '00' : story === 'scan-password' ? '11' : '12';
  const v = await r.service.startScan(AMOUNT, wechatCode(suffix), 'wechat', `1346****${suffix}`, requestId());
  const clientSn = v.clientSn!;
  if (story === 'scan-password' && v.phase === 'waiting') await r.enterPassword(clientSn);
  return { clientSn, first: await r.result() };
}

async function expectAgreement(expect: ExpectStatic, r: FaultRig, clientSn: string, outcome: Outcome, charged: number): Promise<void> {
  const orders = await r.plat.orders();
  expect(orders.length).toBeLessThanOrEqual(1);
  expect(orders.reduce((n, o) => n + o.chargeCount, 0)).toBe(charged);
  const platform = orders[0];
  const totals = r.totals();
  if (outcome === 'PAID') {
    expect(platform).toMatchObject({ clientSn, paid: true, amountFen: AMOUNT, chargeCount: 1 });
    expect(totals).toMatchObject({ count: 1, paidFen: AMOUNT });
  } else {
    // 需人工确认 may hide a payment the platform has; it is just not counted until confirmed
    if (outcome !== 'NEEDS_ATTENTION') expect(platform?.paid ?? false).toBe(false);
    expect(totals).toMatchObject({ count: 0, paidFen: 0 });
  }
  expect(r.journal.orders.list().map((o) => [o.clientSn, o.status])).toEqual([[clientSn, JOURNAL_STATUS[outcome]]]);
}

const name = (c: Case) => `${c.op} ${c.fault}${c.ms ? ` ${c.ms} ms` : ''}${c.times === -1 ? ' (every time)' : c.times > 1 ? ` ×${c.times}` : ''}, ${c.story} → ${c.expect}${c.then ? ` → query again → ${c.then}` : ''}`;

describe.each(PLATFORMS)('network fault matrix on %s (real sandbox over HTTP, real driver, real journal)', (platform) => {
  describe.concurrent('each case on its own platform sandbox', { timeout: 45_000 }, () => {
    for (const c of CASES[platform]) {
      it(name(c), async ({ expect }) => {
        const r = await faultRig(platform);
        try {
          await r.plat.fault(c.op, c.fault, { times: c.times, ms: c.ms });
          const { clientSn, first } = await play(r, c.story);

        expect(first.outcome).toBe(c.expect);
          expect(first.amountFen).toBe(AMOUNT);
          // never 支付成功 on screen unless the platform says PAID
          expect(r.views.some((v) => v.result?.outcome === 'PAID')).toBe(c.expect === 'PAID');
          if (c.expect === 'NEEDS_ATTENTION') expect(zhOf(first.message)).toMatch(/^需人工确认/);
          // the fault really happened, and every request of the attempt used the same client_sn
          const requests = (await r.plat.requestLog()).filter((q) => ['pay', 'precreate', 'query', 'cancel'].includes(q.op));
          expect(requests.some((q) => q.op === c.op && q.fault === c.fault)).toBe(true);
          expect(new Set(requests.map((q) => q.clientSn))).toEqual(new Set([clientSn]));
          if (c.op !== 'cancel' && c.expect === 'PAID') expect(requests.some((q) => q.op === 'cancel')).toBe(false);
          await expectAgreement(expect, r, clientSn, c.expect, c.charged);

          if (c.then) {
            // the network comes back; the cashier presses 再次查询
            await r.plat.clearFaults();
            const settled = (await r.service.queryAgain(clientSn)).result;
            expect(settled?.outcome).toBe(c.then);
            await expectAgreement(expect, r, clientSn, c.then, c.charged);
          }
        } finally {
          await r.close();
        }
      });
    }
  });
});
