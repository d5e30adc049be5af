import { useEffect, useState } from 'react';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { formatFen } from '../money';

/** The cashier's cash buttons (现金 F8, 开钱箱), the open mixed sale and its cancel, the drawer dialog. */
export function CashBar() {
  const phase = useStore((s) => s.view.phase);
  const sale = useStore((s) => s.sale);
  const locale = useStore((s) => s.locale);
  const message = useStore((s) => s.drawerMessage);
  const openCash = useStore((s) => s.openCash);
  const showDrawer = useStore((s) => s.showDrawer);
  const watchCash = useStore((s) => s.watchCash);
  const t = useT();
  const st = useMsg();
  useEffect(() => { watchCash(); }, [watchCash]);
  const busy = phase !== 'idle' && phase !== 'result';
  return (
    <div className="cash-bar">
      <div className="actions">
        <button className="btn" disabled={busy} onClick={openCash} data-testid="cash">{t('cashKey')} <kbd>F8</kbd></button>
        <button className="btn" onClick={() => showDrawer(true)} data-testid="open-drawer">{t('drawerKey')}</button>
      </div>
      {sale && sale.state !== 'paid' && (
        <div className="notice warn" data-testid="sale-open">{t('saleOpen', { cash: formatFen(sale.cashFen, locale), due: formatFen(sale.remainingFen, locale) })}</div>
      )}
      {message && <div className="notice" data-testid="drawer-message">{st(message)}</div>}
      <DrawerDialog />
    </div>
  );
}

function DrawerDialog() {
  const open = useStore((s) => s.drawerOpen);
  const sale = useStore((s) => s.sale);
  const showDrawer = useStore((s) => s.showDrawer);
  const openDrawer = useStore((s) => s.openDrawer);
  const abandonSale = useStore((s) => s.abandonSale);
  const t = useT();
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState('');
  if (!open) return null;
  const go = () => { if (pin) { void openDrawer(pin, reason.trim() || t('drawerReasonDefault')); setPin(''); } };
  return (
    <div className="pin-backdrop">
      <div className="pin-dialog panel" role="dialog" aria-modal="true" data-testid="drawer-dialog">
        <h3>{t('drawerTitle')}</h3>
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('drawerReason')} aria-label={t('drawerReason')} data-testid="drawer-reason" />
        <input type="password" inputMode="numeric" autoFocus maxLength={8} value={pin} placeholder={t('mgrPinPlaceholder')} aria-label={t('mgrPinPlaceholder')} data-testid="drawer-pin"
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          onKeyDown={(e) => { if (e.key === 'Enter') go(); if (e.key === 'Escape') showDrawer(false); }} />
        <div className="actions">
          <button className="btn" onClick={() => showDrawer(false)}>{t('mgrPinCancel')} <kbd>Esc</kbd></button>
          {sale && <button className="btn" disabled={!pin} onClick={() => { void abandonSale(pin); setPin(''); showDrawer(false); }} data-testid="sale-abandon">{t('saleAbandon')}</button>}
          <button className="btn primary" disabled={!pin} onClick={go} data-testid="drawer-ok">{t('drawerOk')} <kbd>Enter</kbd></button>
        </div>
      </div>
    </div>
  );
}
