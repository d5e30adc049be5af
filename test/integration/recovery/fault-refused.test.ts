/**
 * The platform refuses connections (its host is down: ECONNREFUSED through a real TCP proxy the test
 * takes down and brings back, test/support/tcp-proxy.ts), on both platforms with their real drivers,
 * the real journal and the real checkout. A refused request is an unknown outcome, never a guess:
 * the counter shows 需人工确认 while it cannot learn the truth, never 支付成功, and once the platform is
 * back the same client_sn settles it; the customer is charged at most once.
 */
import { describe, it } from 'vitest';
import { expect } from '../../support/zh-expect';
import { PLATFORMS } from '../../support/platform-sandbox';
import { faultRig } from './fault-rig';
import { requestId, wechatCode } from '../../unit/main/checkout/service-rig';

const AMOUNT = 1230;

describe.each(PLATFORMS)('connection refused on %s', (platform) => {
  describe.concurrent('each case on its own platform and proxy', { timeout: 60_000 }, () => {
    it('down before the payment code is sent: 需人工确认, nothing reached the platform; back up, query again → not charged', async () => {
      const r = await faultRig(platform, { proxied: true });
      try {
        await r.proxy!.down();
        const v = await r.service.startScan(AMOUNT, wechatCode('00'), 'wechat', '1346****00', requestId());
        const first = await r.result();
        expect(first.outcome).toBe('NEEDS_ATTENTION');
        expect(r.views.some((x) => x.result?.outcome === 'PAID')).toBe(false);
        const paymentOps = (await r.plat.requestLog()).filter((q) => ['pay', 'precreate', 'query', 'cancel'].includes(q.op));
        expect(paymentOps).toEqual([]); // nothing got through
        await r.proxy!.up();
        const settled = (await r.service.queryAgain(v.clientSn!)).result;
        expect(settled?.outcome).toBe('FAILED');
        expect(await r.plat.orders()).toEqual([]);
        expect(r.journal.orders.list().map((o) => o.status)).toEqual(['failed']);
      } finally {
        await r.close();
      }
    });

    it('down while the QR waits and the customer pays meanwhile: back up inside the window → 支付成功 once', async () => {
      const r = await faultRig(platform, { proxied: true });
      try {
        const v = await r.service.startQr(AMOUNT, requestId(), undefined, 'wechat'); // the QR that is a request (fault-rig.ts)
        expect(v.phase).toBe('waiting');
        await r.proxy!.down();
        await r.plat.walletPay(v.clientSn!, 'wechat'); // the customer's phone reaches the platform, the counter cannot
        // long enough for queries to be refused: 收钱吧's every 100 ms, the bank's first at 1.5 s (fault-rig.ts TIMING)
        await new Promise((res) => setTimeout(res, platform === 'cmb' ? 2_500 : 600));
        expect(r.views.some((x) => x.phase === 'result')).toBe(false); // refused queries are no answer
        await r.proxy!.up();
        const result = await r.result();
        expect(result.outcome).toBe('PAID');
        expect((await r.plat.orders()).map((o) => [o.clientSn, o.chargeCount, o.paid])).toEqual([[v.clientSn, 1, true]]);
        expect(r.totals()).toMatchObject({ count: 1, paidFen: AMOUNT });
      } finally {
        await r.close();
      }
    });
  });
});
