import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';

/** After a crash or power cut: what the counter found unfinished and how each ended. */
export function RecoveryBanner() {
  const recovery = useStore((s) => s.recovery);
  const locale = useStore((s) => s.locale);
  const t = useT();
  const tm = useMsg();
  if (!recovery || recovery.recovered.length === 0) return null;
  return (
    <div className="recovery" data-testid="recovery">
      <strong>{t('recoveredTitle')}</strong>
      <ul>
        {recovery.recovered.map((r) => (
          <li key={r.clientSn}>{formatFen(r.amountFen, locale)} · {t(`outcome${r.outcome}` as 'outcomePAID')} · {tm(r.message)}</li>
        ))}
      </ul>
    </div>
  );
}
