import { useEffect } from 'react';
import type { PlatformForm } from '../../../../preload/contract';
import { useStore } from '../../store';
import { useT } from '../../i18n';
import { SetupField, SetupFeedbackLine } from './SetupField';

type Field = keyof PlatformForm;

/** Payment platform of this counter: 收钱吧 or 招商银行 聚合收款 with its merchant data and SM2 keys (write-only). */
export function PlatformSection() {
  const form = useStore((s) => s.platformForm);
  const view = useStore((s) => s.platformView);
  const errors = useStore((s) => s.platformErrors);
  const feedback = useStore((s) => s.platformFeedback);
  const busy = useStore((s) => s.platformBusy);
  const load = useStore((s) => s.loadPlatform);
  const setField = useStore((s) => s.setPlatformField);
  const save = useStore((s) => s.savePlatform);
  const test = useStore((s) => s.testPlatform);
  const t = useT();
  useEffect(() => { void load(); }, [load]);
  if (!form || !view) return <section className="eng-card" data-testid="eng-platform"><h3>{t('setPlatformTitle')}</h3><SetupFeedbackLine feedback={feedback} testId="eng-platform-feedback" /></section>;
  const field = (name: Field, label: string, extra: { type?: 'password'; placeholder?: string; hint?: string; options?: [string, string][]; wide?: boolean } = {}) => (
    <SetupField testId={`eng-platform-${name}`} label={label} value={form[name]} onChange={(v) => setField(name, v)} error={errors[name]} {...extra} />
  );
  const secret = (set: boolean) => ({ type: 'password' as const, placeholder: set ? t('setSecretSet') : t('setSecretNotSet') });
  const bank = form.platform === 'cmb';
  return (
    <section className="eng-card" data-testid="eng-platform">
      <h3>{t('setPlatformTitle')}</h3>
      <div className="eng-status" data-testid="eng-platform-running">{t('setRunning', { platform: t(`setPlatform${view.runningPlatform}`) })}</div>
      {view.restartNeeded && <div className="eng-warn" data-testid="eng-platform-restart">{t('setRestart')}</div>}
      <div className="eng-grid">
        {field('platform', t('setPlatform'), { options: [['upay', t('setPlatformupay')], ['cmb', t('setPlatformcmb')]], wide: true })}
        {bank && <>
          {field('baseUrl', t('setEndpoint'), { placeholder: 'https://…/polypay/v1.0/mchorders', hint: t('setEndpointHint'), wide: true })}
          {field('merId', t('setMerId'))}
          {field('userId', t('setUserId'))}
          {field('appId', t('setAppId'))}
          {field('appSecret', t('setAppSecret'), secret(view.appSecretSet))}
          {field('privateKey', t('setPrivateKey'), { ...secret(view.privateKeySet), wide: true })}
          {field('publicKey', t('setPublicKey'), { wide: true })}
          {field('bankPublic', t('setBankPublic'), { wide: true })}
          {field('notifyUrl', t('setNotifyUrl'), { placeholder: 'https://…', wide: true })}
          {field('termId', t('setTermId'))}
          {field('deviceId', t('setDeviceId'))}
          {field('deviceType', t('setDeviceType'), { options: (['04', '09', '10', '11'] as const).map((d) => [d, t(`setDeviceType${d}`)]) })}
          {field('serialNum', t('setSerialNum'))}
          {field('location', t('setLocation'))}
        </>}
      </div>
      {bank && view.ourPublicKey && <div className="eng-key-state eng-pubkey" data-testid="eng-platform-our-public">{t('setOurPublic')}: <code translate="no">{view.ourPublicKey}</code></div>}
      <div className="actions">
        <button className="btn primary" onClick={() => void save()} data-testid="eng-platform-save">{t('setSave')}</button>
        {bank && <button className="btn" disabled={busy} onClick={() => void test()} data-testid="eng-platform-test">{busy ? t('setTesting') : t('setTest')}</button>}
      </div>
      <SetupFeedbackLine feedback={feedback} testId="eng-platform-feedback" />
    </section>
  );
}
