/**
 * The two QR modes at the checkout (qr-start.ts) with a scripted platform and the real journal:
 * the unified QR needs no network call and treats "order not found" as waiting (§1.6a); the
 * per-wallet QR is a precreate with the documented payway and sub_payway (§1.3, §1.5).
 */
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import type { AggOutcome, Aggregator, PrecreateRequest } from '../../../../main/aggregator/types';
import type { WithdrawnQr } from '../../../../main/checkout/late-watch';
import { walletQrCodes } from '../../../../main/services/wallet-qr-codes';
import { ok, order, queryAnswer } from './agg-fixtures';
import { journalIn, makeService, recordsOnDisk, requestId, tempDir } from './service-rig';

const notFoundEn: AggOutcome = ok('FAIL', undefined, { errorCode: 'UPAY_ORDER_NOT_EXIST', message: 'order not exist' });
const notFoundZh: AggOutcome = ok('FAIL', undefined, { errorCode: 'UPAY_ORDER_NOT_EXISTS', message: '订单不存在' });

/** A platform whose query answers come from `answers` (last repeats); every call is logged. */
function platform(answers: AggOutcome[]) {
  const calls: string[] = [];
  const precreates: PrecreateRequest[] = [];
  const next = (): AggOutcome => (answers.length > 1 ? answers.shift()! : answers[0]!);
  const agg: Aggregator = {
    activate: () => Promise.reject(new Error('unused')), checkin: () => Promise.reject(new Error('unused')),
    refund: () => Promise.reject(new Error('unused')), revoke: () => Promise.reject(new Error('unused')), statement: () => Promise.resolve(null),
    pay: () => Promise.reject(new Error('unused')),
    unifiedQr: (req) => { calls.push('unifiedQr'); return Promise.resolve({ kind: 'ok', qrCode: `http://127.0.0.1:1/gateway?client_sn=${req.clientSn}&sign=X` }); },
    precreate: (req) => { calls.push('precreate'); precreates.push(req); return Promise.resolve(ok('PRECREATE_SUCCESS', { ...order('CREATED', { clientSn: req.clientSn }), qrCode: 'weixin://wxpay/bizpayurl?pr=abc' })); },
    query: (ref) => { calls.push(`query ${ref.clientSn ?? ''}`); return Promise.resolve(next()); },
    cancel: () => { calls.push('cancel'); return Promise.resolve(notFoundZh); },
  };
  return { agg, calls, precreates };
}

async function rig(answers: AggOutcome[], config: Record<string, unknown> = {}) {
  const p = platform(answers);
  const dir = await tempDir();
  const journal = await journalIn(dir);
  const withdrawn: WithdrawnQr[] = [];
  const fast = { steps: [{ untilMs: Infinity, everyMs: 100 }], errorBaseMs: 100, errorMaxMs: 100 }; // keeps the test short
  const r = makeService({ aggregator: p.agg, journal, config: { qrExpiryMs: 600, ...config }, extra: { walletQrCodes, onQrWithdrawn: (w) => withdrawn.push(w), policies: { qr: fast, scan: fast } } });
  return { ...r, ...p, dir, journal, withdrawn };
}

