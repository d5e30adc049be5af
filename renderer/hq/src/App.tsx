import { useEffect, useState } from 'react';
import { useHq } from './store';
import { useT } from './i18n';
import { Dashboard } from './Dashboard';

function Login() {
  const t = useT();
  const login = useHq((s) => s.login);
  const error = useHq((s) => s.error);
  const busy = useHq((s) => s.busy);
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  return (
    <form className="login" onSubmit={(e) => { e.preventDefault(); void login(username, password); }}>
      <h1>{t('title')}</h1>
      <label>{t('username')}<input value={username} onChange={(e) => setUsername(e.target.value)} data-testid="hq-username" autoComplete="username" /></label>
      <label>{t('password')}<input type="password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="hq-password" autoComplete="current-password" autoFocus /></label>
      <button type="submit" disabled={busy} data-testid="hq-login">{t('login')}</button>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  );
}

export function App() {
  const user = useHq((s) => s.user);
  const checked = useHq((s) => s.checked);
  const start = useHq((s) => s.start);
  const locale = useHq((s) => s.locale);
  const toggleLocale = useHq((s) => s.toggleLocale);
  const t = useT();
  useEffect(() => { void start(); }, [start]);
  useEffect(() => { document.documentElement.lang = locale; }, [locale]);
  if (!checked) return null;
  return (
    <>
      <button className="link lang" onClick={toggleLocale} data-testid="hq-language">{t('language')}</button>
      {user ? <Dashboard /> : <Login />}
    </>
  );
}
