/**
 * The per-wallet QR mode's codes at 收钱吧: precreate needs the documented `payway` and
 * `sub_payway` 2 = QR (zh-cn/api/interface/precreate.md, zh-cn/api/annex/payway.md;
 * payment-protocols.md §1.3, §1.5).
 */
import { paywayForWallet, UPAY_SUB_PAYWAY } from '../aggregator/upay/payway';
import type { WalletQrCodes } from '../checkout/qr-start';

export const walletQrCodes: WalletQrCodes = (wallet) => {
  const payway = paywayForWallet(wallet);
  return payway === null ? null : { payway, subPayway: UPAY_SUB_PAYWAY.QR };
};
