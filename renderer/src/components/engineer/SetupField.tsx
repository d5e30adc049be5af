import { useId } from 'react';
import type { Msg } from '../../../../preload/contract';
import { useMsg } from '../../i18n';
import type { SetupFeedback } from '../../store/setup-slice';

interface Props {
  testId: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The message main gave for this field (a code, worded here). */
  error?: Msg;
  options?: [string, string][];
  type?: 'text' | 'password';
  placeholder?: string;
  hint?: string;
  wide?: boolean;
}

/** One field of the platform / head-office forms: the value, and main's message for it underneath. */
export function SetupField({ testId, label, value, onChange, error, options, type = 'text', placeholder, hint, wide }: Props) {
  const id = useId();
  const say = useMsg();
  const cls = `eng-field${error ? ' invalid' : ''}${wide ? ' wide' : ''}`;
  return (
    <div className={cls}>
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select id={id} value={value} data-testid={testId} aria-invalid={!!error} onChange={(e) => onChange(e.target.value)}>
          {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
        </select>
      ) : (
        <input id={id} type={type} value={value} placeholder={placeholder} data-testid={testId} aria-invalid={!!error}
          autoComplete="off" spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && !error && <div className="eng-hint">{hint}</div>}
      {error && <div className="eng-error" role="alert" data-testid={`${testId}-error`}>{say(error)}</div>}
    </div>
  );
}

/** What main answered to a save or a test, in the screen's language. */
export function SetupFeedbackLine({ feedback, testId }: { feedback: SetupFeedback | null; testId: string }) {
  const say = useMsg();
  if (!feedback) return null;
  return <div className={feedback.ok ? 'eng-feedback ok' : 'eng-feedback bad'} role="status" data-testid={testId}>{say(feedback.message)}</div>;
}
