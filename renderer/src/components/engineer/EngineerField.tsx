import { useId } from 'react';
import { useStore } from '../../store';
import { useMsg } from '../../i18n';
import type { EngineerForms } from '../../store/engineer-slice';

type Section = keyof EngineerForms;

interface Props<S extends Section> {
  section: S;
  field: keyof EngineerForms[S] & string;
  label: string;
  /** A select with these values (value → shown text); a text input otherwise. */
  options?: [string, string][];
  type?: 'text' | 'password';
  placeholder?: string;
  hint?: string;
  list?: string;
}

/** One form field: its text from the store, the message main gave for it underneath. */
export function EngineerField<S extends Section>({ section, field, label, options, type = 'text', placeholder, hint, list }: Props<S>) {
  const id = useId();
  const value = useStore((s) => (s.engineerForms?.[section] as Record<string, string> | undefined)?.[field] ?? '');
  const error = useStore((s) => s.engineerErrors[section]?.[field]);
  const tm = useMsg();
  const setField = useStore((s) => s.setEngineerField);
  const testId = `eng-${section}-${field}`;
  return (
    <div className={error ? 'eng-field invalid' : 'eng-field'}>
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select id={id} value={value} data-testid={testId} aria-invalid={!!error} onChange={(e) => setField(section, field, e.target.value)}>
          {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
        </select>
      ) : (
        <input id={id} type={type} value={value} placeholder={placeholder} list={list} data-testid={testId} aria-invalid={!!error}
          autoComplete="off" spellCheck={false} onChange={(e) => setField(section, field, e.target.value)} />
      )}
      {hint && !error && <div className="eng-hint">{hint}</div>}
      {error && <div className="eng-error" role="alert" data-testid={`${testId}-error`}>{tm(error)}</div>}
    </div>
  );
}

/** The line under a section's buttons: what main said (saved, refused, activated…). */
export function SectionFeedbackLine({ section }: { section: 'scanner' | 'printer' | 'aggregator' | 'shop' | 'terminal' | 'files' }) {
  const fb = useStore((s) => s.engineerFeedback[section]);
  const tm = useMsg();
  if (!fb) return null;
  return <div className={fb.ok ? 'eng-feedback ok' : 'eng-feedback bad'} role="status" data-testid={`eng-${section}-feedback`}>{tm(fb.text)}</div>;
}
