/**
 * Getting the QR to show, in the shop's QR mode:
 * - 'unified' (多码合一): `aggregator.unifiedQr` — at 收钱吧 a signed WAP-gateway URL built
 *   locally, no network call; the order exists only once a wallet opens it, so "order not found"
 *   while polling means *still waiting* (payment-protocols.md §1.6a).
 * - 'per-wallet' (fallback for contracts without WAP): `precreate` with the documented payway
 *   and sub_payway 2 = QR for the wallet the cashier picked (§1.3, §1.5; precreate.md marks
 *   payway required).
 */
import type { Aggregator, Wallet } from '../aggregator/types';
import { interpretPrecreate } from './interpret';

export type QrMode = 'unified' | 'per-wallet';

/** The wallets a per-wallet QR can be asked for (documented payways; §1.5). */
export const QR_WALLETS = ['wechat', 'alipay', 'unionpay'] as const satisfies readonly Wallet[];
export type QrWallet = (typeof QR_WALLETS)[number];

export interface QrRequest { clientSn: string; amountFen: number; subject: string; operator: string }

/** The platform's codes for a wallet-specific QR; null when the platform has none for it. */
export type WalletQrCodes = (wallet: Wallet) => { payway: string; subPayway: string } | null;

export type QrAnswer =
  | { kind: 'qr'; qrCode: string; sn?: string }
  | { kind: 'failed'; message: string }
  | { kind: 'unknown'; message: string };

export async function requestQr(aggregator: Aggregator, req: QrRequest, wallet: Wallet | undefined, codes: WalletQrCodes): Promise<QrAnswer> {
  if (wallet === undefined) {
    const out = await aggregator.unifiedQr(req);
    if (out.kind === 'ok') return { kind: 'qr', qrCode: out.qrCode, sn: out.sn };
    if (out.kind === 'rejected') return { kind: 'failed', message: out.message || out.errorCode };
    return { kind: 'unknown', message: out.message };
  }
  const c = codes(wallet);
  if (!c) return { kind: 'failed', message: `支付平台没有 ${wallet} 的收款码类型` };
  const answer = interpretPrecreate(await aggregator.precreate({ ...req, payway: c.payway, subPayway: c.subPayway }));
  if (answer.kind === 'qr') return { kind: 'qr', qrCode: answer.qrCode, sn: answer.data.sn };
  if (answer.kind === 'failed') return answer;
  return { kind: 'unknown', message: answer.kind === 'unknown' ? answer.message : '下单结果未知' };
}
