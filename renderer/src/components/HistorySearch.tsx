import type { ManagerOrder } from '../../../preload/contract';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';
import type { SearchFields } from '../store/search-slice';
import { displayStatus } from '../order-status';
import { DayField } from './DayField';

const WALLETS = ['wechat', 'alipay', 'unionpay', 'ecny', 'bestpay', 'other'] as const;
const STATUSES = ['paid', 'pending', 'needs_attention', 'failed', 'canceled', 'expired'] as const;

/** Search filters (amount, time, wallet, order number typed or scanned, status, day) and the results. */
export function HistorySearch({ onSelect }: { onSelect?: (clientSn: string) => void }) {
  const fields = useStore((s) => s.searchFields);
  const results = useStore((s) => s.searchResults);
  const total = useStore((s) => s.searchTotal);
  const error = useStore((s) => s.searchError);
  const selected = useStore((s) => s.selectedOrder);
  const locale = useStore((s) => s.locale);
  const setField = useStore((s) => s.setSearchField);
  const run = useStore((s) => s.runSearch);
  const select = useStore((s) => s.selectOrder);
  const scanTarget = useStore((s) => s.scanTarget);
  const scanMiss = useStore((s) => s.scanMiss);
  const t = useT();
  const tm = useMsg();
  const input = (key: keyof SearchFields, label: string, extra: Record<string, string> = {}) => (
    <label>
      {label}
      <input value={fields[key]} onChange={(e) => setField(key, e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') void run({ openIfOne: key === 'orderNo' }); }} data-testid={`search-${key}`} {...extra} />
    </label>
  );
  const pick = (o: ManagerOrder) => { select(o.clientSn); onSelect?.(o.clientSn); };
  return (
    <div className="history-search" data-testid="history-search">
      <div className="search-fields">
        <label>
          {t('mgrSearchDay')}
          <DayField value={fields.day} onChange={(v) => setField('day', v)} testId="search-day" />
        </label>
        {input('fromTime', t('mgrSearchFrom'), { placeholder: '09:00' })}
        {input('toTime', t('mgrSearchTo'), { placeholder: '18:00' })}
        {input('amount', t('mgrSearchAmount'), { inputMode: 'decimal' })}
        {input('orderNo', t('mgrSearchOrderNo'))}
        <label>
          {t('mgrSearchWallet')}
          <select value={fields.wallet} onChange={(e) => setField('wallet', e.target.value)} data-testid="search-wallet">
            <option value="">{t('mgrSearchAll')}</option>
            {WALLETS.map((w) => <option key={w} value={w}>{t(`wallet${w}`)}</option>)}
          </select>
        </label>
        <label>
          {t('mgrSearchStatus')}
          <select value={fields.status} onChange={(e) => setField('status', e.target.value)} data-testid="search-status">
            <option value="">{t('mgrSearchAll')}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{t(`status${s}`)}</option>)}
          </select>
        </label>
        <button className="btn primary" onClick={() => void run()} data-testid="search-run">{t('mgrSearchRun')}</button>
      </div>
      {scanTarget === 'history' && <p className="hint" data-testid="scan-hint">{t('histScanHint')}</p>}
      {scanMiss && <div className="error" data-testid="scan-miss">{t('histScanMiss', { code: scanMiss })}</div>}
      {error && <div className="error">{tm(error)}</div>}
      <p className="hint" data-testid="search-count">{t('mgrSearchCount', { n: total })}</p>
      {results.length === 0 ? <p>{t('mgrSearchEmpty')}</p> : (
        <table className="compact results" data-testid="search-results">
          <thead><tr><th>{t('colTime')}</th><th>{t('colAmount')}</th><th>{t('colWallet')}</th><th>{t('colStatus')}</th><th>{t('mgrColRefunded')}</th><th>{t('mgrColCashier')}</th><th>{t('colOrder')}</th></tr></thead>
          <tbody>
            {results.map((o) => (
              <tr key={o.clientSn} className={o.clientSn === selected ? 'selected' : undefined} onClick={() => pick(o)} data-testid="search-row" tabIndex={0}
                onKeyDown={(e) => { if (e.key === 'Enter') pick(o); }}>
                <td>{new Date(o.createdAt).toLocaleString(locale)}</td>
                <td className="num" data-label={t('colAmount')}>{formatFen(o.amountFen, locale)}</td>
                <td data-label={t('colWallet')}>{o.wallet ? t(`wallet${o.wallet}`) : '—'}</td>
                <td data-label={t('colStatus')}>{t(`status${displayStatus(o)}`)}</td>
                <td className="num" data-label={t('mgrColRefunded')}>{o.refundedFen ? formatFen(o.refundedFen, locale) : ''}</td>
                <td data-label={t('mgrColCashier')} translate="no">{o.operator}</td>
                <td className="mono" data-label={t('colOrder')}>{o.sn ?? o.clientSn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
