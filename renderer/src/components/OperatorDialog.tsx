import { useEffect, useRef, useState } from 'react';
import type { Role } from '../../../preload/contract';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { useCountdown } from './use-countdown';
import { ChangePinForm, StaffForm } from './OperatorForms';
import '../manager.css';

const ROLES: Role[] = ['cashier', 'manager', 'engineer'];

/**
 * Sign-in, switch and sign-out of the counter's operator, a PIN change (asked for at once when
 * the PIN is a factory default) and, for a signed-in manager, the list of operators. Keys stay
 * inside the dialog: typing a PIN never edits the checkout amount.
 */
export function OperatorDialog() {
  const view = useStore((s) => s.operatorDialog);
  const close = useStore((s) => s.closeOperatorDialog);
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!view) return;
    // While open, no key reaches the checkout or the screen keys (even when focus fell to the page).
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') { e.stopPropagation(); close(); return; }
      if (!box.current?.contains(e.target as Node)) e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [view, close]);
  if (!view) return null;
  return (
    <div className="pin-backdrop">
      <div className="pin-dialog operator-dialog panel" role="dialog" aria-modal="true" aria-label={t('opButtonTitle')} data-testid="operator-dialog" ref={box}
        onKeyDown={(e) => e.stopPropagation()}>
        {view === 'signIn' ? <SignIn /> : view === 'menu' ? <Menu /> : view === 'changePin' ? <ChangePinForm /> : <StaffForm />}
      </div>
    </div>
  );
}

function SignIn() {
  const role = useStore((s) => s.signInRole);
  const setRole = useStore((s) => s.setSignInRole);
  const message = useStore((s) => s.operatorMessage);
  const lockedUntil = useStore((s) => s.operatorLocks[s.signInRole]);
  const busy = useStore((s) => s.operatorBusy);
  const signIn = useStore((s) => s.signIn);
  const close = useStore((s) => s.closeOperatorDialog);
  const t = useT();
  const tm = useMsg();
  const [pin, setPin] = useState('');
  const left = useCountdown(lockedUntil);
  const locked = left > 0;
  const send = () => {
    if (!pin || locked || busy) return;
    void signIn(pin);
    setPin('');
  };
  return (
    <>
      <h3>{t('opSignInTitle')}</h3>
      <div className="role-choice" role="radiogroup">
        {ROLES.map((r) => (
          <button key={r} className={r === role ? 'btn primary' : 'btn'} role="radio" aria-checked={r === role} onClick={() => setRole(r)} data-testid={`op-role-${r}`}>{t(`opRole${r}`)}</button>
        ))}
      </div>
      <input type="password" inputMode="numeric" autoFocus maxLength={8} value={pin} disabled={locked} key={role}
        placeholder={t('opPinPlaceholder')} aria-label={t('opPinPlaceholder')} data-testid="op-pin"
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} onKeyDown={(e) => { if (e.key === 'Enter') send(); }} />
      {locked
        ? <div className="error" data-testid="op-locked">{t('mgrPinLocked', { s: left })}</div>
        : message && <div className="error" data-testid="op-message">{tm(message)}</div>}
      <p className="hint">{t('opNobodyHint')}</p>
      <div className="actions">
        <button className="btn" onClick={close}>{t('mgrPinCancel')} <kbd>Esc</kbd></button>
        <button className="btn primary" onClick={send} disabled={locked || busy || !pin} data-testid="op-sign-in">{t('opSignIn')} <kbd>Enter</kbd></button>
      </div>
    </>
  );
}

function Menu() {
  const operator = useStore((s) => s.operator);
  const open = useStore((s) => s.openOperatorDialog);
  const signOut = useStore((s) => s.signOut);
  const close = useStore((s) => s.closeOperatorDialog);
  const t = useT();
  if (!operator) return null;
  return (
    <>
      <h3 data-testid="op-current">{t('opCurrent', { name: operator.name, role: t(`opRole${operator.role}`) })}</h3>
      <div className="actions column">
        <button className="btn" autoFocus onClick={() => open('signIn')} data-testid="op-switch">{t('opSwitch')}</button>
        <button className="btn" onClick={() => open('changePin')} data-testid="op-change-pin">{t('opChangePin')}</button>
        {operator.role === 'manager' && <button className="btn" onClick={() => open('staff')} data-testid="op-staff">{t('opStaff')}</button>}
        <button className="btn danger" onClick={() => void signOut()} data-testid="op-sign-out">{t('opSignOut')}</button>
        <button className="btn" onClick={close}>{t('close')} <kbd>Esc</kbd></button>
      </div>
    </>
  );
}
