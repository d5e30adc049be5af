import { useEffect, type ReactNode } from 'react';
import type { FormState } from '../../store/setup-slice';
import { useT } from '../../i18n';
import { SetupField, SetupFeedbackLine } from './SetupField';

type StringKeys<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F];
type Extra = Omit<Parameters<typeof SetupField>[0], 'testId' | 'label' | 'value' | 'onChange' | 'error'>;

interface Props<V, F> {
  /** `eng-<id>` is the card's test id, `eng-<id>-<field>` each field's. */
  id: string;
  title: string;
  state: FormState<V, F>;
  /** Status lines under the title, once the view is loaded. */
  status: (view: V) => ReactNode;
  fields: (form: F, view: V) => ReactNode;
  /** Under the fields, above the buttons. */
  after?: (form: F, view: V) => ReactNode;
  /** Whether this form's state offers "test connection". */
  canTest?: (form: F) => boolean;
}

/** One engineer form card: title, status, fields, save / test, and main's answer; loads its view on mount. */
export function SetupFormCard<V, F>({ id, title, state, status, fields, after, canTest = () => true }: Props<V, F>) {
  const t = useT();
  const { form, view, feedback, busy, load, save, test } = state;
  useEffect(() => { void load(); }, [load]);
  const feedbackLine = <SetupFeedbackLine feedback={feedback} testId={`eng-${id}-feedback`} />;
  if (!form || !view) return <section className="eng-card" data-testid={`eng-${id}`}><h3>{title}</h3>{feedbackLine}</section>;
  return (
    <section className="eng-card" data-testid={`eng-${id}`}>
      <h3>{title}</h3>
      {status(view)}
      <div className="eng-grid">{fields(form, view)}</div>
      {after?.(form, view)}
      <div className="actions">
        <button className="btn primary" onClick={() => void save()} data-testid={`eng-${id}-save`}>{t('setSave')}</button>
        {canTest(form) && <button className="btn" disabled={busy} onClick={() => void test()} data-testid={`eng-${id}-test`}>{busy ? t('setTesting') : t('setTest')}</button>}
      </div>
      {feedbackLine}
    </section>
  );
}

/** A text (or select) field of the form bound to its value, setter and main's error for it. */
export function textField<V, F>(id: string, state: FormState<V, F>) {
  return (name: StringKeys<F>, label: string, extra: Extra = {}) => (
    <SetupField testId={`eng-${id}-${String(name)}`} label={label} value={String(state.form?.[name] ?? '')}
      onChange={(v) => state.setField(name, v as F[typeof name])} error={state.errors[String(name)]} {...extra} />
  );
}
