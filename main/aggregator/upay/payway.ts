/**
 * 收钱吧 payway / sub_payway codes, as documented (zh-cn/api/annex/payway.md; 19 from the newer
 * payway tables, see shared/reference/payment-protocols.md §1.5 and §1.6b). Values are strings
 * because every Upay value is a string on the wire.
 */
import type { Wallet } from '../types';

export const UPAY_PAYWAY = {
  ALIPAY: '1',
  ALIPAY_V2: '2',
  WECHAT: '3',
  BAIDU_WALLET: '4',
  JD: '5',
  QQ_WALLET: '6',
  NFC: '7',
  LAKALA_WALLET: '8',
  LAKALA_WECHAT: '15',
  CMB: '16',
  UNIONPAY_QR: '17',
  BESTPAY: '18',
  /** 微信境外 (Weixin-Local, Hong Kong) — NOT e-CNY (payment-protocols.md §1.6b). */
  WECHAT_OVERSEAS: '19',
} as const;
export type UpayPayway = (typeof UPAY_PAYWAY)[keyof typeof UPAY_PAYWAY];

/** zh-cn/api/annex/payway.md 二级支付方式列表. */
export const UPAY_SUB_PAYWAY = { BARCODE: '1', QR: '2', WAP: '3', MINI_PROGRAM: '4' } as const;
export type UpaySubPayway = (typeof UPAY_SUB_PAYWAY)[keyof typeof UPAY_SUB_PAYWAY];

/** Documented name of each payway (zh-cn/api/annex/payway.md). */
export const UPAY_PAYWAY_NAMES: Readonly<Record<UpayPayway, string>> = {
  '1': '支付宝', '2': '支付宝', '3': '微信', '4': '百度钱包', '5': '京东', '6': 'qq钱包', '7': 'NFC支付',
  '8': '拉卡拉钱包', '15': '拉卡拉微信', '16': '招商银行', '17': '银联二维码', '18': '翼支付', '19': '微信境外',
};

/** Wallet of a payway answer; anything not listed is 'other' (never guessed as e-CNY). */
export const WALLET_BY_PAYWAY: Readonly<Record<string, Wallet>> = {
  '1': 'alipay', '2': 'alipay', '3': 'wechat', '17': 'unionpay', '18': 'bestpay', '19': 'wechat',
};

/** The payway a wallet-specific QR (fallback mode) is requested with; null: no documented code. */
export function paywayForWallet(wallet: Wallet): UpayPayway | null {
  switch (wallet) {
    case 'alipay': return UPAY_PAYWAY.ALIPAY; // precreate.md and wap2.md list 1 for 支付宝
    case 'wechat': return UPAY_PAYWAY.WECHAT;
    case 'unionpay': return UPAY_PAYWAY.UNIONPAY_QR;
    case 'bestpay': return UPAY_PAYWAY.BESTPAY;
    default: return null;
  }
}

export function isDocumentedPayway(v: string): v is UpayPayway {
  return Object.values(UPAY_PAYWAY).includes(v as UpayPayway);
}
export function isDocumentedSubPayway(v: string): v is UpaySubPayway {
  return Object.values(UPAY_SUB_PAYWAY).includes(v as UpaySubPayway);
}
