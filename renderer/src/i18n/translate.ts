/**
 * The words of the screens and of main's message codes, by language, without React or the store:
 * the counter's hooks (index.ts) and the head-office page (renderer/hq) both word through it.
 */
import i18next from 'i18next';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';
import { messagesEn } from './messages-en';
import { messagesZhCN } from './messages-zh-CN';
import { formatDateTime, formatFen, formatNumber } from '../format';
import type { MessageCode, Msg } from '../../../preload/contract';

export type Locale = 'zh-CN' | 'en';
const catalogues: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  resources: {
    'zh-CN': { translation: catalogues['zh-CN'], msg: messagesZhCN },
    en: { translation: catalogues.en, msg: messagesEn },
  },
  // Catalogues use {name} placeholders; React escapes what it renders.
  interpolation: { prefix: '{', suffix: '}', escapeValue: false },
  keySeparator: false,
  nsSeparator: false,
  returnNull: false,
});
const fixed = { 'zh-CN': i18n.getFixedT('zh-CN'), en: i18n.getFixedT('en') } as const;
const fixedMsg = { 'zh-CN': i18n.getFixedT('zh-CN', 'msg'), en: i18n.getFixedT('en', 'msg') } as const;

export function translate(locale: Locale, key: MessageKey, vars?: Record<string, string | number>): string {
  return fixed[locale](key, vars ?? {});
}


export type { MessageKey };

/** One parameter of a main-process message, formatted by its name's convention (preload/messages.ts). */
function formatParam(locale: Locale, name: string, value: unknown): string {
  if (Array.isArray(value)) return value.map((m) => translateMsg(locale, m as Msg)).join(locale === 'zh-CN' ? '、' : ', ');
  if (typeof value === 'object' && value !== null) return translateMsg(locale, value as Msg);
  if (typeof value === 'number' && name.endsWith('Fen')) return formatFen(value, locale);
  if (typeof value === 'number' && name.endsWith('Yuan')) return formatFen(value, locale).replace(/^(-?)¥/, '$1');
  if (typeof value === 'number' && name.endsWith('At')) return formatDateTime(value, locale);
  if (name === 'wallet' && typeof value === 'string') return translate(locale, `wallet${value}` as MessageKey);
  if (typeof value === 'number') return formatNumber(value, locale);
  return String(value);
}

/** A message main sent (a code and parameters), in the given language. */
export function translateMsg(locale: Locale, m: Msg): string {
  const vars: Record<string, string> = {};
  for (const [k, v] of Object.entries((m.params ?? {}) as Record<string, unknown>)) vars[k] = formatParam(locale, k, v);
  return fixedMsg[locale](m.code as MessageCode, vars);
}

