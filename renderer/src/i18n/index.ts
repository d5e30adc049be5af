/** Tiny typed i18n: zh-CN by default, English complete; switching re-renders without restart. */
import { useStore } from '../store';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  let text = catalogues[locale][key] ?? key;
  if (vars) for (const [k, v] of Object.entries(vars)) text = text.replace(`{${k}}`, String(v));
  return text;
}

export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const locale = useStore((s) => s.locale);
  return (key, vars) => translate(locale, key, vars);
}

export type { MessageKey };
