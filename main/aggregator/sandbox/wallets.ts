/** Wallets: payment-code detection, payway codes, scripted behaviours, generated numbers. */
import { randomBytes } from 'node:crypto';
import { formatDate } from '../../shared/dates';
import type { Behaviour, SandboxWallet } from './state';

export const WALLETS: readonly SandboxWallet[] = ['wechat', 'alipay', 'unionpay'];

export const WALLET_LABEL: Record<SandboxWallet, string> = { wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付' };
const PAYWAY: Record<SandboxWallet, string> = { alipay: '2', wechat: '3', unionpay: '17' };
const PAYWAY_NAME: Record<SandboxWallet, string> = { alipay: '支付宝', wechat: '微信', unionpay: '银联云闪付' };

export const paywayOf = (w: SandboxWallet): string => PAYWAY[w];
export const paywayName = (w: SandboxWallet): string => PAYWAY_NAME[w];

export function walletOfPayway(payway: string): SandboxWallet | undefined {
  if (payway === '1' || payway === '2') return 'alipay';
  if (payway === '3') return 'wechat';
  if (payway === '17') return 'unionpay';
  return undefined;
}

export function isWallet(v: unknown): v is SandboxWallet {
  return typeof v === 'string' && (WALLETS as readonly string[]).includes(v);
}

/** WeChat 18 digits prefix 10–15; Alipay 16–24 digits prefix 25–30; UnionPay 19 digits prefix 62. */
export function detectWallet(code: string): SandboxWallet | undefined {
  if (!/^\d+$/.test(code)) return undefined;
  const prefix = Number(code.slice(0, 2));
  if (code.length === 18 && prefix >= 10 && prefix <= 15) return 'wechat';
  if (code.length >= 16 && code.length <= 24 && prefix >= 25 && prefix <= 30) return 'alipay';
  if (code.length === 19 && prefix === 62) return 'unionpay';
  return undefined;
}

const BY_SUFFIX: Record<string, Behaviour> = {
  '11': 'password', '12': 'password_never', '21': 'insufficient_fund', '22': 'expired_barcode',
  '31': 'lost_response', '41': 'cancel_error',
};

/** Behaviour of a customer code: a control-API override, else its last two digits. */
export function behaviourOf(code: string, overrides: Record<string, Behaviour>): Behaviour {
  return overrides[code] ?? BY_SUFFIX[code.slice(-2)] ?? 'success';
}

const digits = (n: number): string => {
  let s = '';
  for (const b of randomBytes(n)) s += String(b % 10);
  return s;
};

/** 16-digit Upay order number. */
export const makeOrderSn = (seq: number): string => `7895${String(seq % 1e8).padStart(8, '0')}${digits(4)}`;
export const makeTerminalSn = (seq: number): string => `1008${String(seq % 1e8).padStart(8, '0')}`;
export const makeKey = (): string => randomBytes(16).toString('hex');
export const makeToken = (): string => randomBytes(12).toString('hex');

export function makeTradeNo(w: SandboxWallet, now: number): string {
  const day = formatDate(now, 'YYYYMMDD', 0); // the UTC day, as before
  if (w === 'wechat') return `4200${digits(6)}${day}${digits(10)}`;
  if (w === 'alipay') return `${day}22001${digits(15)}`;
  return `${day}${digits(13)}`;
}

export function makePayerLogin(w: SandboxWallet): string {
  if (w === 'wechat') return `oSandbox${digits(6)}`;
  if (w === 'alipay') return `138****${digits(4)}`;
  return `6222****${digits(4)}`;
}
