import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';
import { yuanTextToFen } from '../cash-entry';
import { Keypad } from './Keypad';
import { QrPanel } from './QrPanel';
import { ResultPanel } from './ResultPanel';
import { RecoveryBanner } from './RecoveryBanner';
import { useCheckoutKeys } from './use-checkout-keys';
import { CashBar } from './CashBar';
import { CashDialog } from './CashDialog';
import { WalletPicker } from './WalletPicker';

export function CheckoutScreen() {
  useCheckoutKeys();
  const amountText = useStore((s) => s.amountText);
  const phase = useStore((s) => s.view.phase);
  const error = useStore((s) => s.error);
  const notice = useStore((s) => s.notice);
  const locale = useStore((s) => s.locale);
  const cashOpen = useStore((s) => s.cashOpen);
  const t = useT();
  const st = useMsg();
  // While typing, the amount reads as typed (¥128.5 on the way to ¥128.56); once it is being
  // collected it is complete and shows two decimals like every other amount (¥128.50).
  const fen = phase === 'idle' && !cashOpen ? null : yuanTextToFen(amountText);
  const shown = fen !== null && fen > 0 ? formatFen(fen, locale) : `¥${amountText || '0'}`;
  return (
    <div className="checkout">
      <section className="entry">
        <div className="amount-label">{t('amountLabel')}</div>
        <div className="amount" data-testid="amount">{shown}</div>
        {error && <div className="error" role="alert" data-testid="checkout-error">{st(error)}</div>}
        {notice && <div className={`notice ${notice.level}`} role="status" data-testid="notice">{st(notice.message)}</div>}
        <Keypad />
        <CashBar />
        <CashDialog />
        <p className="hint">{t('collectHint')}</p>
      </section>
      <section className="panel" data-testid="panel" data-phase={phase}>
        <RecoveryBanner />
        <PhasePanel />
      </section>
    </div>
  );
}

function PhasePanel() {
  const phase = useStore((s) => s.view.phase);
  const progress = useStore((s) => s.view.progress);
  const walletPick = useStore((s) => s.walletPick);
  const t = useT();
  const st = useMsg();
  if (phase === 'recovering') return <div className="big-note">{t('recovering')}</div>;
  if (phase === 'waiting' || phase === 'creating' || phase === 'cancelling') return <QrPanel />;
  if (walletPick && (phase === 'idle' || phase === 'result')) return <WalletPicker />;
  if (phase === 'result') return <ResultPanel />;
  return <div className="big-note">{progress ? st(progress) : t('idlePrompt')}</div>;
}
