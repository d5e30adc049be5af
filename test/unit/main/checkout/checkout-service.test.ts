/**
 * The checkout over the real wire: sandbox over HTTP + real Upay driver + real journal files.
 */
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import type { AggOutcome, Aggregator, OrderData } from '../../../../main/aggregator/types';
import type { JournalPort } from '../../../../main/checkout/checkout-service';
import { ServiceError } from '../../../../main/services/dispatch';
import { activatedDriver, journalIn, makeService, recordsOnDisk, requestId, sandbox, tempDir, wechatCode } from './service-rig';
import { walletQrCodes } from '../../../../main/services/wallet-qr-codes';

const errorOf = async (p: Promise<unknown>): Promise<ServiceError> => {
  try { await p; } catch (err) { if (err instanceof ServiceError) return err; throw err; }
  throw new Error('expected a ServiceError');
};

async function realRig(config: Parameters<typeof makeService>[0]['config'] = {}) {
  const { sb, ctl } = await sandbox();
  const aggregator = await activatedDriver(sb.url);
  const dir = await tempDir();
  const journal = await journalIn(dir);
  const rig = makeService({ aggregator, journal, config, extra: { walletQrCodes } });
  return { ...rig, sb, ctl, dir, journal, aggregator };
}

// Over the real sandbox in the per-wallet mode (precreate with payway; the unified gateway QR is
// covered by qr-modes.test.ts and the e2e specs).
const PER_WALLET = { qrMode: 'per-wallet' } as const;

