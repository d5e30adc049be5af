import { describe, expect, it } from 'vitest';
import { messageCodes, messageSpecs, msg, type MessageCode } from '../../../../preload/messages';
import { messagesEn } from '../../../../renderer/src/i18n/messages-en';
import { messagesZhCN } from '../../../../renderer/src/i18n/messages-zh-CN';
import { translateMsg } from '../../../../renderer/src/i18n';
import { commonMessageSpecs } from '../../../../preload/messages-common';
import { checkoutMessageSpecs } from '../../../../preload/messages-checkout';
import { devicesMessageSpecs } from '../../../../preload/messages-devices';
import { managerMessageSpecs } from '../../../../preload/messages-manager';
import { engineerMessageSpecs } from '../../../../preload/messages-engineer';

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

describe('message codes: every code main can send has a zh-CN and an en text', () => {
  it('each code has a non-empty text in both languages, and no catalogue has a code main does not know', () => {
    const missingZh = messageCodes.filter((c) => !(messagesZhCN[c] ?? '').trim());
    const missingEn = messageCodes.filter((c) => !(messagesEn[c] ?? '').trim());
    expect(missingZh, 'codes without zh-CN text').toEqual([]);
    expect(missingEn, 'codes without en text').toEqual([]);
    expect(Object.keys(messagesZhCN).filter((k) => !messageCodes.includes(k as MessageCode)), 'stale zh-CN codes').toEqual([]);
    expect(Object.keys(messagesEn).filter((k) => !messageCodes.includes(k as MessageCode)), 'stale en codes').toEqual([]);
  });

  it('English texts have no Chinese character (nor full-width punctuation)', () => {
    expect(messageCodes.filter((c) => CJK.test(messagesEn[c]))).toEqual([]);
  });

  it('each text uses exactly the parameters its code declares, in both languages', () => {
    for (const c of messageCodes) {
      const declared = [...(messageSpecs[c] as readonly string[])].sort();
      expect(placeholders(messagesZhCN[c]), `${c} zh-CN`).toEqual(declared);
      expect(placeholders(messagesEn[c]), `${c} en`).toEqual(declared);
    }
  });

  it('each code is listed in exactly one feature file (a duplicate would silently overwrite another)', () => {
    const features = [commonMessageSpecs, checkoutMessageSpecs, devicesMessageSpecs, managerMessageSpecs, engineerMessageSpecs];
    const listed = features.flatMap((f) => Object.keys(f));
    expect(listed.filter((c, i) => listed.indexOf(c) !== i), 'codes in two feature files').toEqual([]);
    expect(listed.length).toBe(messageCodes.length);
  });

  it('codes are dotted camelCase identifiers (stable strings the renderer keys on)', () => {
    expect(messageCodes.filter((c) => !/^[a-z]+(\.[a-z][A-Za-z0-9]*)+$/.test(c))).toEqual([]);
  });
});

describe('translateMsg: parameters formatted by the app language', () => {
  it('money parameters (…Fen) always show two decimals in both languages', () => {
    const m = msg('amount.overLimit', { maxFen: 12850 });
    expect(translateMsg('zh-CN', m)).toBe('金额超过上限 ¥128.50');
    expect(translateMsg('en', m)).toBe('The amount is over the limit of ¥128.50');
  });

  it('nested messages (…Msg) are translated too, so English shows no Chinese', () => {
    const m = msg('result.payFailed', { reasonMsg: msg('platform.timeout') });
    expect(translateMsg('zh-CN', m)).toBe('支付失败：请求超时，结果未知');
    expect(translateMsg('en', m)).toBe('Payment failed: The request timed out, outcome unknown');
    expect(CJK.test(translateMsg('en', m))).toBe(false);
  });

  it('plain numbers are grouped by the app language; texts pass through untouched', () => {
    expect(translateMsg('en', msg('shift.unsettledPayments', { n: 1200, list: 'c-1, c-2' }))).toBe('1,200 payment(s) with an unknown outcome (c-1, c-2)');
    expect(translateMsg('en', msg('paycode.goodsBarcode', { code: '6901234567892' }))).toBe('That is a goods barcode (6901234567892), not a payment code');
  });

  it('a code with no parameters reads the same each time', () => {
    expect(translateMsg('zh-CN', msg('scanner.notConfigured'))).toBe('未配置串口扫码枪');
    expect(translateMsg('en', msg('scanner.notConfigured'))).toBe('No serial scanner set up');
  });
});
