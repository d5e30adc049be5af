import { useEffect } from 'react';
import { useStore } from '../../store';
import { useT } from '../../i18n';
import { SetupField, SetupFeedbackLine } from './SetupField';

/** Head office: sync on/off (off by default), PostgreSQL URL, the store role's password (write-only), store id and name. */
export function HqSection() {
  const form = useStore((s) => s.hqForm);
  const view = useStore((s) => s.hqView);
  const errors = useStore((s) => s.hqErrors);
  const feedback = useStore((s) => s.hqFeedback);
  const busy = useStore((s) => s.hqBusy);
  const load = useStore((s) => s.loadHq);
  const setField = useStore((s) => s.setHqField);
  const save = useStore((s) => s.saveHq);
  const test = useStore((s) => s.testHq);
  const sync = useStore((s) => s.sync);
  const t = useT();
  useEffect(() => { void load(); }, [load]);
  // The same words as the status bar (SyncStatus), for the state the worker reports now.
  const stateText = !sync?.enabled ? t('setHqStateOff')
    : sync.state === 'synced' ? t('syncSynced')
      : sync.state === 'behind' ? t('syncBehind', { n: sync.behind })
        : sync.state === 'unreachable' ? t('syncUnreachable', { since: sync.since ? new Date(sync.since).toTimeString().slice(0, 5) : '—', n: sync.behind })
          : t('syncConnecting');
  if (!form || !view) return <section className="eng-card" data-testid="eng-hq"><h3>{t('setHqTitle')}</h3><SetupFeedbackLine feedback={feedback} testId="eng-hq-feedback" /></section>;
  return (
    <section className="eng-card" data-testid="eng-hq">
      <h3>{t('setHqTitle')}</h3>
      <div className="eng-status" data-testid="eng-hq-terminal">{t('setHqTerminal', { id: view.terminalId })}</div>
      <div className="eng-status" data-testid="eng-hq-state">{t('setHqState', { state: stateText })}</div>
      <div className="eng-grid">
        <SetupField testId="eng-hq-enabled" label={t('setHqEnabled')} value={form.enabled ? 'on' : 'off'} onChange={(v) => setField('enabled', v === 'on')} error={errors.enabled}
          options={[['off', t('setHqOff')], ['on', t('setHqOn')]]} />
        <SetupField testId="eng-hq-url" label={t('setHqUrl')} value={form.url} onChange={(v) => setField('url', v)} error={errors.url} placeholder="postgres://…" hint={t('setHqUrlHint')} wide />
        <SetupField testId="eng-hq-password" label={t('setHqPassword')} value={form.password} onChange={(v) => setField('password', v)} error={errors.password}
          type="password" placeholder={view.passwordSet ? t('setSecretSet') : t('setSecretNotSet')} />
        <SetupField testId="eng-hq-storeId" label={t('setHqStoreId')} value={form.storeId} onChange={(v) => setField('storeId', v)} error={errors.storeId} />
        <SetupField testId="eng-hq-storeName" label={t('setHqStoreName')} value={form.storeName} onChange={(v) => setField('storeName', v)} error={errors.storeName} />
      </div>
      <div className="actions">
        <button className="btn primary" onClick={() => void save()} data-testid="eng-hq-save">{t('setSave')}</button>
        <button className="btn" disabled={busy} onClick={() => void test()} data-testid="eng-hq-test">{busy ? t('setTesting') : t('setTest')}</button>
      </div>
      <SetupFeedbackLine feedback={feedback} testId="eng-hq-feedback" />
    </section>
  );
}
