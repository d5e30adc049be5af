import { useStore } from '../store';
import { useT } from '../i18n';

/** 混合支付 on or off for this shop: the current state, switched with the manager PIN. */
export function MixedTenderSwitch() {
  const on = useStore((s) => s.mixedTender);
  const askPin = useStore((s) => s.askPin);
  const t = useT();
  return (
    <div className="mixed-switch" data-testid="mixed-tender">
      <span>{t('mixedTenderTitle')}</span>{' '}
      <b data-testid="mixed-tender-state" data-on={on ? 'true' : 'false'}>{on ? t('mixedTenderOn') : t('mixedTenderOff')}</b>{' '}
      <button className="btn" onClick={() => askPin({ kind: 'mixedTender', enabled: !on })} data-testid="mixed-tender-toggle">
        {on ? t('mixedTenderDisable') : t('mixedTenderEnable')}
      </button>
    </div>
  );
}
