import { describe, expect, it } from 'vitest';
import { translate } from '../../../renderer/src/i18n';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN, type MessageKey } from '../../../renderer/src/i18n/zh-CN';

describe('catalogues', () => {
  const keys = Object.keys(zhCN) as MessageKey[];

  it('English has every key, none empty, and no Chinese except the switch back to 中文', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const k of keys) expect(en[k].trim(), k).not.toBe('');
    const chinese = keys.filter((k) => k !== 'language' && /[\u4e00-\u9fff]/.test(en[k]));
    expect(chinese).toEqual([]);
  });

  it('both languages use the same placeholders for each key', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of keys) expect(vars(en[k]), k).toEqual(vars(zhCN[k]));
  });

  it('translate fills placeholders in the chosen language', () => {
    const withVar = keys.find((k) => /\{\w+\}/.test(zhCN[k]));
    expect(withVar).toBeDefined();
    const name = /\{(\w+)\}/.exec(zhCN[withVar!])![1]!;
    expect(translate('zh-CN', withVar!, { [name]: 42 })).toContain('42');
    expect(translate('en', withVar!, { [name]: 42 })).toContain('42');
    expect(translate('en', 'collect')).toBe(en.collect);
    expect(translate('zh-CN', 'collect')).toBe('收款');
  });
});
