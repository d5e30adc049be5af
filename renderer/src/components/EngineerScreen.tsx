import { useEffect, useState } from 'react';
import type { UnlockRole } from '../../../preload/contract';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import { ScannerSection } from './engineer/ScannerSection';
import { PrinterSection } from './engineer/PrinterSection';
import { AggregatorSection } from './engineer/AggregatorSection';
import { FilesSection } from './engineer/FilesSection';
import { PlatformSection } from './engineer/PlatformSection';
import { HqSection } from './engineer/HqSection';
import './engineer/engineer.css';

/** The field engineer's screen (F4): behind the engineer or manager PIN, checked in main. */
export function EngineerScreen() {
  const unlocked = useStore((s) => s.engineerUnlocked);
  return unlocked ? <EngineerSettings /> : <EngineerPin />;
}

const UNLOCK_ROLES: UnlockRole[] = ['engineer', 'manager'];

/** The engineer's PIN, or the manager's (settings need the manager PIN too); each role keeps its own lockout. */
function EngineerPin() {
  const [pin, setPin] = useState('');
  const [role, setRole] = useState<UnlockRole>('engineer');
  const message = useStore((s) => s.engineerPinMessage);
  const unlock = useStore((s) => s.unlockEngineer);
  const t = useT();
  const tm = useMsg();
  return (
    <form className="eng-pin" onSubmit={(e) => { e.preventDefault(); void unlock(pin, role); setPin(''); }}>
      <h2>{t('engTitle')}</h2>
      <div className="role-choice" role="radiogroup" aria-label={t('engRoleLabel')}>
        {UNLOCK_ROLES.map((r) => (
          <button key={r} type="button" className={r === role ? 'btn primary' : 'btn'} role="radio" aria-checked={r === role} onClick={() => setRole(r)} data-testid={`eng-role-${r}`}>{t(`engRole${r}`)}</button>
        ))}
      </div>
      <label>{role === 'manager' ? t('engPinmanager') : t('engPin')}
        <input type="password" inputMode="numeric" autoFocus value={pin} onChange={(e) => setPin(e.target.value)} data-testid="eng-pin" autoComplete="off" />
      </label>
      <button className="btn primary" type="submit" data-testid="eng-pin-submit">{t('engEnter')}</button>
      {message && <div className="eng-error" role="alert" data-testid="eng-pin-message">{tm(message)}</div>}
    </form>
  );
}

function EngineerSettings() {
  const watch = useStore((s) => s.watchMonitor);
  const lock = useStore((s) => s.lockEngineer);
  const inClear = useStore((s) => s.engineerView?.secretsInClear);
  const restart = useStore((s) => s.engineerView?.restartNeeded);
  const warnings = useStore((s) => s.engineerView?.warnings);
  const t = useT();
  const tm = useMsg();
  useEffect(() => watch(), [watch]);
  return (
    <div className="engineer" data-testid="engineer">
      <div className="eng-head">
        <h2>{t('engTitle')}</h2>
        <button className="btn" onClick={() => void lock()} data-testid="eng-lock">{t('engLock')}</button>
      </div>
      {inClear && <div className="eng-warn" data-testid="eng-secrets-clear">{t('engSecretsInClear')}</div>}
      {restart?.map((r) => <div key={r.code} className="eng-warn" data-testid="eng-restart">{tm(r)}</div>)}
      {warnings?.filter((w) => !(inClear && w.code === 'warn.secretsInClear')).map((w, i) => <div key={i} className="eng-warn">{tm(w)}</div>)}
      <div className="eng-columns">
        <ScannerSection />
        <div>
          <PrinterSection />
          <AggregatorSection />
          <FilesSection />
        </div>
      </div>
      <div className="eng-columns">
        <PlatformSection />
        <HqSection />
      </div>
    </div>
  );
}
