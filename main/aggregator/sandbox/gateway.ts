/**
 * GET /gateway: the 收钱吧 WAP cashier (zh-cn/api/wap2.md) the unified QR points at. Verifies the
 * WAP signature, creates the order on first open (from then on /upay/v2/query by client_sn finds
 * it; before, it answers UPAY_ORDER_NOT_EXISTS), and pays as the wallet the page is opened in
 * (User-Agent) would: that wallet's confirm page with 确认支付. A plain browser gets the wallet
 * page with a choice of 微信/支付宝/云闪付.
 *
 * No expiry parameter exists (wap2.md), so a URL opened after the counter gave up still creates
 * and can pay the order if the counter's cancel found nothing to cancel — a late payment the
 * counter must catch by watching. An order that already existed and was cancelled stays cancelled.
 */
import { createHash } from 'node:crypto';
import { common, newOrder } from './micropay';
import { type Ctx, CONFLICT } from './orders';
import type { Reply } from './protocol';
import { checkRules, describeBroken } from './rules';
import type { SandboxWallet, Terminal } from './state';
import { messagePage, render } from './wallet-page';
import { makeToken, paywayOf, walletOfPayway, WALLET_LABEL } from './wallets';
import type { Violations } from './violations';

const SOURCE = 'zh-cn/api/wap2.md';

/** The wallet app a page is opened in, from its User-Agent; null = a plain browser. */
export function walletOfUserAgent(ua: string | undefined): SandboxWallet | null {
  if (!ua) return null;
  if (/MicroMessenger/i.test(ua)) return 'wechat';
  if (/AlipayClient/i.test(ua)) return 'alipay';
  if (/UnionPay/i.test(ua)) return 'unionpay';
  return null;
}

/** wap2.md 签名规则: sorted k=v (raw values, without sign/sign_type), &key=…, md5, upper case. */
export function gatewaySign(params: Readonly<Record<string, string>>, key: string): string {
  const text = Object.keys(params).filter((k) => k !== 'sign' && k !== 'sign_type').sort().map((k) => `${k}=${params[k]}`).join('&');
  return createHash('md5').update(`${text}&key=${key}`, 'utf8').digest('hex').toUpperCase();
}

function refuse(ctx: Ctx, v: Violations, field: string, rule: string, title: string, detail: string, status = 400): Reply {
  v.record({ op: 'gateway', field, rule, source: SOURCE, at: ctx.now, refused: true });
  return messagePage(title, detail, status);
}

function verifySign(ctx: Ctx, v: Violations, t: Terminal, params: Record<string, string>): Reply | null {
  const given = params.sign ?? '';
  for (const key of [t.key, t.prevKey]) {
    if (key === undefined) continue;
    const expected = gatewaySign(params, key);
    if (given === expected) return null;
    if (given === expected.toLowerCase()) return refuse(ctx, v, 'sign', '将sign转换成大写 (sign in upper case)', '签名错误', 'ILLEGAL_SIGN：sign 须为大写的 MD5');
  }
  return refuse(ctx, v, 'sign', '签名规则 (sorted k=v&key=terminal_key, MD5, upper case)', '签名错误', 'ILLEGAL_SIGN：签名校验失败，请检查参数与终端密钥');
}

export function gatewayPage(ctx: Ctx, v: Violations, method: string, url: string, userAgent: string | undefined): Reply {
  if (method !== 'GET') return messagePage('请求方式错误', '网关只接受 GET（wap2.md 请求方式）', 405);
  const params: Record<string, string> = {};
  for (const [k, val] of new URL(url, 'http://sandbox').searchParams) {
    if (k in params) return refuse(ctx, v, k, '参数只能出现一次', '参数错误', `INVALID_PARAMS：${k} 重复`);
    params[k] = val;
  }
  const broken = checkRules('gateway', params);
  if (broken.length > 0) {
    for (const b of broken) v.record({ ...b, at: ctx.now, refused: true });
    return messagePage('参数错误', `INVALID_PARAMS：${describeBroken(broken)}`, 400);
  }
  const t = ctx.store.terminals.get(params.terminal_sn ?? '');
  if (!t) return refuse(ctx, v, 'terminal_sn', '收钱吧终端ID 须为已激活终端', '终端错误', 'INVALID_TERMINAL：终端不存在或未激活');
  const badSign = verifySign(ctx, v, t, params);
  if (badSign) return badSign;

  const inWallet = walletOfUserAgent(userAgent);
  const asked = params.payway ? walletOfPayway(params.payway) : undefined;
  if (params.payway && !asked) return messagePage('不支持的支付方式', `payway ${params.payway} 不受沙箱支持`, 400);
  if (asked && inWallet && asked !== inWallet) return messagePage('请更换支付工具', `此订单须使用${WALLET_LABEL[asked]}支付`, 409);

  const c = common(params);
  if ('status' in c) return messagePage('参数错误', 'INVALID_PARAMS', 400);
  const existing = ctx.store.findOrder(undefined, c.clientSn);
  if (existing) {
    const same = existing.gateway !== undefined && existing.terminalSn === t.sn && existing.totalFen === c.totalFen;
    return same ? render(existing) : messagePage('订单号重复', `${CONFLICT.code}：${CONFLICT.message}`, 409);
  }
  const o = newOrder(ctx, t, c, params, 'qr');
  o.gateway = { returnUrl: params.return_url ?? '' };
  o.subPayway = '3'; // wap支付 (zh-cn/api/annex/payway.md)
  const payway = asked ? params.payway : inWallet ? paywayOf(inWallet) : undefined;
  if (payway) o.requestedPayway = payway;
  o.qrToken = makeToken();
  o.expiresAt = ctx.now + ctx.qrExpirySeconds * 1000;
  ctx.store.addOrder(o);
  ctx.store.save();
  return render(o);
}
