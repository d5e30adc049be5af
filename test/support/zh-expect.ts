/**
 * `expect` for tests written against the Chinese wording: every message code (Msg) inside the
 * value under test is first worded in Chinese with the same catalogue the screen uses
 * (main/i18n/zh-text.ts), so `toMatchObject({ message: '支付成功' })` checks what a cashier in
 * zh-CN mode reads. Class instances (errors, promises) pass through unchanged.
 */
import { expect as vitestExpect } from 'vitest';
import { isMsg } from '../../preload/messages';
import { zhText } from '../../main/i18n/zh-text';

export function zhOf(v: unknown): unknown {
  if (isMsg(v)) return zhText(v);
  if (Array.isArray(v)) return v.map(zhOf);
  if (v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, zhOf(x)]));
  }
  return v;
}

export const expect = Object.assign((value: unknown, message?: string) => vitestExpect(zhOf(value), message), vitestExpect) as typeof vitestExpect;