describe('QR payment (customer scans the dynamic QR)', () => {
  it('shows the QR, then 支付成功 with the wallet once the customer pays; journal and order index agree', async () => {
    const r = await realRig(PER_WALLET);
    const started = await r.service.startQr(1230, requestId(), undefined, 'wechat');
    expect(started).toMatchObject({ phase: 'waiting', method: 'qr', amountFen: 1230 });
    expect(started.qrCode).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/qr\//);
    const clientSn = started.clientSn!;

    await r.ctl.walletPay({ clientSn }, 'wechat');
    const result = await r.result(5_000);
    expect(result).toMatchObject({ outcome: 'PAID', message: '支付成功', wallet: 'wechat', amountFen: 1230 });
    expect(result.sn).toMatch(/^\d{16}$/);
    expect(r.finals).toEqual([expect.objectContaining({ clientSn, outcome: 'PAID', wallet: 'wechat', amountFen: 1230, method: 'qr', recovered: false })]);

    const types = (await recordsOnDisk(r.dir)).filter((x) => 'clientSn' in x && x.clientSn === clientSn).map((x) => x.type);
    expect(types).toEqual(['ATTEMPT_CREATED', 'REQUEST_SENT', 'QR_READY', 'PAYMENT_FINAL']);
    expect(r.journal.orders.get(clientSn)).toMatchObject({ status: 'paid', wallet: 'wechat', amountFen: 1230, sn: result.sn });
    const sbOrder = (await r.ctl.orders()).find((o) => o.clientSn === clientSn);
    expect(sbOrder).toMatchObject({ orderStatus: 'PAID', chargeCount: 1, totalFen: 1230 });
  });

  it('a double click (same requestId, even concurrently) makes one order, not two', async () => {
    const r = await realRig(PER_WALLET);
    const id = requestId();
    const [a, b] = await Promise.all([r.service.startQr(500, id, undefined, 'wechat'), r.service.startQr(500, id, undefined, 'wechat')]);
    const c = await r.service.startQr(500, id, undefined, 'wechat');
    const clientSn = a.clientSn ?? b.clientSn;
    expect(clientSn).toBeDefined();
    expect(c.clientSn).toBe(clientSn);
    expect(await r.ctl.orders()).toHaveLength(1);
    expect((await recordsOnDisk(r.dir)).filter((x) => x.type === 'ATTEMPT_CREATED')).toHaveLength(1);
  });

  it('a second payment while one is waiting is refused with BUSY', async () => {
    const r = await realRig(PER_WALLET);
    const first = await r.service.startQr(800, requestId(), undefined, 'wechat');
    const err = await errorOf(r.service.startQr(900, requestId(), undefined, 'wechat'));
    expect(err.code).toBe('BUSY');
    expect(err.message).toBe('上一笔收款尚未结束');
    await expect(r.service.startScan(900, wechatCode(), 'wechat', '1346****00', requestId())).rejects.toMatchObject({ code: 'BUSY' });
    expect((await r.ctl.orders()).map((o) => o.clientSn)).toEqual([first.clientSn]);
  });

  it('two starts with different requestIds at the same moment still make only one order', async () => {
    const r = await realRig(PER_WALLET);
    const results = await Promise.allSettled([r.service.startQr(800, requestId(), undefined, 'wechat'), r.service.startScan(800, wechatCode(), 'wechat', '1346****00', requestId())]);
    expect(results.map((x) => x.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((x): x is PromiseRejectedResult => x.status === 'rejected')!;
    expect(refused.reason).toMatchObject({ code: 'BUSY' });
    expect(await r.ctl.orders()).toHaveLength(1);
    expect((await recordsOnDisk(r.dir)).filter((x) => x.type === 'ATTEMPT_CREATED')).toHaveLength(1);
  });

  it('refuses zero and over-limit amounts before anything is journaled or sent', async () => {
    const r = await realRig({ maxAmountFen: 10_000 });
    await expect(r.service.startQr(0, requestId(), undefined, 'wechat')).rejects.toMatchObject({ code: 'REFUSED' });
    await expect(r.service.startQr(10_001, requestId())).rejects.toMatchObject({ code: 'REFUSED', message: '金额超过上限 ¥100.00' });
    expect(await r.ctl.orders()).toEqual([]);
    expect(await recordsOnDisk(r.dir)).toEqual([]);
  });

  it('the cashier cancels: 已撤销, the platform order is CANCELED and nobody was charged', async () => {
    const r = await realRig(PER_WALLET);
    const { clientSn } = await r.service.startQr(1500, requestId(), undefined, 'wechat');
    const view = await r.service.cancel(clientSn!);
    expect(view).toMatchObject({ phase: 'result', result: { outcome: 'CANCELED', amountFen: 1500 } });
    expect((await r.ctl.orders())[0]).toMatchObject({ clientSn, orderStatus: 'CANCELED', chargeCount: 0 });
    const recs = (await recordsOnDisk(r.dir)).map((x) => x.type);
    expect(recs.indexOf('CANCEL_REQUESTED')).toBeGreaterThan(recs.indexOf('REQUEST_SENT'));
    expect(recs.at(-1)).toBe('PAYMENT_FINAL');
    expect(r.journal.orders.get(clientSn!)?.status).toBe('canceled');
    // after the result the counter takes the next payment
    r.service.dismiss();
    await expect(r.service.startQr(100, requestId(), undefined, 'wechat')).resolves.toMatchObject({ phase: 'waiting' });
  });

  it('a QR paid just before the cashier pressed cancel ends PAID, not CANCELED', async () => {
    const r = await realRig(PER_WALLET);
    const { clientSn } = await r.service.startQr(2000, requestId(), undefined, 'wechat');
    await r.ctl.walletPay({ clientSn }, 'wechat');
    const view = await r.service.cancel(clientSn!);
    expect(view.result).toMatchObject({ outcome: 'PAID', wallet: 'wechat' });
    expect((await r.ctl.orders())[0]).toMatchObject({ orderStatus: 'PAID', chargeCount: 1 });
  });
});

describe('payment-code payment (cashier scans the customer)', () => {
  it('success: PAID at once, charged once', async () => {
    const r = await realRig();
    const view = await r.service.startScan(3300, wechatCode('00'), 'wechat', '1346****00', requestId());
    expect(view).toMatchObject({ phase: 'result', result: { outcome: 'PAID', wallet: 'wechat', amountFen: 3300 } });
    expect((await r.ctl.orders())[0]).toMatchObject({ orderStatus: 'PAID', chargeCount: 1 });
    expect(r.finals[0]).toMatchObject({ outcome: 'PAID', method: 'scan', codeMasked: '1346****00' });
  });

  it('password entry: 用户支付中 first, then PAID when the customer confirms', async () => {
    const r = await realRig();
    await r.ctl.config({ passwordSeconds: 1 });
    const view = await r.service.startScan(4400, wechatCode('11'), 'wechat', '1346****11', requestId());
    expect(view).toMatchObject({ phase: 'waiting', progress: '用户支付中，请稍候（顾客可能需要输入密码）' });
    const result = await r.result(6_000);
    expect(result).toMatchObject({ outcome: 'PAID', wallet: 'wechat', amountFen: 4400 });
    expect((await r.ctl.orders())[0]).toMatchObject({ orderStatus: 'PAID', chargeCount: 1 });
  });

  it('insufficient funds: FAILED with 余额不足 and a next step for the cashier', async () => {
    const r = await realRig();
    const view = await r.service.startScan(5500, wechatCode('21'), 'wechat', '1346****21', requestId());
    expect(view.result).toMatchObject({ outcome: 'FAILED', nextStep: '请顾客刷新付款码后重新扫码' });
    expect(view.result?.message).toContain('余额不足');
    expect(r.journal.orders.get(view.clientSn!)?.status).toBe('failed');
  });

  it('the customer never enters the password: at the end of the window the order is cancelled (CANCELED, nothing charged)', async () => {
    const r = await realRig({ scanWindowMs: 1_500 });
    const view = await r.service.startScan(6600, wechatCode('12'), 'wechat', '1346****12', requestId());
    expect(view.phase).toBe('waiting');
    const result = await r.result(8_000);
    expect(result).toMatchObject({ outcome: 'CANCELED', message: '已撤销：顾客未在时限内完成支付' });
    expect((await r.ctl.orders())[0]).toMatchObject({ orderStatus: 'CANCELED', chargeCount: 0 });
    const recs = await recordsOnDisk(r.dir);
    expect(recs.find((x) => x.type === 'CANCEL_REQUESTED')).toMatchObject({ reason: 'window_end' });
  });

  it('the pay answer is lost after the charge: it queries, ends PAID, and the customer is charged once', async () => {
    const r = await realRig();
    const view = await r.service.startScan(7700, wechatCode('31'), 'wechat', '1346****31', requestId());
    expect(view.phase).not.toBe('result'); // it does not know yet
    const result = await r.result(8_000);
    expect(result).toMatchObject({ outcome: 'PAID', amountFen: 7700 });
    const orders = await r.ctl.orders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ orderStatus: 'PAID', chargeCount: 1 });
  });
});

