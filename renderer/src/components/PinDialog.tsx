import { useState } from 'react';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import type { PinIntent } from '../store/manager-slice';
import { useCountdown } from './use-countdown';


/**
 * The manager PIN prompt for one kind of protected action (and one order): Enter confirms, Esc
 * cancels; after 5 wrong tries it shows the lockout countdown and takes no input.
 */
export function PinDialog({ kinds, clientSn }: { kinds: PinIntent['kind'][]; clientSn?: string }) {
  const intent = useStore((s) => s.pinIntent);
  const message = useStore((s) => s.pinMessage);
  const lockedUntil = useStore((s) => s.pinLockedUntil);
  const busy = useStore((s) => s.pinBusy);
  const submit = useStore((s) => s.submitPin);
  const cancel = useStore((s) => s.cancelPin);
  const t = useT();
  const tm = useMsg();
  const [pin, setPin] = useState('');
  const left = useCountdown(lockedUntil);
  const mine = intent !== null && kinds.includes(intent.kind) && (clientSn === undefined || ('clientSn' in intent && intent.clientSn === clientSn));
  if (!mine) return null;
  const locked = left > 0;
  const send = () => {
    if (!pin || locked || busy) return;
    void submit(pin);
    setPin('');
  };
  return (
    <div className="pin-backdrop">
      <div className="pin-dialog panel" role="dialog" aria-modal="true" data-testid="pin-dialog">
        <h3>{t(`mgrPinTitle${intent.kind}`)}</h3>
        <input
          type="password" inputMode="numeric" autoFocus maxLength={8} value={pin} disabled={locked}
          placeholder={t('mgrPinPlaceholder')} data-testid="pin-input" aria-label={t('mgrPinPlaceholder')}
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          onKeyDown={(e) => { if (e.key === 'Enter') send(); if (e.key === 'Escape') cancel(); }}
        />
        {locked
          ? <div className="error" data-testid="pin-locked">{t('mgrPinLocked', { s: left })}</div>
          : message && <div className="error" data-testid="pin-message">{tm(message)}</div>}
        <div className="actions">
          <button className="btn" onClick={cancel}>{t('mgrPinCancel')} <kbd>Esc</kbd></button>
          <button className="btn primary" onClick={send} disabled={locked || busy || !pin} data-testid="pin-ok">{t('mgrPinOk')} <kbd>Enter</kbd></button>
        </div>
      </div>
    </div>
  );
}
