import { useEffect } from 'react';
import { useStore } from '../store';
import { useT } from '../i18n';
import { CheckoutScreen } from './CheckoutScreen';
import { HistoryScreen } from './HistoryScreen';
import { StatusBar } from './StatusBar';

export function App() {
  const screen = useStore((s) => s.screen);
  const setScreen = useStore((s) => s.setScreen);
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1') { e.preventDefault(); setScreen('checkout'); }
      if (e.key === 'F2') { e.preventDefault(); setScreen('history'); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [setScreen]);
  return (
    <div className="app">
      <header className="topbar">
        <nav>
          <button className={screen === 'checkout' ? 'tab active' : 'tab'} onClick={() => setScreen('checkout')}>{t('navCheckout')} <kbd>F1</kbd></button>
          <button className={screen === 'history' ? 'tab active' : 'tab'} onClick={() => setScreen('history')}>{t('navHistory')} <kbd>F2</kbd></button>
        </nav>
        <StatusBar />
      </header>
      <main className="content">{screen === 'checkout' ? <CheckoutScreen /> : <HistoryScreen />}</main>
    </div>
  );
}
