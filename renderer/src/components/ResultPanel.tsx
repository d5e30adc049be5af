import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';

/** True when the message only restates the title, e.g. 支付成功（现金） under 支付成功. */
function repeatsTitle(message: string, title: string): boolean {
  const m = message.trim();
  return m === title || (m.startsWith(title) && /^[\s（(]*(现金|cash)[）)]*$/i.test(m.slice(title.length)));
}

export function ResultPanel() {
  const result = useStore((s) => s.view.result);
  const locale = useStore((s) => s.locale);
  const next = useStore((s) => s.next);
  const queryAgain = useStore((s) => s.queryAgain);
  const t = useT();
  const st = useMsg();
  if (!result) return null;
  const tone = result.outcome === 'PAID' ? 'ok' : result.outcome === 'NEEDS_ATTENTION' ? 'warn' : 'bad';
  return (
    <div className={`result ${tone}`} data-testid="result" data-outcome={result.outcome}>
      <div className="result-title" data-testid="result-title">{t(`outcome${result.outcome}`)}</div>
      <div className="result-amount" data-testid="result-amount">{formatFen(result.amountFen, locale)}</div>
      {result.wallet && <div className="result-wallet" data-testid="result-wallet">{t(`wallet${result.wallet}`)}</div>}
      {result.receivedFen !== undefined && (
        <div className="result-cash" data-testid="result-cash">
          {t('resultReceived')} {formatFen(result.receivedFen, locale)} · {t('cashChange')} <b data-testid="result-change">{formatFen(result.changeFen ?? 0, locale)}</b>
        </div>
      )}
      {/* 支付成功 under 支付成功 (or 支付成功（现金）) says nothing new: the title says it once. */}
      {!repeatsTitle(st(result.message), t(`outcome${result.outcome}`)) && <div className="result-message" data-testid="result-message">{st(result.message)}</div>}
      {result.nextStep && <div className="result-next">{st(result.nextStep)}</div>}
      {result.sn && <div className="result-sn">{t('colOrder')}: {result.sn}</div>}
      <div className="actions">
        {result.outcome === 'NEEDS_ATTENTION' && <button className="btn" onClick={() => void queryAgain()} data-testid="query-again">{t('queryAgain')}</button>}
        <button className="btn primary" onClick={() => void next()} data-testid="next">{t('next')} <kbd>Enter</kbd></button>
      </div>
    </div>
  );
}
