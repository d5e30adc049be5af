/**
 * i18n on i18next: zh-CN by default, English complete, keys typed from the zh-CN catalogue;
 * switching the store's locale re-renders every component without a restart.
 */
import i18next from 'i18next';
import { useStore } from '../store';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';
import { serverText } from './server-text';

export type Locale = 'zh-CN' | 'en';
const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  resources: { 'zh-CN': { translation: catalogues['zh-CN'] }, en: { translation: catalogues.en } },
  // Catalogues use {name} placeholders; React escapes what it renders.
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  keySeparator: false,
  nsSeparator: false,
  returnNull: false,
});
const fixed = { 'zh-CN': i18n.getFixedT('zh-CN'), en: i18n.getFixedT('en') } as const;

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  return fixed[locale](key, vars ?? {});
}

export function useT(): (key: MessageKey, vars?: Record<string, string | number>) => string {
  const locale = useStore((s) => s.locale);
  return (key, vars) => translate(locale, key, vars);
}

export type { MessageKey };

/** Main-process messages (progress, results, refusals) in the current language. */
export function useServerText(): (text: string) => string {
  const locale = useStore((s) => s.locale);
  return (text) => serverText(text, locale);
}
