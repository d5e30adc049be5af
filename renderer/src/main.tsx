import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { CustomerDisplay } from './components/CustomerDisplay';
import { useStore } from './store';
// The bundled CJK font (unicode-range chunks: only the glyphs a screen uses are loaded), so every
// machine, Electron or browser, shows the same text even without a system CJK font.
import '@fontsource-variable/noto-sans-sc';
import './styles.css';

// The customer display is the same bundle on /customer (harness) or #customer (Electron).
const isCustomer = location.pathname === '/customer' || location.hash === '#customer';
void useStore.getState().connect();
createRoot(document.getElementById('root')!).render(<StrictMode>{isCustomer ? <CustomerDisplay /> : <App />}</StrictMode>);
