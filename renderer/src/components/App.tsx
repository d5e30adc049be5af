import { useEffect } from 'react';
import { useStore } from '../store';
import { useT } from '../i18n';
import { CheckoutScreen } from './CheckoutScreen';
import { HistoryScreen } from './HistoryScreen';
import { ReportsScreen } from './ReportsScreen';
import { EngineerScreen } from './EngineerScreen';
import { StatusBar } from './StatusBar';
import { useVoiceAnnouncements } from '../voice/use-voice';
import { useScanTarget } from './use-scan-target';
import { LatePaymentDialog } from './LatePaymentDialog';

export function App() {
  const screen = useStore((s) => s.screen);
  const setScreen = useStore((s) => s.setScreen);
  const t = useT();
  useVoiceAnnouncements();
  useScanTarget(screen);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F1') { e.preventDefault(); setScreen('checkout'); }
      if (e.key === 'F2') { e.preventDefault(); setScreen('history'); }
      if (e.key === 'F3') { e.preventDefault(); setScreen('reports'); }
      if (e.key === 'F4') { e.preventDefault(); setScreen('engineer'); }
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
          <button className={screen === 'reports' ? 'tab active' : 'tab'} onClick={() => setScreen('reports')} data-testid="nav-reports">{t('navReports')} <kbd>F3</kbd></button>
          <button className={screen === 'engineer' ? 'tab active' : 'tab'} onClick={() => setScreen('engineer')} data-testid="nav-engineer">{t('navEngineer')} <kbd>F4</kbd></button>
        </nav>
        <StatusBar />
      </header>
      <main className="content">{screen === 'checkout' ? <CheckoutScreen /> : screen === 'reports' ? <ReportsScreen /> : screen === 'engineer' ? <EngineerScreen /> : <HistoryScreen />}</main>
      <LatePaymentDialog />
    </div>
  );
}
