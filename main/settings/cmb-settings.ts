/**
 * 招商银行 polypay settings per terminal (non-secret parts). Field limits from
 * /work/shared/reference/cmb-polypay.md §2 (merId/userId String(32), termId String(8)) and
 * §1.6 (terminalInfo device_type/device_id). The bank's public key is public; the merchant
 * private key and the app secret are in secrets.ts.
 */
import { z } from 'zod';

export const cmbSettingsSchema = z.object({
  /** Empty = UAT https://api.cmburl.cn:8065/polypay/v1.0/mchorders [ref §1.1]. */
  baseUrl: z.union([z.literal(''), z.url({ protocol: /^https$/ })]),
  merId: z.string().max(32),
  userId: z.string().max(32),
  appId: z.string().max(64),
  /** The bank's SM2 public key, base64 SPKI (124 chars) or empty. */
  bankPublic: z.union([z.literal(''), z.string().length(124)]),
  notifyUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  termId: z.string().max(8),
  deviceType: z.enum(['04', '09', '10', '11']),
  deviceId: z.string().max(8),
  serialNum: z.string().max(50),
  location: z.string().max(50),
});

export type CmbSettings = z.infer<typeof cmbSettingsSchema>;

export const DEFAULT_CMB_SETTINGS: CmbSettings = {
  baseUrl: '', merId: '', userId: '', appId: '', bankPublic: '', notifyUrl: '', termId: '', deviceType: '10', deviceId: '', serialNum: '', location: '',
};
