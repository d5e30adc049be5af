import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// The counter's own CJK font (split by unicode range, fetched only when used): the dashboard reads the
// same on a head-office PC without a Chinese system font (it showed empty boxes there).
import '@fontsource-variable/noto-sans-sc';
import './hq.css';

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
