/**
 * A message (code + parameters) as Chinese text, for where Chinese is the output: the journal's
 * `message` fields and the logs. The screen never gets this text: it gets the code and words it in
 * the cashier's language (renderer/src/i18n). Same catalogue as the screen's Chinese, so the two agree.
 */
import type { Msg } from '../../preload/messages';
import { messagesZhCN } from '../../renderer/src/i18n/messages-zh-CN';
import { formatFen } from './money';

const WALLET_ZH: Record<string, string> = { wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付', ecny: '数字人民币', bestpay: '翼支付', cash: '现金', other: '其他' };

export function zhText(m: Msg): string {
  const params = (m.params ?? {}) as Record<string, unknown>;
  return messagesZhCN[m.code].replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (Array.isArray(v)) return v.map((x) => zhText(x as Msg)).join('、');
    if (typeof v === 'object' && v !== null) return zhText(v as Msg);
    if (typeof v === 'number' && name.endsWith('Fen')) return formatFen(v);
    if (typeof v === 'number' && name.endsWith('At')) return new Date(v).toISOString();
    if (name === 'wallet' && typeof v === 'string') return WALLET_ZH[v] ?? v;
    return v === undefined ? '' : String(v);
  });
}

/** A journal record's text fields for a message: the code (for the screen) and its Chinese words (for people reading the journal). */
export function journalText(m: Msg): { message: string; msg: Msg } {
  return { message: zhText(m), msg: m };
}
