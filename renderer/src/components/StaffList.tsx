import { useState } from 'react';
import type { OperatorProfile } from '../../../preload/contract';
import { useStore } from '../store';
import { useT } from '../i18n';
import { WithData } from './WithData';

const digits = (v: string) => v.replace(/\D/g, '');

/**
 * The operators (names and roles, never PINs), each with 删除 for the signed-in manager: a
 * confirmation with the manager PIN first. The last manager or engineer has no button (main
 * refuses it anyway).
 */
export function StaffList() {
  const profiles = useStore((s) => s.operatorProfiles);
  const busy = useStore((s) => s.operatorBusy);
  const remove = useStore((s) => s.removeStaff);
  const t = useT();
  const [asked, setAsked] = useState<OperatorProfile | null>(null);
  const [pin, setPin] = useState('');
  const last = (p: OperatorProfile) => p.role !== 'cashier' && profiles.filter((q) => q.role === p.role).length === 1;
  const confirm = async () => {
    if (!asked || !pin || busy) return;
    const ok = await remove({ managerPin: pin, role: asked.role, name: asked.name });
    setPin('');
    if (ok) setAsked(null);
  };
  return (
    <>
      <table className="compact" data-testid="op-profiles">
        <tbody>
          {profiles.map((p) => (
            <tr key={`${p.role}:${p.name}`} data-testid={`op-profile-${p.role}-${p.name}`}>
              <td>{t(`opRole${p.role}`)}</td><td translate="no">{p.name}</td><td>{p.mustChange ? t('opDefaultPin') : ''}</td>
              <td>
                {last(p)
                  ? <span className="hint">{t('opRemoveLast')}</span>
                  : <button className="btn danger" onClick={() => { setAsked(p); setPin(''); }} data-testid="op-remove">{t('opRemove')}</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {asked && (
        <div className="op-remove-confirm" role="alertdialog" data-testid="op-remove-confirm">
          <p className="warn-text"><WithData text={t('opRemoveConfirm', { role: t(`opRole${asked.role}`), name: asked.name })} data={asked.name} /></p>
          <input type="password" inputMode="numeric" maxLength={8} autoFocus value={pin} placeholder={t('mgrPinPlaceholder')} aria-label={t('mgrPinPlaceholder')}
            onChange={(e) => setPin(digits(e.target.value))} onKeyDown={(e) => { if (e.key === 'Enter') void confirm(); }} data-testid="op-remove-pin" />
          <div className="actions">
            <button className="btn" onClick={() => setAsked(null)} data-testid="op-remove-cancel">{t('mgrPinCancel')}</button>
            <button className="btn danger" onClick={() => void confirm()} disabled={busy || !pin} data-testid="op-remove-yes">{t('opRemoveYes')}</button>
          </div>
        </div>
      )}
    </>
  );
}

