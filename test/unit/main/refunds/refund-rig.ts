/** A paid order at the real sandbox (over HTTP, real driver, real journal) plus a RefundService. */
import { walletOpens } from '../../../support/wallet-app';
import { localBusinessDay } from '../../../../main/journal';
import { makeRefundNoFactory, RefundService, type RefundOutcome } from '../../../../main/refunds';
import { activatedDriver, journalIn, makeService, recordsOnDisk, requestId, sandbox, tempDir } from '../checkout/service-rig';

export async function refundRig(opts: { retryDelaysMs?: number[]; driverTimeoutMs?: number } = {}) {
  const { sb, ctl } = await sandbox();
  const aggregator = await activatedDriver(sb.url, opts.driverTimeoutMs ?? 3_000);
  const dir = await tempDir('yima-refund-');
  const journal = await journalIn(dir);
  const checkout = makeService({ aggregator, journal });
  const outcomes: RefundOutcome[] = [];
  const refunds = new RefundService({
    aggregator, journal, clock: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    newRefundNo: makeRefundNoFactory(Date.now), businessDay: localBusinessDay,
    retryDelaysMs: opts.retryDelaysMs ?? [50, 50], onOutcome: (o) => outcomes.push(o),
  });
  /** A QR order paid by the customer with this wallet. */
  async function paid(amountFen: number, wallet: 'wechat' | 'alipay' | 'unionpay' = 'wechat'): Promise<string> {
    const started = await checkout.service.startQr(amountFen, requestId());
    const clientSn = started.clientSn!;
    await walletOpens(started.qrCode!, wallet); // the customer's wallet opens the unified QR
    await ctl.walletPay({ clientSn }, wallet);
    await checkout.until((v) => v.phase === 'result' && v.clientSn === clientSn, 5_000);
    await checkout.service.dismiss();
    return clientSn;
  }
  const sandboxOrder = async (clientSn: string) => (await ctl.orders()).find((o) => o.clientSn === clientSn);
  const records = async (clientSn: string) => (await recordsOnDisk(dir)).filter((r) => 'clientSn' in r && r.clientSn === clientSn);
  return { sb, ctl, aggregator, journal, refunds, outcomes, paid, sandboxOrder, records };
}
