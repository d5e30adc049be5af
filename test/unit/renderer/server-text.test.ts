import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverText } from '../../../renderer/src/i18n/server-text';

describe('serverText: main-process messages in the cashier\'s language', () => {
  it('zh-CN shows the text as main wrote it', () => {
    expect(serverText('支付失败：余额不足', 'zh-CN')).toBe('支付失败：余额不足');
  });

  it('English translates the message and the known reason inside it', () => {
    expect(serverText('支付失败：余额不足', 'en')).toBe('Payment failed: Insufficient balance');
    expect(serverText('金额超过上限 ¥50,000.00', 'en')).toBe('The amount is over the limit of ¥50,000.00');
    expect(serverText('金额不一致：应收 ¥1.00，平台记录 ¥0.10', 'en')).toBe('Amount differs: due ¥1.00, the platform recorded ¥0.10');
  });

  it('an unknown aggregator reason is kept verbatim rather than guessed', () => {
    expect(serverText('需人工确认：UPAY_XYZ 系统繁忙', 'en')).toBe('Needs a manual check: UPAY_XYZ 系统繁忙');
  });

  it('every fixed Chinese message the checkout writes has an English line', () => {
    const src = ['main/checkout/checkout-service.ts', 'main/checkout/money.ts', 'main/checkout/paycode.ts']
      .map((f) => readFileSync(f, 'utf8')).join('\n');
    // String literals without interpolation that contain Chinese.
    const literals = [...src.matchAll(/'([^'\n`]*[\u4e00-\u9fff][^'\n`]*)'/g)].map((m) => m[1]!);
    expect(literals.length).toBeGreaterThan(15);
    const untranslated = literals.filter((l) => /[\u4e00-\u9fff]/.test(serverText(l, 'en')));
    expect(untranslated).toEqual([]);
  });
});

describe('serverText with templates', () => {
  it('journal-failure messages keep the disk error and translate the rest', () => {
    expect(serverText('交易记录无法保存，未能撤销：ENOSPC', 'en')).toBe('The journal could not be saved, so nothing was reversed: ENOSPC');
    expect(serverText('支付成功（警告：交易记录保存失败 EIO）', 'en')).toBe('Paid (warning: the journal could not be saved EIO)');
  });
});

describe('shift-close refusals', () => {
  it('lists what is unfinished in English, each part translated', () => {
    const zh = '不能交班：2 笔支付尚未确定结果（YM1、YM2）；1 笔退款尚未完成（R1）。请先在订单中“再次查询”，结果确定后再交班。';
    expect(serverText(zh, 'en')).toBe('Cannot close the shift: 2 payment(s) with an unknown outcome (YM1、YM2); 1 refund(s) not finished (R1). Press "Query again" on those orders and close the shift once their outcome is known.');
  });
});
