import { useStore } from '../../store';
import { useT } from '../../i18n';
import { syncStateText } from '../SyncStatus';
import { SetupField } from './SetupField';
import { SetupFormCard, textField } from './SetupFormCard';

/** Head office: sync on/off (off by default), PostgreSQL URL, the store role's password (write-only), store id and name. */
export function HqSection() {
  const state = useStore((s) => s.hqSetup);
  const sync = useStore((s) => s.sync);
  const locale = useStore((s) => s.locale);
  const t = useT();
  const field = textField('hq', state);
  // The same words as the status bar (SyncStatus), for the state the worker reports now.
  const stateText = !sync?.enabled ? t('setHqStateOff') : syncStateText(sync, t, locale);
  return (
    <SetupFormCard id="hq" title={t('setHqTitle')} state={state}
      status={(view) => <>
        <div className="eng-status" data-testid="eng-hq-terminal">{t('setHqTerminal', { id: view.terminalId })}</div>
        <div className="eng-status" data-testid="eng-hq-state">{t('setHqState', { state: stateText })}</div>
      </>}
      fields={(form, view) => <>
        <SetupField testId="eng-hq-enabled" label={t('setHqEnabled')} value={form.enabled ? 'on' : 'off'} onChange={(v) => state.setField('enabled', v === 'on')} error={state.errors.enabled}
          options={[['off', t('setHqOff')], ['on', t('setHqOn')]]} />
        {field('url', t('setHqUrl'), { placeholder: 'postgres://…', hint: t('setHqUrlHint'), wide: true })}
        {field('password', t('setHqPassword'), { type: 'password', placeholder: view.passwordSet ? t('setSecretSet') : t('setSecretNotSet') })}
        {field('storeId', t('setHqStoreId'))}
        {field('storeName', t('setHqStoreName'))}
      </>}
    />
  );
}
