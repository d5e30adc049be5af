/** /upay/v2/precreate (C-scan-B) and /upay/v2/pay (B-scan-C, scripted by the customer's code). */
import { CONFLICT, type Ctx, checkClientSn, markPaid, markPayCanceled, orderData } from './orders';
import { type Fields, type Reply, biz, invalidParams, parseFen, str } from './protocol';
import type { Order, Terminal } from './state';
import { behaviourOf, detectWallet, makeOrderSn, makeToken, makeTradeNo, walletOfPayway } from './wallets';

export interface Common { clientSn: string; totalFen: number; subject: string; operator: string }

/** Field rules were checked already (rules.ts); this reads the values. */
export function common(body: Fields): Common | Reply {
  const clientSn = str(body, 'client_sn');
  const totalFen = parseFen(str(body, 'total_amount'));
  const subject = str(body, 'subject');
  const operator = str(body, 'operator');
  if (!clientSn) return invalidParams('client_sn 必填');
  if (totalFen === null || totalFen <= 0) return invalidParams('total_amount 必须是正整数（分）');
  if (!subject) return invalidParams('subject 必填');
  if (!operator) return invalidParams('operator 必填');
  return { clientSn, totalFen, subject, operator };
}

export function newOrder(ctx: Ctx, t: Terminal, c: Common, body: Fields, kind: Order['kind']): Order {
  return {
    sn: makeOrderSn(ctx.store.nextSeq()), clientSn: c.clientSn, terminalSn: t.sn, kind,
    totalFen: c.totalFen, subject: c.subject, operator: c.operator, reflect: str(body, 'reflect'),
    requestedPayway: str(body, 'payway') || undefined, orderStatus: 'CREATED', status: 'IN_PROG',
    ctime: ctx.now, cancelErrorsLeft: 0, chargeCount: 0, netFen: 0, refunds: [],
  };
}

export function precreate(ctx: Ctx, body: Fields, t: Terminal): Reply {
  const c = common(body);
  if ('status' in c) return c;
  const payway = str(body, 'payway');
  if (payway && !walletOfPayway(payway)) return invalidParams(`不支持的 payway ${payway}`);
  const subPayway = str(body, 'sub_payway') || '2';
  if (subPayway !== '2') return invalidParams(`收银台二维码请用 sub_payway "2"（收到 ${subPayway}；WAP/小程序须传 payer_uid，见 precreate.md）`);
  const seen = checkClientSn(ctx, c.clientSn, (o) => o.kind === 'qr' && o.totalFen === c.totalFen);
  if (seen.kind === 'conflict') return biz('FAIL', undefined, CONFLICT);
  if (seen.kind === 'repeat') return biz('PRECREATE_SUCCESS', orderData(ctx, seen.order));
  const o = newOrder(ctx, t, c, body, 'qr');
  o.subPayway = subPayway;
  o.qrToken = makeToken();
  o.expiresAt = ctx.now + ctx.qrExpirySeconds * 1000;
  ctx.store.addOrder(o);
  ctx.store.save();
  return biz('PRECREATE_SUCCESS', orderData(ctx, o));
}

function payAnswer(ctx: Ctx, o: Order): Reply {
  if (o.orderStatus === 'CREATED') return biz('PAY_IN_PROGRESS', orderData(ctx, o));
  if (o.orderStatus === 'PAY_CANCELED') {
    return biz('PAY_FAIL', orderData(ctx, o), { code: o.errorCode ?? 'TRADE_FAILED', message: o.errorMessage ?? '交易失败' });
  }
  return biz('PAY_SUCCESS', orderData(ctx, o));
}

export function pay(ctx: Ctx, body: Fields, t: Terminal): Reply {
  const c = common(body);
  if ('status' in c) return c;
  const dynamicId = str(body, 'dynamic_id');
  if (!dynamicId || dynamicId.length > 32) return invalidParams('dynamic_id 必填');
  const seen = checkClientSn(ctx, c.clientSn, (o) => o.kind === 'barcode' && o.totalFen === c.totalFen && o.dynamicId === dynamicId);
  if (seen.kind === 'conflict') return biz('FAIL', undefined, CONFLICT);
  if (seen.kind === 'repeat') return payAnswer(ctx, seen.order);

  const o = newOrder(ctx, t, c, body, 'barcode');
  o.dynamicId = dynamicId;
  ctx.store.addOrder(o);
  const detected = detectWallet(dynamicId);
  const forced = o.requestedPayway ? walletOfPayway(o.requestedPayway) : undefined;
  const behaviour = behaviourOf(dynamicId, ctx.store.paycodes);
  o.behaviour = behaviour;
  if (!detected || (o.requestedPayway && forced !== detected) || behaviour === 'invalid_barcode') {
    markPayCanceled(o, ctx.now, 'failed', { code: 'INVALID_BARCODE', message: '无效的付款码' });
  } else {
    o.wallet = detected;
    switch (behaviour) {
      case 'insufficient_fund':
        markPayCanceled(o, ctx.now, 'failed', { code: 'INSUFFICIENT_FUND', message: '余额不足' });
        break;
      case 'expired_barcode':
        markPayCanceled(o, ctx.now, 'failed', { code: 'EXPIRED_BARCODE', message: '付款码已过期' });
        break;
      case 'password':
      case 'cancel_error':
        o.pendingUntil = ctx.now + ctx.passwordSeconds * 1000;
        o.tradeNo = makeTradeNo(detected, ctx.now); // the channel's order exists while the customer types (pay.md PAY_IN_PROGRESS example)
        o.cancelErrorsLeft = behaviour === 'cancel_error' ? 1 : 0;
        break;
      case 'password_never':
        break;
      default:
        markPaid(o, detected, ctx.now);
    }
  }
  ctx.store.save();
  const reply = payAnswer(ctx, o);
  return behaviour === 'lost_response' && o.orderStatus === 'PAID' ? { ...reply, destroy: true } : reply;
}
