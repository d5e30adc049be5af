import { useStore } from '../../store';
import { useT } from '../../i18n';
import { SetupFormCard, textField } from './SetupFormCard';

/** Payment platform of this counter: 收钱吧 or 招商银行 聚合收款 with its merchant data and SM2 keys (write-only). */
export function PlatformSection() {
  const state = useStore((s) => s.platformSetup);
  const t = useT();
  const field = textField('platform', state);
  const secret = (set: boolean) => ({ type: 'password' as const, placeholder: set ? t('setSecretSet') : t('setSecretNotSet') });
  return (
    <SetupFormCard id="platform" title={t('setPlatformTitle')} state={state}
      canTest={(form) => form.platform === 'cmb'}
      status={(view) => <>
        <div className="eng-status" data-testid="eng-platform-running">{t('setRunning', { platform: t(`setPlatform${view.runningPlatform}`) })}</div>
        {view.restartNeeded && <div className="eng-warn" data-testid="eng-platform-restart">{t('setRestart')}</div>}
      </>}
      fields={(form, view) => <>
        {field('platform', t('setPlatform'), { options: [['upay', t('setPlatformupay')], ['cmb', t('setPlatformcmb')]], wide: true })}
        {form.platform === 'cmb' && <>
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
      </>}
      after={(form, view) => form.platform === 'cmb' && view.ourPublicKey &&
        <div className="eng-key-state eng-pubkey" data-testid="eng-platform-our-public">{t('setOurPublic')}: <code translate="no">{view.ourPublicKey}</code></div>}
    />
  );
}
