/**
 * The engineer's payment-platform form: what a field engineer mistypes is named field by field,
 * including the spec's example key pair, which is not a pair (cmb-polypay.md §1.4, L §2.4.1.3).
 */
import { describe, expect, it } from 'vitest';
import { parsePlatformForm, endpointOk, ourPublicKey } from '../../../../main/services/platform-form';
import * as keys from '../../../../main/aggregator/cmb/gm';
import { SANDBOX_BANK_KEYS, SANDBOX_MERCHANT } from '../../../../main/aggregator/cmb/sandbox/test-keys';
import type { PlatformForm } from '../../../../preload/contract-setup';

// The spec's "key example" (L §2.4.1.3): the UAT merchant private key beside the UAT bank public key.
const SPEC_PRIVATE = 'D5F2AFA24E6BA9071B54A8C9AD735F9A1DE9C4657FA386C09B592694BC118B38';
const SPEC_PUBLIC = 'MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE6Q+fktsnY9OFP+LpSR5Udbxf5zHCFO0PmOKlFNTxDIGl8jsPbbB/9ET23NV+acSz4FEkzD74sW2iiNVHRLiKHg==';

const m = SANDBOX_MERCHANT;
function form(over: Partial<PlatformForm> = {}): PlatformForm {
  return {
    platform: 'cmb', baseUrl: 'http://127.0.0.1:9901/polypay/v1.0/mchorders', merId: m.merId, userId: m.userId, appId: m.appId, appSecret: m.appSecret,
    privateKey: m.privateKeyHex, publicKey: m.publicKeyBase64, bankPublic: SANDBOX_BANK_KEYS.publicKeyBase64, notifyUrl: 'https://shop.example.com/cmb/notify',
    termId: m.termId, deviceType: '10', deviceId: m.terminalInfo.device_id, serialNum: 'SN-1', location: '+31.23/+121.47', ...over,
  };
}
const errorsOf = (f: PlatformForm, stored = {}) => {
  const r = parsePlatformForm(f, stored, keys);
  return r.ok ? {} : Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [k, v.code]));
};

describe('payment platform form', () => {
  it('accepts the sandbox merchant and keeps the secrets it was given', () => {
    const r = parsePlatformForm(form(), {}, keys);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ platform: 'cmb', appSecret: m.appSecret, privateKeyHex: m.privateKeyHex, cmb: { merId: m.merId, termId: m.termId, deviceType: '10' } });
    expect(r.value.cmb).not.toHaveProperty('appSecret');
  });

  it('refuses the spec\'s example key pair: those keys are not a pair', () => {
    expect(errorsOf(form({ privateKey: SPEC_PRIVATE, publicKey: SPEC_PUBLIC }))).toEqual({ publicKey: 'bank.keyNotPair' });
    // The real public key of that private key (JD test.java) pairs with it.
    expect(errorsOf(form({ privateKey: SPEC_PRIVATE, publicKey: ourPublicKey(SPEC_PRIVATE, keys) }))).toEqual({});
  });

  it('names the length of a private key that is not 64 hex, and a non-hex one', () => {
    const r = parsePlatformForm(form({ privateKey: m.privateKeyHex.slice(0, 63) }), {}, keys);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.privateKey).toEqual({ code: 'bank.privateKeyLength', params: { length: 63 } });
    expect(errorsOf(form({ privateKey: 'g'.repeat(64), publicKey: '' }))).toEqual({ privateKey: 'bank.privateKeyNotHex' });
  });

  it('checks public keys are 124-char base64 SM2 keys and that the bank key is not our own', () => {
    expect(errorsOf(form({ bankPublic: SANDBOX_BANK_KEYS.publicKeyBase64.slice(0, 100) }))).toEqual({ bankPublic: 'bank.publicKeyFormat' });
    expect(errorsOf(form({ bankPublic: m.publicKeyBase64 }))).toEqual({ bankPublic: 'bank.bankKeyIsOurs' });
  });

  it('checks a typed public key against the stored private key when no new one is typed', () => {
    expect(errorsOf(form({ privateKey: '', publicKey: m.publicKeyBase64 }), { privateKeyHex: m.privateKeyHex, appSecret: 'x'.repeat(10) })).toEqual({});
    expect(errorsOf(form({ privateKey: '', publicKey: SPEC_PUBLIC }), { privateKeyHex: m.privateKeyHex, appSecret: 'x'.repeat(10) })).toEqual({ publicKey: 'bank.keyNotPair' });
    expect(errorsOf(form({ privateKey: '', appSecret: '', publicKey: m.publicKeyBase64 }))).toEqual({ publicKey: 'bank.publicWithoutPrivate', privateKey: 'setup.required', appSecret: 'setup.required' });
  });

  it('requires the bank fields only when the bank is chosen', () => {
    const empty = form({ deviceType: '11', baseUrl: '', merId: '', userId: '', appId: '', appSecret: '', privateKey: '', publicKey: '', bankPublic: '', notifyUrl: '', termId: '', deviceId: '', serialNum: '', location: '' });
    expect(errorsOf(empty)).toEqual({
      merId: 'setup.required', userId: 'setup.required', appId: 'setup.required', bankPublic: 'setup.required', notifyUrl: 'setup.required',
      termId: 'setup.required', deviceId: 'setup.required', appSecret: 'setup.required', privateKey: 'setup.required',
    });
    expect(errorsOf({ ...empty, platform: 'upay' })).toEqual({});
    expect(errorsOf(form({ platform: 'alipay' }))).toEqual({ platform: 'bank.platformInvalid' });
  });

  it('asks for serial number and location where the device type needs them (L §2.7.1)', () => {
    expect(errorsOf(form({ serialNum: '', location: '' }))).toEqual({ serialNum: 'bank.neededForDeviceType', location: 'bank.neededForDeviceType' });
    expect(errorsOf(form({ deviceType: '11', serialNum: '', location: '' }))).toEqual({});
  });

  it('checks ids, lengths and URLs with the spec\'s limits', () => {
    expect(errorsOf(form({ merId: 'x'.repeat(33), userId: 'N0 1', termId: '123456789', deviceId: 'ABC-1', deviceType: '05', notifyUrl: 'ftp://x', appSecret: 'short' }))).toEqual({
      merId: 'bank.merIdInvalid', userId: 'bank.userIdInvalid', termId: 'bank.termIdInvalid', deviceId: 'bank.deviceIdInvalid',
      deviceType: 'bank.deviceTypeInvalid', notifyUrl: 'bank.notifyUrlInvalid', appSecret: 'bank.appSecretInvalid',
    });
  });

  it('allows http only for a sandbox on this computer', () => {
    expect(endpointOk('https://api.cmbchina.com/polypay/v1.0/mchorders')).toBe(true);
    expect(endpointOk('http://127.0.0.1:9901/polypay/v1.0/mchorders')).toBe(true);
    expect(endpointOk('http://api.cmbchina.com/polypay/v1.0/mchorders')).toBe(false);
    expect(endpointOk('https://user:pw@api.cmbchina.com/x')).toBe(false);
    expect(endpointOk('')).toBe(true); // the bank's UAT
  });
});
