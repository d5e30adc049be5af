/** /__control/…: the unauthenticated, loopback-only test control API (documented in README.md). */
import { type Fault, type Faults, parseFault } from './faults';
import { type Ctx, customerCancel, customerPay, qrUrl } from './orders';
import { type Reply, json } from './protocol';
import { BEHAVIOURS, type Behaviour, type Order } from './state';
import { isWallet, makeOrderSn, makeTradeNo } from './wallets';
import type { Violations } from './violations';

export interface RequestLogEntry { op: string; path: string; clientSn?: string; at: number; fault?: Fault['fault'] }

export interface ControlDeps {
  faults: Faults;
  requests: RequestLogEntry[];
  /** Effective config after an update (the store keeps the overrides). */
  config(): { qrExpirySeconds: number; passwordSeconds: number };
  /** Documentation violations seen (strict mode's record). */
  violations: Violations;
}

const ok = (value: Record<string, unknown> = {}): Reply => json(200, { ok: true, ...value });
const fail = (status: number, error: string): Reply => json(status, { ok: false, error });

/** A payment code as the control API shows it: never in full (issue 14), like the counter's logs. */
export function maskCode(code: string): string {
  return code.length > 8 ? `${code.slice(0, 4)}****${code.slice(-4)}` : '****';
}

function orderView(ctx: Ctx, o: Order): Record<string, unknown> {
  return { ...o, dynamicId: o.dynamicId === undefined ? undefined : maskCode(o.dynamicId), qrCode: o.kind === 'qr' ? qrUrl(ctx, o) : undefined };
}

const maskedPaycodes = (codes: Record<string, unknown>) => Object.fromEntries(Object.entries(codes).map(([c, b]) => [maskCode(c), b]));

function findOrder(ctx: Ctx, body: Record<string, unknown>): Order | undefined {
  const sn = typeof body.sn === 'string' ? body.sn : undefined;
  const clientSn = typeof body.clientSn === 'string' ? body.clientSn : undefined;
  return ctx.store.findOrder(sn, clientSn);
}

const posSeconds = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function setConfig(ctx: Ctx, deps: ControlDeps, body: Record<string, unknown>): Reply {
  const { qrExpirySeconds, passwordSeconds } = body;
  if (qrExpirySeconds !== undefined && !posSeconds(qrExpirySeconds)) return fail(400, 'qrExpirySeconds must be a number ≥ 0');
  if (passwordSeconds !== undefined && !posSeconds(passwordSeconds)) return fail(400, 'passwordSeconds must be a number ≥ 0');
  if (qrExpirySeconds !== undefined) ctx.store.config.qrExpirySeconds = qrExpirySeconds as number;
  if (passwordSeconds !== undefined) ctx.store.config.passwordSeconds = passwordSeconds as number;
  ctx.store.save();
  return ok({ config: deps.config() });
}

function statementEdit(ctx: Ctx, body: Record<string, unknown>): Reply {
  const { omitClientSn, extra } = body;
  if (omitClientSn !== undefined && typeof omitClientSn !== 'string') return fail(400, 'omitClientSn must be a string');
  let extraRow;
  if (extra !== undefined) {
    const e = extra as Record<string, unknown>;
    const amountFen = e?.amountFen;
    if (typeof amountFen !== 'number' || !Number.isSafeInteger(amountFen) || amountFen <= 0) return fail(400, 'extra.amountFen must be a positive integer');
    const wallet = e.wallet ?? 'wechat';
    if (!isWallet(wallet)) return fail(400, 'extra.wallet must be wechat, alipay or unionpay');
    extraRow = { sn: makeOrderSn(ctx.store.nextSeq()), amountFen, wallet, at: ctx.now, tradeNo: makeTradeNo(wallet, ctx.now) };
  }
  if (omitClientSn) ctx.store.statementEdits.omit.push(omitClientSn);
  if (extraRow) ctx.store.statementEdits.extras.push(extraRow);
  ctx.store.save();
  return ok({ statementEdits: ctx.store.statementEdits });
}

export function control(ctx: Ctx, deps: ControlDeps, method: string, route: string, body: Record<string, unknown>): Reply {
  const key = `${method} ${route}`;
  switch (key) {
    case 'POST reset':
      ctx.store.reset(body.terminals === true);
      deps.faults.clear();
      deps.requests.length = 0;
      deps.violations.clear();
      return ok();
    case 'GET config':
      return ok({ config: deps.config() });
    case 'POST config':
      return setConfig(ctx, deps, body);
    case 'GET faults':
      return ok({ faults: deps.faults.list() });
    case 'POST faults': {
      const f = parseFault(body);
      if (typeof f === 'string') return fail(400, f);
      deps.faults.add(f);
      return ok({ faults: deps.faults.list() });
    }
    case 'DELETE faults':
      deps.faults.clear();
      return ok({ faults: [] });
    case 'POST wallet-pay':
    case 'POST wallet-cancel': {
      const o = findOrder(ctx, body);
      if (!o) return fail(404, 'order not found');
      if (route === 'wallet-pay' && !isWallet(body.wallet)) return fail(400, 'wallet must be wechat, alipay or unionpay');
      const r = route === 'wallet-pay' && isWallet(body.wallet) ? customerPay(ctx, o, body.wallet) : customerCancel(ctx, o);
      return r.ok ? ok({ order: orderView(ctx, r.order) }) : fail(r.status, r.message);
    }
    case 'POST paycode': {
      const { code, behaviour } = body;
      if (typeof code !== 'string' || !code) return fail(400, 'code must be a non-empty string');
      if (!(BEHAVIOURS as readonly unknown[]).includes(behaviour)) return fail(400, `behaviour must be one of ${BEHAVIOURS.join(', ')}`);
      ctx.store.paycodes[code] = behaviour as Behaviour;
      ctx.store.save();
      return ok({ paycodes: maskedPaycodes(ctx.store.paycodes) });
    }
    case 'POST statement-edit':
      return statementEdit(ctx, body);
    case 'GET orders':
      return ok({ orders: [...ctx.store.orders.values()].map((o) => orderView(ctx, o)) });
    case 'GET violations':
      return ok({ violations: deps.violations.all() });
    case 'DELETE violations':
      deps.violations.clear();
      return ok({ violations: [] });
    case 'GET requests':
      return ok({ requests: deps.requests });
    default:
      return fail(404, `unknown control route ${key}`);
  }
}
