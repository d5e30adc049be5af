import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';

/** QR (for the dynamic-QR path) or the "customer is paying" note (scan path), with countdown and cancel. */
export function QrPanel() {
  const view = useStore((s) => s.view);
  const locale = useStore((s) => s.locale);
  const cancel = useStore((s) => s.cancel);
  const t = useT();
  const st = useMsg();
  const image = useQrImage(view.qrCode);
  const seconds = useCountdown(view.expiresAt);
  return (
    <div className="qr-panel">
      {view.amountFen !== undefined && <div className="due" data-testid="due-amount">{formatFen(view.amountFen, locale)}</div>}
      {view.method === 'qr' && image && view.phase === 'waiting' && (
        <>
          <img className="qr" src={image} alt="QR" data-testid="qr" width={320} height={320} />
          <div className="wallets" data-testid="qr-wallets">{view.wallet ? t('qrForWallet', { w: t(`wallet${view.wallet}`) }) : `${t('scanToPay')} · ${t('acceptedWallets')}`}</div>
        </>
      )}
      <div className="progress" data-testid="progress">
        {view.progress ? st(view.progress) : (view.phase === 'cancelling' ? t('cancelling') : t('creating'))}
      </div>
      {seconds !== null && view.phase === 'waiting' && <div className="countdown" data-testid="countdown">{t('expiresIn', { s: seconds })}</div>}
      {view.phase === 'waiting' && (
        <button className="btn danger" onClick={() => void cancel()} data-testid="cancel">{t('cancel')} <kbd>Esc</kbd></button>
      )}
    </div>
  );
}

function useQrImage(content: string | undefined): string | null {
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    if (!content) { setImage(null); return; }
    // Margin 4 and 8 px modules: scannable from a phone at 40 cm on a counter screen.
    QRCode.toDataURL(content, { errorCorrectionLevel: 'M', margin: 4, width: 320 }).then((url) => { if (live) setImage(url); }, () => setImage(null));
    return () => { live = false; };
  }, [content]);
  return image;
}

function useCountdown(expiresAt: number | undefined): number | null {
  const offset = useStore((s) => s.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const id = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(id);
  }, [expiresAt]);
  if (!expiresAt) return null;
  return Math.max(0, Math.ceil((expiresAt - (now + offset)) / 1000));
}
