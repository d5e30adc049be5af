import { describe, expect, it } from 'vitest';
import { paymentAnnouncement, readInteger, refundAnnouncement, spokenAmount } from '../../../../renderer/src/voice/spoken-amount';

const say = (fen: number) => spokenAmount(fen).join('');

describe('spokenAmount: what the speaker says for an amount in fen', () => {
  it.each([
    [1, '一分'],
    [10, '一角'],
    [1_000, '十元'],
    [10_050, '一百元五角'],
    [1_000_520, '一万零五元二角'],
    [99_999_999, '九十九万九千九百九十九元九角九分'],
    [1_005, '十元零五分'],
    [12_850, '一百二十八元五角'],
    [101_000, '一千零一十元'],
    [100_100, '一千零一元'],
    [1_500_000, '一万五千元'],
    [1_000_000_00, '一百万元'],
    [10_000_000, '十万元'],
    [11_000_000, '十一万元'],
    [10_010_000, '十万零一百元'],
    [1_000_000_000_00, '十亿元'],
    [1_000_050_000_00, '十亿零五万元'],
    [1_000_500_000_00, '十亿零五十万元'],
    [0, '零元'],
  ])('%i fen → %s', (fen, words) => {
    expect(say(fen)).toBe(words);
  });

  it('refuses what is not an amount in fen', () => {
    expect(() => spokenAmount(1.5)).toThrow(RangeError);
    expect(() => spokenAmount(-1)).toThrow(RangeError);
    expect(() => readInteger(Number.NaN)).toThrow(RangeError);
  });
});

describe('announcements', () => {
  it('names the wallet first, then the amount, with one clip per word', () => {
    const a = paymentAnnouncement('alipay', 12_850);
    expect(a.text).toBe('支付宝到账一百二十八元五角');
    expect(a.clips).toEqual(['pay-alipay', 'd1', 'bai', 'd2', 'shi', 'd8', 'yuan', 'd5', 'jiao']);
  });

  it('an unknown wallet says 收款成功; a refund says 退款', () => {
    expect(paymentAnnouncement(undefined, 1).text).toBe('收款成功一分');
    expect(refundAnnouncement(1_000).clips).toEqual(['refund', 'shi', 'yuan']);
  });
});
