/**
 * One face for both payment platforms' sandboxes, so a test proven on 收钱吧 runs unchanged on
 * 招商银行 聚合收款 (parametrize by platform rather than copy). Fault ops are the neutral names both
 * sandboxes take (precreate = the QR request, pay, query, cancel incl. close, refund); orders are
 * reduced to what the tests assert: our order number, how often the customer was charged, and
 * whether the platform holds it as paid.
 */
import { join } from 'node:path';
import { startSandbox } from '../../main/aggregator/sandbox';
import { startCmbSandbox } from '../../main/aggregator/cmb/sandbox';
import { sandboxControl } from './sandbox-control';
import { cmbSandboxControl } from './cmb-sandbox-control';

export type Platform = 'upay' | 'cmb';
export const PLATFORMS: readonly Platform[] = ['upay', 'cmb'];
export type NeutralOp = 'precreate' | 'pay' | 'query' | 'cancel' | 'refund';

/** `refunds`: the platform's own refund records, as it keeps them (tests look for the refund number in them). */
export interface PlatformOrder { clientSn: string; chargeCount: number; paid: boolean; refunds: unknown[]; amountFen: number }
/** One request the platform received, in the neutral vocabulary (op) with the scripted fault it met. */
export interface PlatformRequest { op: NeutralOp | string; clientSn?: string; fault?: string }

export interface PlatformSandbox {
  platform: Platform;
  /** What the counter is started with (`--aggregator`). */
  aggregatorUrl: string;
  /** The QR mode whose QR is a platform request: 收钱吧's per-wallet precreate, the bank's qrcodeapply (unified). */
  qrMode: 'per-wallet' | 'unified';
  fault(op: NeutralOp, fault: string, extra?: { ms?: number; times?: number }): Promise<unknown>;
  clearFaults(): Promise<unknown>;
  orders(): Promise<PlatformOrder[]>;
  walletPay(clientSn: string, wallet: 'wechat' | 'alipay' | 'unionpay'): Promise<unknown>;
  requests(op: NeutralOp): Promise<number>;
  requestLog(): Promise<PlatformRequest[]>;
  /** The sandbox's own settings (收钱吧: qrExpirySeconds/passwordSeconds; the bank: see cmb-sandbox-control.ts). */
  config(cfg: Record<string, number | boolean>): Promise<unknown>;
  close(): Promise<void>;
}

// The bank's API names for the neutral ops [cmb-polypay.md §2].
const CMB_APIS: Record<NeutralOp, readonly string[]> = {
  precreate: ['qrcodeapply'], pay: ['pay'], query: ['orderquery'], cancel: ['cancel', 'close'], refund: ['refund', 'refundquery'],
};

const neutralOf = (api: string): NeutralOp | string => (Object.keys(CMB_APIS) as NeutralOp[]).find((op) => CMB_APIS[op].includes(api)) ?? api;

export async function startPlatformSandbox(platform: Platform, dir: string): Promise<PlatformSandbox> {
  if (platform === 'upay') {
    const sb = await startSandbox({ port: 0, dataDir: join(dir, 'aggregator') });
    const c = sandboxControl(sb.url);
    return {
      platform, aggregatorUrl: sb.url, qrMode: 'per-wallet',
      fault: (op, fault, extra) => c.fault(op, fault, extra),
      clearFaults: () => c.clearFaults(),
      orders: async () => (await c.orders()).map((o) => ({ clientSn: o.clientSn, chargeCount: o.chargeCount, paid: o.orderStatus === 'PAID', refunds: o.refunds ?? [], amountFen: o.totalFen })),
      walletPay: (clientSn, wallet) => c.walletPay({ clientSn }, wallet),
      requests: async (op) => (await c.call<{ requests: { op: string }[] }>('GET', 'requests')).requests.filter((r) => r.op === op).length,
      requestLog: async () => (await c.call<{ requests: PlatformRequest[] }>('GET', 'requests')).requests.map((r) => ({ op: r.op, clientSn: r.clientSn, fault: r.fault })),
      config: (cfg) => c.call('POST', 'config', cfg),
      close: () => sb.close(),
    };
  }
  const sb = await startCmbSandbox({ port: 0, dataDir: join(dir, 'cmb-bank') });
  const c = cmbSandboxControl(sb.url);
  return {
    platform, aggregatorUrl: `cmb-sandbox+${sb.url}`, qrMode: 'unified',
    fault: (op, fault, extra) => c.fault(op, fault, extra),
    clearFaults: () => c.clearFaults(),
    // [cmb-polypay.md §2] tradeState S = paid, R = paid with a refund requested.
    orders: async () => (await c.orders()).map((o) => ({ clientSn: o.orderId, chargeCount: o.chargeCount, paid: o.state === 'S' || o.state === 'R', refunds: o.refunds, amountFen: o.amountFen })),
    walletPay: (clientSn, wallet) => c.walletPay(clientSn, wallet),
    requests: async (op) => (await c.requests()).filter((r) => CMB_APIS[op].includes(r.api)).length,
    requestLog: async () => (await c.requests()).map((r) => ({ op: neutralOf(r.api), clientSn: r.orderId, fault: r.fault })),
    config: (cfg) => c.call('POST', 'config', cfg),
    close: () => sb.close(),
  };
}
