import { useStore } from '../store';
import { useT } from '../i18n';
import { formatFen } from '../money';
import type { ReconcileView } from '../../../preload/contract';

/**
 * The acquirer's own payout from its statement (a bank's 清分 bill): per settlement account and
 * 清算日期, with the bank's fees. Lines the bill does not carry yet are marked expected.
 */
export function BankSettlement({ lines }: { lines: NonNullable<ReconcileView['bankSettlement']> }) {
  const locale = useStore((s) => s.locale);
  const t = useT();
  const money = (fen: number) => formatFen(fen, locale);
  const assumed = lines.some((l) => l.dayAssumed || l.feeAssumed);
  return (
    <>
      <h4>{t('mgrBankTitle')}{assumed ? ` ${t('mgrBankAssumed')}` : ''}</h4>
      <table className="compact numeric" data-testid="bank-settlement">
        <thead><tr><th>{t('mgrBankAccount')}</th><th>{t('mgrBankSettleDay')}</th><th>{t('mgrCount')}</th><th>{t('mgrGross')}</th><th>{t('mgrRefunds')}</th><th>{t('mgrFee')}</th><th>{t('mgrSettleNet')}</th></tr></thead>
        <tbody>
          {lines.map((l) => (
            <tr key={`${l.account}-${l.settleDay}`} data-testid="bank-settlement-line">
              <td className="mono">{l.account}</td>
              <td data-testid="bank-settle-day">{l.dayAssumed ? t('mgrBankAssumedDay', { day: l.settleDay }) : l.settleDay}</td>
              <td className="num">{l.count}</td>
              <td className="num">{money(l.grossFen)}</td>
              <td className="num">{money(l.refundFen)}</td>
              <td className="num" data-testid="bank-fee">{l.feeAssumed ? t('mgrBankAssumedFee', { fee: money(l.feeFen) }) : money(l.feeFen)}</td>
              <td className="num" data-testid="bank-net">{money(l.netFen)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
