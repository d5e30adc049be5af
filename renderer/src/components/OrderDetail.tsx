import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import type { PreviewLine } from '../../../preload/contract';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';
import { RefundPanel } from './RefundPanel';
import { displayStatus } from '../order-status';
import './printer.css';

/** The order opened from the history: its fields, the receipt as it prints, and 重打印. */
export function OrderDetail() {
  const clientSn = useStore((s) => s.detailClientSn);
  const order = useStore((s) => s.searchResults.find((o) => o.clientSn === s.detailClientSn) ?? s.orders.find((o) => o.clientSn === s.detailClientSn));
  const preview = useStore((s) => s.receiptPreview);
  const previewError = useStore((s) => s.previewError);
  const feedback = useStore((s) => s.reprintFeedback);
  const locale = useStore((s) => s.locale);
  const close = useStore((s) => s.closeOrderDetail);
  const reprint = useStore((s) => s.reprintOrder);
  const t = useT();
  const tm = useMsg();
  if (!clientSn || !order) return null;
  const time = (ms: number | undefined) => (ms === undefined ? '—' : new Date(ms).toLocaleString(locale));
  const paid = order.status === 'paid';
  // Orders journaled before message codes carry Chinese text only: shown in Chinese mode only.
  const note = order.note ? tm(order.note) : locale === 'zh-CN' ? order.message : undefined;
  return (
    <aside className="order-detail" data-testid="order-detail" aria-label={t('orderDetailTitle')}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); close(); } }}>
      <h3>
        {t('orderDetailTitle')}
        <button className="btn" onClick={close} data-testid="order-detail-close">{t('close')} <kbd>Esc</kbd></button>
      </h3>
      <dl className="order-fields">
        <dt>{t('fieldSn')}</dt><dd className="mono" data-testid="detail-sn">{order.sn ?? '—'}</dd>
        <dt>{t('fieldClientSn')}</dt><dd className="mono" data-testid="detail-client-sn">{order.clientSn}</dd>
        <dt>{t('fieldWallet')}</dt><dd data-testid="detail-wallet">{order.wallet ? t(`wallet${order.wallet}`) : '—'}</dd>
        <dt>{t('fieldAmount')}</dt><dd data-testid="detail-amount">{formatFen(order.amountFen, locale)}</dd>
        {order.refundedFen > 0 && <><dt>{t('fieldRefunded')}</dt><dd>{formatFen(order.refundedFen, locale)}</dd></>}
        <dt>{t('fieldStatus')}</dt><dd data-testid="detail-status">{t(`status${displayStatus(order)}`)}</dd>
        <dt>{t('fieldCreated')}</dt><dd>{time(order.createdAt)}</dd>
        <dt>{t('fieldFinished')}</dt><dd>{time(order.finishedAt)}</dd>
        {note && <><dt>{t('fieldMessage')}</dt><dd data-testid="detail-note">{note}</dd></>}
      </dl>
      <h4>{t('receiptPreviewTitle')}</h4>
      {!paid && <p className="hint">{t('receiptNone')}</p>}
      {previewError && <div className="print-feedback error">{tm(previewError)}</div>}
      {paid && preview && preview.clientSn === clientSn && <ReceiptLines lines={preview.lines} />}
      {paid && (
        <div className="actions">
          <button className="btn primary" onClick={() => void reprint()} data-testid="reprint">{t('reprint')}</button>
        </div>
      )}
      {feedback && (
        <div className={feedback.kind === 'error' ? 'print-feedback error' : 'print-feedback'} data-testid="reprint-feedback">
          {feedback.kind === 'error' ? tm(feedback.message) : t('printQueued')}
        </div>
      )}
      {paid && <RefundPanel clientSn={clientSn} />}
    </aside>
  );
}

function ReceiptLines({ lines }: { lines: PreviewLine[] }) {
  return (
    // The receipt prints in Chinese whatever the screen language: the preview shows it as printed.
    <div className="receipt-preview" data-testid="receipt-preview" lang="zh-CN">
      {lines.map((line, i) => line.kind === 'qr'
        ? <ReceiptQr key={i} data={line.data} />
        : <div key={i} className={[line.bold ? 'b' : '', line.big ? 'h' : ''].filter(Boolean).join(' ') || undefined}>{line.text || ' '}</div>)}
    </div>
  );
}

function ReceiptQr({ data }: { data: string }) {
  const t = useT();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(data, { errorCorrectionLevel: 'M', margin: 1, width: 120 }).then((url) => { if (live) setImage(url); }, () => setImage(null));
    return () => { live = false; };
  }, [data]);
  return (
    <div className="qr-line" data-testid="receipt-qr" data-payload={data}>
      {image && <img src={image} alt={t('receiptQrCaption', { data })} />}
    </div>
  );
}
