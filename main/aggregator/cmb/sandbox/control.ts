/**
 * /__control/ of the polypay sandbox (loopback only), mirroring the first sandbox's:
 *   POST faults {op, fault, ms?, times?} · DELETE faults · GET faults
 *   POST config {passwordSeconds?, refundSeconds?, maxValidSeconds?, paddedDer?, clockOffsetMs?, billClockOffsetMs?}
 *     (billClockOffsetMs: only the bill desk runs ahead, e.g. to T+1 16:30, while requests stay signable)
 *   GET orders · POST wallet-pay {orderId|cmbOrderId, wallet} · POST wallet-fail {orderId, wallet?}
 *   POST statement-omit {orderId} (drop a row from the bill, to test 对账 differences) · GET requests
 *   POST statement-amend {orderId, amountFen} (the bill shows another amount for that payment)
 */
import type { Fault, Faults } from '../../sandbox/faults';
import { isWallet } from '../../sandbox/wallets';
import { type CmbCtx, walletFail, walletPay } from './handlers';

export interface CmbConfigOverrides { passwordSeconds?: number; refundSeconds?: number; maxValidSeconds?: number; paddedDer?: boolean; clockOffsetMs?: number; billClockOffsetMs?: number }

interface Deps {
  ctx: CmbCtx; faults: Faults; overrides: CmbConfigOverrides; omitted: Set<string>; amended: Map<string, number>;
  requests: unknown[]; parseFault(b: Record<string, unknown>): Fault | string;
}

type Out = { status: number; body: unknown };
const ok = (v: Record<string, unknown> = {}): Out => ({ status: 200, body: { ok: true, ...v } });
const bad = (error: string, status = 400): Out => ({ status, body: { ok: false, error } });

export function cmbControl(d: Deps, method: string, route: string, body: Record<string, unknown>): Out {
  const key = `${method} ${route}`;
  const find = () => {
    const id = typeof body.orderId === 'string' ? body.orderId : undefined;
    const cmb = typeof body.cmbOrderId === 'string' ? body.cmbOrderId : undefined;
    return cmb ? d.ctx.store.byCmbOrderId(cmb) : id ? d.ctx.store.orders.get(id) : undefined;
  };
  switch (key) {
    case 'POST faults': {
      const f = d.parseFault(body);
      if (typeof f === 'string') return bad(f);
      d.faults.add(f);
      return ok({ faults: d.faults.list() });
    }
    case 'DELETE faults': d.faults.clear(); return ok();
    case 'GET faults': return ok({ faults: d.faults.list() });
    case 'POST config': {
      for (const k of ['passwordSeconds', 'refundSeconds', 'maxValidSeconds', 'clockOffsetMs', 'billClockOffsetMs'] as const) {
        const v = body[k];
        if (v === undefined) continue;
        if (typeof v !== 'number' || !Number.isFinite(v) || (!k.endsWith('OffsetMs') && v < 0)) return bad(`${k} must be a number ≥ 0`);
        d.overrides[k] = v;
      }
      if (body.paddedDer !== undefined) d.overrides.paddedDer = body.paddedDer === true;
      return ok({ config: d.overrides });
    }
    case 'GET orders': return ok({ orders: [...d.ctx.store.orders.values()] });
    case 'GET requests': return ok({ requests: d.requests });
    case 'POST wallet-pay': case 'POST wallet-fail': {
      const o = find();
      if (!o) return bad('no such order', 404);
      const w = body.wallet;
      if (w !== undefined && !isWallet(w)) return bad('wallet must be wechat, alipay or unionpay');
      if (route === 'wallet-pay' && w === undefined) return bad('wallet required');
      const r = route === 'wallet-pay' ? walletPay(d.ctx, o, w as 'wechat') : walletFail(d.ctx, o, w as 'wechat' | undefined);
      return r.ok ? ok({ order: o }) : bad(r.message, 409);
    }
    case 'POST statement-omit': {
      if (typeof body.orderId !== 'string') return bad('orderId required');
      d.omitted.add(body.orderId);
      return ok();
    }
    case 'POST statement-amend': {
      if (typeof body.orderId !== 'string' || typeof body.amountFen !== 'number' || !Number.isSafeInteger(body.amountFen) || body.amountFen < 0) return bad('orderId and amountFen (integer fen ≥ 0) required');
      d.amended.set(body.orderId, body.amountFen);
      return ok();
    }
    default: return bad(`no control route ${key}`, 404);
  }
}