describe('unified QR (WAP gateway)', () => {
  it('is shown without any network call, after the client_sn is journaled; not found while polling = still waiting; PAID ends it', async () => {
    const r = await rig([notFoundEn, notFoundZh, queryAnswer('PAID', { clientSn: 'x', totalFen: 1230 })], { qrExpiryMs: 30_000 });
    const started = await r.service.startQr(1230, requestId());
    expect(started).toMatchObject({ phase: 'waiting', method: 'qr', qrCode: expect.stringContaining('/gateway?client_sn=') });
    expect(r.calls).toEqual(['unifiedQr']); // nothing went over the network to show it
    const result = await r.result(10_000);
    expect(result).toMatchObject({ outcome: 'PAID', message: '支付成功' });
    expect(r.views.filter((v) => v.phase === 'result')).toHaveLength(1); // never a failure before PAID
    const recs = (await recordsOnDisk(r.dir)).filter((x) => 'clientSn' in x && x.clientSn === started.clientSn);
    expect(recs.map((x) => x.type)).toEqual(['ATTEMPT_CREATED', 'QR_READY', 'PAYMENT_FINAL']);
    expect(recs[1]).not.toHaveProperty('sn'); // no platform order yet when the QR was made
    expect(r.withdrawn).toEqual([]);
  });

  it('nobody opened it: at the window end nothing is cancelled (no order), 已过期, and the QR is handed to the late watch', async () => {
    const r = await rig([notFoundZh]);
    const started = await r.service.startQr(800, requestId());
    const result = await r.result(10_000);
    expect(result).toMatchObject({ outcome: 'EXPIRED', message: '二维码已过期，顾客未支付' });
    expect(r.calls).not.toContain('cancel');
    expect(r.withdrawn).toEqual([{ clientSn: started.clientSn, amountFen: 800, withdrawnAt: expect.any(Number) }]);
  });

  it('the cashier cancels before anyone opened it: 已取消 without a cancel call, watched for a late payment', async () => {
    const r = await rig([notFoundEn], { qrExpiryMs: 60_000 });
    const started = await r.service.startQr(500, requestId());
    const view = await r.service.cancel(started.clientSn!);
    expect(view.result).toMatchObject({ outcome: 'CANCELED', message: '已取消，顾客未支付' });
    expect(r.calls.filter((c) => c === 'cancel')).toEqual([]);
    expect(r.withdrawn.map((w) => w.clientSn)).toEqual([started.clientSn]);
  });

  it('an order a wallet opened is cancelled at the window end by client_sn', async () => {
    const r = await rig([queryAnswer('CREATED')]);
    await r.service.startQr(800, requestId());
    const cancelled: AggOutcome = ok('CANCEL_SUCCESS', order('CANCELED'));
    r.agg.cancel = () => { r.calls.push('cancel'); return Promise.resolve(cancelled); };
    const result = await r.result(10_000);
    expect(result.outcome).toBe('EXPIRED');
    expect(r.calls).toContain('cancel');
  });
});

describe('per-wallet QR (fallback mode)', () => {
  it('precreates with the documented payway and sub_payway 2 for the wallet the cashier picked', async () => {
    const r = await rig([queryAnswer('CREATED')], { qrMode: 'per-wallet', qrExpiryMs: 60_000 });
    const started = await r.service.startQr(1230, requestId(), undefined, 'wechat');
    expect(started).toMatchObject({ phase: 'waiting', wallet: 'wechat', qrCode: 'weixin://wxpay/bizpayurl?pr=abc' });
    await r.service.cancel(started.clientSn!);
    await r.service.dismiss();
    await r.service.startQr(500, requestId(), undefined, 'alipay');
    const s3 = await (async () => { const v = r.service.current(); await r.service.cancel(v.clientSn!); r.service.dismiss(); return r.service.startQr(300, requestId(), undefined, 'unionpay'); })();
    expect(s3.wallet).toBe('unionpay');
    expect(r.precreates.map((p) => [p.payway, p.subPayway])).toEqual([['3', '2'], ['1', '2'], ['17', '2']]);
    expect(r.calls).not.toContain('unifiedQr');
  });

  it('without a wallet nothing is journaled or sent: the cashier is asked to pick one', async () => {
    const r = await rig([queryAnswer('CREATED')], { qrMode: 'per-wallet' });
    await expect(r.service.startQr(1230, requestId())).rejects.toMatchObject({ code: 'REFUSED', message: expect.stringContaining('请先选择顾客用的钱包') });
    expect(r.calls).toEqual([]);
    expect(await recordsOnDisk(r.dir)).toEqual([]);
  });
});
