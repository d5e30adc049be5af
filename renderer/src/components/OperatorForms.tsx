import { useState, type KeyboardEvent } from 'react';
import type { Role } from '../../../preload/contract';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { StaffList } from './StaffList';

const digits = (v: string) => v.replace(/\D/g, '');

/** The signed-in operator changes their own PIN (and name); a factory-default PIN must go. */
export function ChangePinForm() {
  const operator = useStore((s) => s.operator);
  const mustChange = useStore((s) => s.mustChangePin);
  const message = useStore((s) => s.operatorMessage);
  const busy = useStore((s) => s.operatorBusy);
  const change = useStore((s) => s.changeOwnPin);
  const close = useStore((s) => s.closeOperatorDialog);
  const t = useT();
  const tm = useMsg();
  const [name, setName] = useState(operator?.name ?? '');
  const [oldPin, setOldPin] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  if (!operator) return null;
  const save = () => {
    if (busy || !name.trim() || !oldPin || !pin) return;
    if (pin !== again) { setMismatch(true); return; }
    setMismatch(false);
    void change({ name, oldPin, pin });
  };
  const enter = (e: KeyboardEvent) => { if (e.key === 'Enter') save(); };
  return (
    <>
      <h3>{t('opChangePin')}</h3>
      {mustChange && <p className="warn-text" data-testid="op-must-change">{t('opMustChange')}</p>}
      <label>{t('opName')}<input value={name} maxLength={32} onChange={(e) => setName(e.target.value)} onKeyDown={enter} data-testid="op-name" /></label>
      <label>{t('opOldPin')}<input type="password" inputMode="numeric" maxLength={8} autoFocus value={oldPin} onChange={(e) => setOldPin(digits(e.target.value))} onKeyDown={enter} data-testid="op-old-pin" /></label>
      <label>{t('opNewPin')}<input type="password" inputMode="numeric" maxLength={8} value={pin} onChange={(e) => setPin(digits(e.target.value))} onKeyDown={enter} data-testid="op-new-pin" /></label>
      <label>{t('opNewPin2')}<input type="password" inputMode="numeric" maxLength={8} value={again} onChange={(e) => setAgain(digits(e.target.value))} onKeyDown={enter} data-testid="op-new-pin2" /></label>
      {mismatch ? <div className="error">{t('opPinMismatch')}</div> : message && <div className="error" data-testid="op-message">{tm(message)}</div>}
      <div className="actions">
        <button className="btn" onClick={close} data-testid="op-later">{mustChange ? t('opLater') : t('mgrPinCancel')}</button>
        <button className="btn primary" onClick={save} disabled={busy} data-testid="op-save-pin">{t('opSave')}</button>
      </div>
    </>
  );
}

/** A signed-in manager adds an operator (e.g. cashier 小王), resets one's PIN or removes one, with the manager PIN. */
export function StaffForm() {
  const feedback = useStore((s) => s.staffMessage);
  const message = useStore((s) => s.operatorMessage);
  const busy = useStore((s) => s.operatorBusy);
  const save = useStore((s) => s.saveStaff);
  const close = useStore((s) => s.closeOperatorDialog);
  const t = useT();
  const tm = useMsg();
  const st = useMsg();
  const [role, setRole] = useState<Role>('cashier');
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [managerPin, setManagerPin] = useState('');
  const send = async () => {
    if (busy || !name.trim() || !pin || !managerPin) return;
    if (await save({ managerPin, role, name: name.trim(), pin })) { setName(''); setPin(''); }
    setManagerPin('');
  };
  const enter = (e: KeyboardEvent) => { if (e.key === 'Enter') void send(); };
  return (
    <>
      <h3>{t('opStaff')}</h3>
      <StaffList />
      <h4>{t('opStaffAdd')}</h4>
      <label>{t('opRole')}
        <select value={role} onChange={(e) => setRole(e.target.value as Role)} data-testid="op-staff-role">
          {(['cashier', 'manager', 'engineer'] as const).map((r) => <option key={r} value={r}>{t(`opRole${r}`)}</option>)}
        </select>
      </label>
      <label>{t('opName')}<input value={name} maxLength={32} onChange={(e) => setName(e.target.value)} onKeyDown={enter} data-testid="op-staff-name" /></label>
      <label>{t('opNewPin')}<input type="password" inputMode="numeric" maxLength={8} value={pin} onChange={(e) => setPin(digits(e.target.value))} onKeyDown={enter} data-testid="op-staff-pin" /></label>
      <label>{t('mgrPinPlaceholder')}<input type="password" inputMode="numeric" maxLength={8} value={managerPin} onChange={(e) => setManagerPin(digits(e.target.value))} onKeyDown={enter} data-testid="op-staff-manager-pin" /></label>
      {feedback ? <div className={feedback.ok ? 'ok-text' : 'error'} data-testid="op-staff-message">{st(feedback.text)}</div> : message && <div className="error" data-testid="op-staff-message">{tm(message)}</div>}
      <div className="actions">
        <button className="btn" onClick={close}>{t('close')} <kbd>Esc</kbd></button>
        <button className="btn primary" onClick={() => void send()} disabled={busy} data-testid="op-staff-save">{t('opSave')}</button>
      </div>
    </>
  );
}
