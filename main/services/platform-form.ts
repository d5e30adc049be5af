/**
 * The engineer's "payment platform" form, validated field by field (pure: text in, typed values
 * or `{ field: message code }` out). Field limits: /work/shared/reference/cmb-polypay.md §2
 * (merId/userId String(32), termId String(8)), §1.6 (terminalInfo device_type 04/09/10/11,
 * device_id String(8)), §1.4 (private key 64 hex; public keys base64 SPKI, 124 chars; the spec's
 * "key example" is not a pair, so the pair is checked, never assumed).
 */
import type * as Gm from '../aggregator/cmb/gm';
import type { CmbSettings } from '../settings/cmb-settings';
import { msg, type Msg } from '../../preload/messages';
import type { PlatformForm } from '../../preload/contract-setup';

export type Platform = 'upay' | 'cmb';
/** The SM2 key checks (aggregator/cmb/gm.ts), passed in so that sm-crypto is loaded only when a bank form is handled. */
export type SmKeys = Pick<typeof Gm, 'isKeyPair' | 'publicKeyOf' | 'spkiToPublicHex'>;
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: Record<string, Msg> };

export interface PlatformValue {
  platform: Platform;
  cmb: CmbSettings;
  /** Only what the engineer typed; absent = keep the stored one. */
  appSecret?: string;
  privateKeyHex?: string;
}

/** What is already stored in secrets (never sent to the screen). */
export interface StoredCmbSecrets { appSecret?: string; privateKeyHex?: string }

const ID = /^[0-9A-Za-z]+$/;
const VISIBLE = /^[\x21-\x7e]+$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** https anywhere; http only on this computer (the sandbox). Empty = the bank's UAT default. */
export function endpointOk(raw: string): boolean {
  if (raw === '') return true;
  let u: URL;
  try { u = new URL(raw); } catch { return false; }
  if (u.username || u.password || u.search || u.hash) return false;
  return u.protocol === 'https:' || (u.protocol === 'http:' && LOOPBACK.has(u.hostname));
}

function httpUrlOk(raw: string): boolean {
  try { return /^https?:$/.test(new URL(raw).protocol); } catch { return false; }
}

/** base64 SPKI SM2 public key → its problem, or null. */
function publicKeyProblem(raw: string, keys: SmKeys): Msg | null {
  try { keys.spkiToPublicHex(raw); return null; } catch { return msg('bank.publicKeyFormat', { length: raw.length }); }
}

export function parsePlatformForm(f: PlatformForm, stored: StoredCmbSecrets, keys: SmKeys): Checked<PlatformValue> {
  const e: Record<string, Msg> = {};
  const platform = f.platform as Platform;
  if (platform !== 'upay' && platform !== 'cmb') e.platform = msg('bank.platformInvalid');
  const cmbOn = platform === 'cmb';
  const t = (s: string) => s.trim();
  const v = {
    baseUrl: t(f.baseUrl).replace(/\/+$/, ''), merId: t(f.merId), userId: t(f.userId), appId: t(f.appId), bankPublic: t(f.bankPublic),
    notifyUrl: t(f.notifyUrl), termId: t(f.termId), deviceType: t(f.deviceType) || '10', deviceId: t(f.deviceId), serialNum: t(f.serialNum), location: t(f.location),
  };
  const appSecret = t(f.appSecret);
  const privateKey = t(f.privateKey).toLowerCase();
  const publicKey = t(f.publicKey);
  // Required only when the bank is chosen; what is typed is checked either way.
  const need = (field: string, value: string) => { if (cmbOn && !value && !e[field]) e[field] = msg('setup.required'); };

  if (!endpointOk(v.baseUrl)) e.baseUrl = msg('bank.endpointInvalid');
  if (v.merId && !(ID.test(v.merId) && v.merId.length <= 32)) e.merId = msg('bank.merIdInvalid');
  if (v.userId && !(ID.test(v.userId) && v.userId.length <= 32)) e.userId = msg('bank.userIdInvalid');
  if (v.appId && !(VISIBLE.test(v.appId) && v.appId.length <= 64)) e.appId = msg('bank.appIdInvalid');
  if (appSecret && !(VISIBLE.test(appSecret) && appSecret.length >= 8 && appSecret.length <= 128)) e.appSecret = msg('bank.appSecretInvalid');
  if (privateKey) {
    if (privateKey.length !== 64) e.privateKey = msg('bank.privateKeyLength', { length: privateKey.length });
    else if (!/^[0-9a-f]{64}$/.test(privateKey)) e.privateKey = msg('bank.privateKeyNotHex');
  }
  const keyForPair = privateKey || stored.privateKeyHex;
  if (publicKey) {
    const bad = publicKeyProblem(publicKey, keys);
    if (bad) e.publicKey = bad;
    else if (!keyForPair) e.publicKey = msg('bank.publicWithoutPrivate');
    else if (!e.privateKey && !keys.isKeyPair(keyForPair, publicKey)) e.publicKey = msg('bank.keyNotPair');
  }
  if (v.bankPublic) {
    const bad = publicKeyProblem(v.bankPublic, keys);
    if (bad) e.bankPublic = bad;
    else if (keyForPair && !e.privateKey && keys.isKeyPair(keyForPair, v.bankPublic)) e.bankPublic = msg('bank.bankKeyIsOurs');
  }
  if (v.notifyUrl && !httpUrlOk(v.notifyUrl)) e.notifyUrl = msg('bank.notifyUrlInvalid');
  if (v.termId && !(ID.test(v.termId) && v.termId.length <= 8)) e.termId = msg('bank.termIdInvalid');
  if (v.deviceId && !(ID.test(v.deviceId) && v.deviceId.length <= 8)) e.deviceId = msg('bank.deviceIdInvalid');
  if (!['04', '09', '10', '11'].includes(v.deviceType)) e.deviceType = msg('bank.deviceTypeInvalid');
  if (v.serialNum.length > 50) e.serialNum = msg('setup.tooLong', { max: 50 });
  if (v.location.length > 50) e.location = msg('setup.tooLong', { max: 50 });
  for (const k of ['merId', 'userId', 'appId', 'bankPublic', 'notifyUrl', 'termId', 'deviceId'] as const) need(k, v[k]);
  // [ref §1.6, L §2.7.1] device types 04/09/10 also need serial_num and location.
  if (cmbOn && ['04', '09', '10'].includes(v.deviceType)) {
    for (const k of ['serialNum', 'location'] as const) if (!v[k] && !e[k]) e[k] = msg('bank.neededForDeviceType', { deviceType: v.deviceType });
  }
  need('appSecret', appSecret || stored.appSecret || '');
  need('privateKey', privateKey || stored.privateKeyHex || '');

  if (Object.keys(e).length) return { ok: false, errors: e };
  return {
    ok: true,
    value: {
      platform, cmb: { ...v, deviceType: v.deviceType as CmbSettings['deviceType'] },
      ...(appSecret ? { appSecret } : {}), ...(privateKey ? { privateKeyHex: privateKey } : {}),
    },
  };
}

/** The stored private key's public key (what the engineer registers at the bank), or ''. */
export function ourPublicKey(privateKeyHex: string | undefined, keys: SmKeys): string {
  if (!privateKeyHex) return '';
  try { return keys.publicKeyOf(privateKeyHex); } catch { return ''; }
}
