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
import { msg, type Msg } from '../../preload/messages';
import { platformSaid, unknownMsg } from './platform-msg';

export type QrMode = 'unified' | 'per-wallet';

/** The wallets a per-wallet QR can be asked for (documented payways; §1.5). */
export const QR_WALLETS = ['wechat', 'alipay', 'unionpay'] as const satisfies readonly Wallet[];
export type QrWallet = (typeof QR_WALLETS)[number];

export interface QrRequest { clientSn: string; amountFen: number; subject: string; operator: string }

/** The platform's codes for a wallet-specific QR; null when the platform has none for it. */
export type WalletQrCodes = (wallet: Wallet) => { payway: string; subPayway: string } | null;

export type QrAnswer =
  | { kind: 'qr'; qrCode: string; sn?: string }
  | { kind: 'failed'; message: Msg }
  | { kind: 'unknown'; message: Msg };

export async function requestQr(aggregator: Aggregator, req: QrRequest, wallet: Wallet | undefined, codes: WalletQrCodes): Promise<QrAnswer> {
  if (wallet === undefined) {
    const out = await aggregator.unifiedQr(req);
    if (out.kind === 'ok') return { kind: 'qr', qrCode: out.qrCode, sn: out.sn };
    if (out.kind === 'rejected') return { kind: 'failed', message: platformSaid(out.errorCode, out.message, msg('platform.createFailed')) };
    return { kind: 'unknown', message: unknownMsg(out.reason) };
  }
  const c = codes(wallet);
  if (!c) return { kind: 'failed', message: msg('checkout.noWalletQr', { wallet }) };
  const answer = interpretPrecreate(await aggregator.precreate({ ...req, payway: c.payway, subPayway: c.subPayway }));
  if (answer.kind === 'qr') return { kind: 'qr', qrCode: answer.qrCode, sn: answer.data.sn };
  if (answer.kind === 'failed') return answer;
  return { kind: 'unknown', message: answer.kind === 'unknown' ? answer.message : msg('result.createUnknown') };
}
