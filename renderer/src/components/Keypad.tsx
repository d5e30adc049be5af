import { useStore } from '../store';
import { useT } from '../i18n';

const KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '.', 'Backspace'];

export function Keypad() {
  const pressKey = useStore((s) => s.pressKey);
  const collect = useStore((s) => s.collect);
  const phase = useStore((s) => s.view.phase);
  const t = useT();
  const busy = phase !== 'idle' && phase !== 'result';
  return (
    <div className="keypad">
      {KEYS.map((k) => (
        <button key={k} className="key" disabled={busy} onClick={() => pressKey(k)} aria-label={k === 'Backspace' ? '⌫' : k}>
          {k === 'Backspace' ? '⌫' : k}
        </button>
      ))}
      <button className="key wide" disabled={busy} onClick={() => pressKey('C')}>{t('clear')}</button>
      <button className="key collect" disabled={busy} onClick={() => void collect()} data-testid="collect">{t('collect')}</button>
    </div>
  );
}
