import { useEffect } from 'react';
import { useStore } from '../store';
import { useT } from '../i18n';
import { OperatorDialog } from './OperatorDialog';

/** The status bar's operator control: who is signed in; opens sign-in, switch and sign-out. */
export function OperatorButton() {
  const operator = useStore((s) => s.operator);
  const open = useStore((s) => s.openOperatorDialog);
  const watch = useStore((s) => s.watchOperator);
  const t = useT();
  useEffect(() => watch(), [watch]);
  return (
    <>
      <button className={operator ? 'pill ok operator' : 'pill operator'} onClick={() => open()} data-testid="operator-button" title={t('opButtonTitle')}>
        {operator ? <>{t(`opRole${operator.role}`)} · <span translate="no">{operator.name}</span></> : t('opSignIn')}
      </button>
      <OperatorDialog />
    </>
  );
}
