import { useStore } from '../store';
import { useT } from '../i18n';
import { HistorySearch } from './HistorySearch';
import { OrderDetail } from './OrderDetail';

/** Orders (F2): search by amount, time, wallet, order number or status; the detail opens beside. */
export function HistoryScreen() {
  const openDetail = useStore((s) => s.openOrderDetail);
  const run = useStore((s) => s.runSearch);
  const t = useT();
  return (
    <div className="history">
      <div className="history-head">
        <h2>{t('historyTitle')}</h2>
        <button className="btn" onClick={() => void run()}>{t('refresh')}</button>
      </div>
      <div className="history-body">
        <HistorySearch onSelect={(clientSn) => void openDetail(clientSn)} />
        <OrderDetail />
      </div>
    </div>
  );
}
