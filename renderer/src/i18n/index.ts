/**
 * i18n on i18next: zh-CN by default, English complete, keys typed from the zh-CN catalogue;
 * switching the store's locale re-renders every component without a restart.
 */
import { useStore } from '../store';
import { translate, translateMsg, type MessageKey } from './translate';
import type { Msg } from '../../../preload/contract';

export { translate, translateMsg, type Locale, type MessageKey } from './translate';

export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const locale = useStore((s) => s.locale);
  return (key, vars) => translate(locale, key, vars);
}

/**
 * Main-process messages (progress, results, refusals, warnings) in the current language. A plain
 * string is a value, not a sentence (a file path, a job id) and is shown as it is.
 */
export function useMsg(): (m: Msg | string) => string {
  const locale = useStore((s) => s.locale);
  return (m) => (typeof m === 'string' ? m : translateMsg(locale, m));
}
