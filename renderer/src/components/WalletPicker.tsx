import { useStore } from '../store';
import { useT } from '../i18n';
import type { QrWalletId } from '../../../preload/contract';

/** Keys 1 / 2 / 3 (use-checkout-keys.ts) pick the same wallets in the same order. */
export const PICK_WALLETS: readonly QrWalletId[] = ['wechat', 'alipay', 'unionpay'];

/** Per-wallet QR mode: after 收款 the cashier picks the customer's wallet; its own QR follows. */
export function WalletPicker() {
  const pick = useStore((s) => s.pickWallet);
  const back = useStore((s) => s.setWalletPick);
  const amountText = useStore((s) => s.amountText);
  const t = useT();
  return (
    <div className="qr-panel wallet-pick" data-testid="wallet-pick">
      <div className="due">¥{amountText}</div>
      <h3>{t('pickWalletTitle')}</h3>
      <div className="actions">
        {PICK_WALLETS.map((w, i) => (
          <button key={w} className="btn primary" onClick={() => void pick(w)} data-testid={`pick-${w}`}>
            <kbd>{i + 1}</kbd> {t(`wallet${w}`)}
          </button>
        ))}
      </div>
      <p className="hint">{t('pickWalletHint')}</p>
      <button className="btn" onClick={() => back(false)}>{t('clear')} <kbd>Esc</kbd></button>
    </div>
  );
}
