import { useState } from 'react';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';

/**
 * 支出: cash taken out of the drawer (amount in yuan, a reason, the manager PIN). Main parses the
 * amount to fen and journals who and why; the X report's expected cash drops at once.
 */
export function PayoutForm() {
  const result = useStore((s) => s.payoutResult);
  const setResult = useStore((s) => s.setPayoutResult);
  const askPin = useStore((s) => s.askPin);
  const locale = useStore((s) => s.locale);
  const t = useT();
  const st = useMsg();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const send = () => {
    if (!amount.trim()) { setResult({ ok: false, error: { code: 'amount.payoutRequired' } }); return; }
    if (!reason.trim()) { setResult({ ok: false, error: { code: 'cash.payoutReasonRequired' } }); return; }
    setResult(null);
    askPin({ kind: 'payout', amount: amount.trim(), reason: reason.trim() });
  };
  return (
    <details className="count-form" data-testid="payout-form">
      <summary>{t('payoutTitle')}</summary>
      <div className="refund-form">
        <label>{t('payoutAmount')}<input inputMode="decimal" value={amount} data-testid="payout-amount" onChange={(e) => setAmount(e.target.value.replace(/[^\d.]/g, ''))} /></label>
        <label>{t('payoutReason')}<input value={reason} maxLength={60} data-testid="payout-reason" onChange={(e) => setReason(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') send(); }} /></label>
        <button className="btn" onClick={send} data-testid="payout-submit">{t('payoutSubmit')}</button>
      </div>
      {result && !result.ok && <div className="error" data-testid="payout-message">{st(result.error)}</div>}
      {result?.ok && (
        <div className="ok-text" data-testid="payout-message">
          {t('payoutDone', { x: formatFen(result.amountFen, locale), r: result.reason })} · {st(result.drawer)}
        </div>
      )}
    </details>
  );
}
