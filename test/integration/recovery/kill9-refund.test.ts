/**
 * Issue 14 item 9: a refund left pending by a crash is finished at the next start, without
 * anyone pressing "再次查询", with the same refund_request_no: the customer is refunded once.
 * The counter (built harness, real child process) is killed with SIGKILL while the sandbox holds
 * the refund's answer back. On both platforms (收钱吧 and 招商银行 聚合收款, test/support/platform-sandbox.ts).
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { kill9Rig } from '../../support/kill9-rig';
import { PLATFORMS } from '../../support/platform-sandbox';
import { pollUntil } from '../../support/poll-until';
import { DEFAULT_SETTINGS } from '../../../main/settings/schema';

const built = existsSync(join(process.cwd(), 'out/main/harness.js'));
const CODE = '134567890123456780';
interface Order { clientSn: string; status: string; refundedFen: number }

describe.skipIf(!built).each(PLATFORMS)('kill -9 during a refund on %s', { timeout: 60_000 }, (platform) => {
  // The bank's refund rule (query every 30 s [cmb-polypay.md §3]) at a tenth: its WeChat refund (P) is asked about every 3 s.
  const rig = kill9Rig(platform, {
    prefix: 'yima-kill9-refund-',
    beforeStart: async (r) => {
      await mkdir(r.counterDir, { recursive: true });
      await writeFile(join(r.counterDir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, checkout: { ...DEFAULT_SETTINGS.checkout, pollTimeScale: 0.1 } }));
    },
  });
  const start = () => rig.start();
  const plat = () => rig.plat;

  it('the pending refund is resumed at start with the same refund_request_no: refunded once', async () => {
    let a = await start();
    await a.call('setPendingAmount', { amount: '12.30' });
    await a.call('startScanPayment', { amount: '12.30', code: CODE, requestId: 'kill9-refund-pay', source: 'wedge' });
    const order = await pollUntil(async () => (await a.call<Order[]>('listOrders')).value!, (l) => l[0]?.status === 'paid');
    const clientSn = order[0]!.clientSn;

    await plat().fault('refund', 'hold', { ms: 30_000, times: 1 }); // processed, answer held back
    void a.call('refund', { clientSn, amount: '3.00', pin: '8888' }).catch(() => undefined);
    await pollUntil(() => plat().requests('refund'), (n) => n > 0);
    await rig.powerCut(); // the power goes with the refund unanswered
    await plat().clearFaults();

    a = await start();
    const after = await pollUntil(async () => (await a.call<Order[]>('listOrders')).value!, (l) => l[0]?.refundedFen === 300);
    expect(after[0]).toMatchObject({ clientSn, refundedFen: 300 });
    const detail = (await a.call<{ refunds: { refundRequestNo: string; status: string }[] }>('orderDetail', { clientSn })).value!;
    expect(detail.refunds).toHaveLength(1);
    expect(detail.refunds[0]!.status).toBe('refunded');
    // The aggregator refunded exactly once, under the number asked for before the crash.
    const sbOrder = (await plat().orders()).find((o) => o.clientSn === clientSn)!;
    expect(sbOrder.refunds).toHaveLength(1);
    expect(JSON.stringify(sbOrder.refunds)).toContain(detail.refunds[0]!.refundRequestNo);
    expect((await a.call<{ refundFen: number }>('dayTotals')).value).toMatchObject({ refundFen: 300 });
  });
});
