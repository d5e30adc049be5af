/**
 * What the polypay driver needs to know, per terminal. Secrets (app secret, merchant private
 * key) come from main/settings/secrets.ts and never reach the renderer.
 */
export interface CmbTerminalInfo {
  /** [ref §1.6, L §2.7.1] 04 智能POS, 09 刷脸付终端, 10 条码支付受理终端, 11 辅助受理终端 */
  device_type: string;
  /** String(8), issued by CMB. */
  device_id: string;
  serial_num?: string;
  location?: string;
  device_ip?: string;
}

export interface CmbConfig {
  /** e.g. https://api.cmbchina.com/polypay/v1.0/mchorders (UAT: https://api.cmburl.cn:8065/…) [ref §1.1] */
  baseUrl: string;
  merId: string;
  /** 收银员 id, CMB-issued, tied to a store [ref §2]. */
  userId: string;
  appId: string;
  appSecret: string;
  /** Merchant SM2 private key, 64 hex. */
  privateKeyHex: string;
  /** The bank's SM2 public key, base64 SPKI (124 chars). */
  cmbPublicKey: string;
  /** Required by qrcodeapply/pay; CMB must open network access to it first [ref §1.1]. */
  notifyUrl: string;
  /** "UnionPay-QR terminal no.", String(8), required by pay [ref §2]. */
  termId: string;
  terminalInfo: CmbTerminalInfo;
  /** QR validity in seconds; the spec says default 900 ❗ 1200 [ref §3]: we always send it. */
  payValidTimeSeconds: number;
  /** UAT: `https://qr.95516.com` in qrCode is rewritten to `http://payment-uat.cs.cmburl.cn` before rendering [ref §3 UAT]; the sandbox: its own URL. */
  qrHostRewrite?: string;
}

export const UAT_QR_HOST = 'http://payment-uat.cs.cmburl.cn';
export const QR_HOST = 'https://qr.95516.com';

export const UAT_BASE_URL = 'https://api.cmburl.cn:8065/polypay/v1.0/mchorders';
export const PROD_BASE_URL = 'https://api.cmbchina.com/polypay/v1.0/mchorders';
