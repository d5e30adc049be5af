import { useStore } from '../store';
import { useServerText, useT } from '../i18n';
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
  const t = useT();
  const st = useServerText();
  return (
    <div className="checkout">
      <section className="entry">
        <div className="amount-label">{t('amountLabel')}</div>
        <div className="amount" data-testid="amount">¥{amountText || '0'}</div>
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
  const st = useServerText();
  if (phase === 'recovering') return <div className="big-note">{t('recovering')}</div>;
  if (phase === 'waiting' || phase === 'creating' || phase === 'cancelling') return <QrPanel />;
  if (walletPick && (phase === 'idle' || phase === 'result')) return <WalletPicker />;
  if (phase === 'result') return <ResultPanel />;
  return <div className="big-note">{progress ? st(progress) : t('idlePrompt')}</div>;
}