/** An aggregator that says PAID, but for another amount than asked. */
function wrongAmountAggregator(totalFen: number): { agg: Aggregator; calls: string[] } {
  const calls: string[] = [];
  const data = (clientSn: string, status: string): OrderData => ({ sn: '7895000000010001', clientSn, orderStatus: status, wallet: 'wechat', totalFen, raw: {} });
  const answer = (op: string, out: AggOutcome) => { calls.push(op); return Promise.resolve(out); };
  const agg: Aggregator = {
    activate: () => Promise.reject(new Error('unused')), checkin: () => Promise.reject(new Error('unused')),
    refund: () => Promise.reject(new Error('unused')), revoke: () => Promise.reject(new Error('unused')), statement: () => Promise.resolve(null),
    unifiedQr: (req) => { calls.push('unifiedQr'); return Promise.resolve({ kind: 'ok', qrCode: `http://127.0.0.1/gateway?client_sn=${req.clientSn}` }); },
    pay: (req) => answer('pay', { kind: 'ok', bizCode: 'PAY_SUCCESS', data: data(req.clientSn, 'PAID') }),
    precreate: (req) => answer('precreate', { kind: 'ok', bizCode: 'PRECREATE_SUCCESS', data: { ...data(req.clientSn, 'CREATED'), qrCode: 'http://127.0.0.1/qr/x' } }),
    query: (ref) => answer('query', { kind: 'ok', bizCode: 'SUCCESS', data: data(ref.clientSn ?? '', 'PAID') }),
    cancel: () => answer('cancel', { kind: 'ok', bizCode: 'CANCEL_SUCCESS' }),
  };
  return { agg, calls };
}

describe('guards', () => {
  it('PAID for a different amount than asked → 需人工确认, never 支付成功', async () => {
    const dir = await tempDir();
    const journal = await journalIn(dir);
    const { agg } = wrongAmountAggregator(1);
    const r = makeService({ aggregator: agg, journal });
    const view = await r.service.startScan(9900, wechatCode(), 'wechat', '1346****00', requestId());
    expect(view.result).toMatchObject({ outcome: 'NEEDS_ATTENTION', amountFen: 9900 });
    expect(view.result?.message).toContain('金额不一致：应收 ¥99.00，平台记录 ¥0.01');
    expect(r.finals).toEqual([]);
    const recs = await recordsOnDisk(dir);
    expect(recs.some((x) => x.type === 'PAYMENT_FINAL')).toBe(false);
    expect(recs.at(-1)).toMatchObject({ type: 'NEEDS_ATTENTION' });
    expect(journal.orders.get(view.clientSn!)?.status).toBe('needs_attention');
  });

  it('the same guard holds on the QR path (query says PAID for another amount)', async () => {
    const dir = await tempDir();
    const journal = await journalIn(dir);
    const { agg } = wrongAmountAggregator(123_400);
    const r = makeService({ aggregator: agg, journal });
    await r.service.startQr(1234, requestId());
    const result = await r.result(5_000);
    expect(result.outcome).toBe('NEEDS_ATTENTION');
    expect(r.views.some((v) => v.result?.outcome === 'PAID')).toBe(false);
  });

  it('a journal that cannot write refuses the payment and nothing is sent to the aggregator', async () => {
    const { sb, ctl } = await sandbox();
    const aggregator = await activatedDriver(sb.url);
    const sent: string[] = [];
    sb.on('request', (e) => sent.push(e.op));
    let failing = true;
    const real = await journalIn(await tempDir());
    const journal: JournalPort = { append: (body) => (failing ? Promise.reject(new Error('ENOSPC: no space left on device')) : real.append(body)) };
    const r = makeService({ aggregator, journal });
    const id = requestId();
    const err = await errorOf(r.service.startQr(1000, id));
    expect(err.code).toBe('REFUSED');
    expect(err.message).toContain('无法写入交易记录，未发起收款');
    expect(err.message).toContain('记录写入失败'); // the errno detail is in the log, not on the screen
    expect(sent).toEqual([]);
    expect(await ctl.orders()).toEqual([]);
    expect(r.service.current().phase).toBe('idle');
    // once the disk is fixed, the cashier's retry (same button, same requestId) goes through
    failing = false;
    await expect(r.service.startQr(1000, id)).resolves.toMatchObject({ phase: 'waiting' });
    expect(sent).toEqual([]); // the unified QR (a signed gateway URL) is made without a request
  });
});
