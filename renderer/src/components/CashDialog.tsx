import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';
import { fenToYuanText, quickAmounts, yuanTextToFen } from '../cash-entry';

/** 现金: cash received (quick buttons), change shown live; Enter confirms, Esc closes. */
export function CashDialog() {
  const open = useStore((s) => s.cashOpen);
  const amountText = useStore((s) => s.amountText);
  const sale = useStore((s) => s.sale);
  const received = useStore((s) => s.receivedText);
  const error = useStore((s) => s.cashError);
  const mixed = useStore((s) => s.mixedTender);
  const busy = useStore((s) => s.cashBusy);
  const locale = useStore((s) => s.locale);
  const setReceived = useStore((s) => s.setReceived);
  const confirm = useStore((s) => s.confirmCash);
  const close = useStore((s) => s.closeCash);
  const t = useT();
  const st = useMsg();
  if (!open) return null;
  const money = (fen: number) => formatFen(fen, locale);
  const due = sale ? sale.remainingFen : (yuanTextToFen(amountText) ?? 0);
  const got = yuanTextToFen(received);
  const partial = mixed && !sale && got !== null && got > 0 && got < due;
  return (
    <div className="pin-backdrop">
      <div className="pin-dialog panel cash-dialog" role="dialog" aria-modal="true" data-testid="cash-dialog">
        <h3>{t('cashTitle')}</h3>
        <div className="cash-due">{t('cashDue')} <b data-testid="cash-due">{money(due)}</b></div>
        <input
          autoFocus inputMode="decimal" value={received} placeholder={t('cashReceived')} aria-label={t('cashReceived')} data-testid="cash-received"
          onChange={(e) => setReceived(e.target.value.replace(/[^\d.]/g, ''))}
          onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); void confirm(); } if (e.key === 'Escape') { e.preventDefault(); close(); } }}
        />
        <div className="actions">
          {quickAmounts(due).map((q) => (
            <button key={`${q.kind}-${q.fen}`} className="btn" onClick={() => setReceived(fenToYuanText(q.fen))} data-testid={q.kind === 'note' ? `cash-quick-${q.fen / 100}` : `cash-quick-${q.kind}`}>
              {q.kind === 'exact' ? t('cashExact') : q.kind === 'whole' ? t('cashWhole', { x: money(q.fen) }) : money(q.fen)}
            </button>
          ))}
        </div>
        {got !== null && got >= due && <div className="cash-change">{t('cashChange')} <b data-testid="cash-change">{money(got - due)}</b></div>}
        {got !== null && got < due && <div className="error" data-testid="cash-short">{t('cashShort', { x: money(due - got) })}</div>}
        {error && <div className="error" role="alert" data-testid="cash-error">{st(error)}</div>}
        <div className="actions">
          <button className="btn" onClick={close}>{t('mgrPinCancel')} <kbd>Esc</kbd></button>
          {partial && <button className="btn" disabled={busy} onClick={() => void confirm(true)} data-testid="cash-partial">{t('cashPartial', { x: money(got), y: money(due - got) })}</button>}
          <button className="btn primary" disabled={busy} onClick={() => void confirm()} data-testid="cash-confirm">{t('cashConfirm')} <kbd>Enter</kbd></button>
        </div>
      </div>
    </div>
  );
}
