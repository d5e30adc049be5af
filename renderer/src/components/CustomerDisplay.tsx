import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useStore } from '../store';
import { useT } from '../i18n';
import { formatFen } from '../money';

/** The customer-facing display (客显): amount, QR, 支付成功 — never anything else. */
export function CustomerDisplay() {
  const view = useStore((s) => s.view);
  const pendingFen = useStore((s) => s.pendingAmountFen);
  const shopName = useStore((s) => s.shopName);
  const locale = useStore((s) => s.locale);
  const t = useT();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    if (!view.qrCode) { setQr(null); return; }
    void QRCode.toDataURL(view.qrCode, { margin: 4, width: 420 }).then(setQr);
  }, [view.qrCode]);
  let body;
  if (view.phase === 'waiting' && view.method === 'qr' && qr) {
    body = <><div className="c-amount">{formatFen(view.amountFen ?? 0, locale)}</div><img src={qr} alt="QR" width={420} height={420} /><div>{t('customerPay')} · {t('acceptedWallets')}</div></>;
  } else if (view.phase === 'result' && view.result?.outcome === 'PAID') {
    body = <><div className="c-paid">{t('customerPaid')}</div><div className="c-amount">{formatFen(view.result.amountFen, locale)}</div><div>{t('customerThanks')}</div></>;
  } else if (view.amountFen !== undefined && view.phase !== 'result' && view.phase !== 'idle') {
    body = <div className="c-amount">{formatFen(view.amountFen, locale)}</div>;
  } else if (pendingFen) {
    body = <div className="c-amount">{formatFen(pendingFen, locale)}</div>;
  } else {
    body = <><div className="c-welcome">{t('customerWelcome')}</div><div translate="no">{shopName}</div></>;
  }
  return <div className="customer" data-testid="customer">{body}</div>;
}
