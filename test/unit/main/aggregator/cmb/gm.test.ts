/**
 * 国密 traps, from the published vectors in /work/shared/reference/cmb-polypay.md §1.3–1.6, §6
 * (sources: chenpkg/cmbsm2 sm2_test.go; CMB spec L §2.4.1.3, §2.4.3, §2.4.4).
 */
import { createPublicKey, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import smCrypto from 'sm-crypto';
import {
  apiSign, derToRaw, generateSm2KeyPair, isKeyPair, openEnvelopeKey, publicKeyOf, sm2EnvelopeKey, sm2Sign, sm2Verify,
  sm4DecryptBase64, sm4EncryptBase64, spkiToPublicHex,
} from '../../../../../main/aggregator/cmb/gm';

const UAT_CMB_PUBLIC = 'MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE6Q+fktsnY9OFP+LpSR5Udbxf5zHCFO0PmOKlFNTxDIGl8jsPbbB/9ET23NV+acSz4FEkzD74sW2iiNVHRLiKHg==';
const UAT_MERCHANT_PRIVATE = 'D5F2AFA24E6BA9071B54A8C9AD735F9A1DE9C4657FA386C09B592694BC118B38';
// A real CMB-signed SIGN_ERROR reply (G sm2_test.go): its DER has `02 21 00 7f…`, a superfluous pad.
const CMB_SIGNED = 'encoding=UTF-8&errCode=SIGN_ERROR&respMsg=签名错误:RQZ7014&returnCode=FAIL&signMethod=02&version=0.0.1';
const CMB_SIGNATURE = 'MEYCIQCEFKYniGb9HVUT+iv+Ml2Bmh9Clt+6M4TWHUeiXGpbugIhAH8/nVsactF8snc4kWQsJr+B989HRZnH/nTy0ZH+INRT';

describe('SM2 signatures as CMB makes them', () => {
  it('verifies the bank\'s own non-minimal DER signature that a strict decoder rejects', () => {
    const strict = smCrypto.sm2.doVerifySignature(CMB_SIGNED, Buffer.from(CMB_SIGNATURE, 'base64').toString('hex'), spkiToPublicHex(UAT_CMB_PUBLIC), { der: true, hash: true });
    expect(strict).toBe(false); // sm-crypto ≥0.5.5 strict DER: the trap
    expect(sm2Verify(CMB_SIGNED, CMB_SIGNATURE, UAT_CMB_PUBLIC)).toBe(true);
  });

  it('fails the same vector with a changed message, the wrong key or the wrong user id', () => {
    expect(sm2Verify(CMB_SIGNED.replace('FAIL', 'SUCCESS'), CMB_SIGNATURE, UAT_CMB_PUBLIC)).toBe(false);
    expect(sm2Verify(CMB_SIGNED, CMB_SIGNATURE, publicKeyOf(UAT_MERCHANT_PRIVATE))).toBe(false);
    const raw = derToRaw(Buffer.from(CMB_SIGNATURE, 'base64'));
    expect(raw).toMatch(/^[0-9a-f]{128}$/);
    expect(smCrypto.sm2.doVerifySignature(CMB_SIGNED, raw as string, spkiToPublicHex(UAT_CMB_PUBLIC), { hash: true, userId: '8765432187654321' })).toBe(false);
  });

  it('signs as base64 DER that the other side verifies, and a raw r‖s signature is not accepted as DER', () => {
    const kp = generateSm2KeyPair();
    const sig = sm2Sign('a=1&b=2', kp.privateKeyHex);
    const der = Buffer.from(sig, 'base64');
    expect(der[0]).toBe(0x30);
    expect(der.length).toBeGreaterThanOrEqual(68);
    expect(der.length).toBeLessThanOrEqual(72);
    expect(sm2Verify('a=1&b=2', sig, kp.publicKeyBase64)).toBe(true);
    expect(sm2Verify('a=1&b=3', sig, kp.publicKeyBase64)).toBe(false);
    expect(sm2Verify('a=1&b=2', derToRaw(der) as string, kp.publicKeyBase64)).toBe(false);
  });
});

describe('keys', () => {
  it('the spec\'s "key example" is not a pair: D5F2…\'s public key is AE1xPq…, not the bank\'s E90F… key', () => {
    expect(isKeyPair(UAT_MERCHANT_PRIVATE, UAT_CMB_PUBLIC)).toBe(false);
    expect(publicKeyOf(UAT_MERCHANT_PRIVATE)).toBe('MFkwEwYHKoZIzj0CAQYIKoEcz1UBgi0DQgAE1xPq3B3Cw2U+t+R7Fb0JCJvy87/LDbUDFilGjkQU89VLl57pbUPLKUwP2jnAyOEKmJS9USsz+VwXNd4/bjdIFA==');
    expect(isKeyPair(UAT_MERCHANT_PRIVATE, publicKeyOf(UAT_MERCHANT_PRIVATE))).toBe(true);
    expect(UAT_CMB_PUBLIC).toHaveLength(124);
    expect(spkiToPublicHex(UAT_CMB_PUBLIC).slice(2, 10)).toBe('e90f9f92');
  });

  it('Node\'s crypto verifies SM2 only with an empty user id, so it cannot check CMB\'s signatures', () => {
    const kp = generateSm2KeyPair();
    const sig = sm2Sign('a=1', kp.privateKeyHex); // with user id 1234567812345678
    const key = createPublicKey({ key: Buffer.from(kp.publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
    expect(nodeVerify('sm3', Buffer.from('a=1'), key, Buffer.from(sig, 'base64'))).toBe(false);
    const emptyId = smCrypto.sm2.doSignature('a=1', kp.privateKeyHex, { hash: true, der: true, userId: '' });
    expect(nodeVerify('sm3', Buffer.from('a=1'), key, Buffer.from(emptyId, 'hex'))).toBe(true);
  });
});

describe('APP ID header and the SM4 envelope', () => {
  it('apisign reproduces the spec example 5353272f…', () => {
    const sign = 'ceo20AoYZegzjt4cn+kSGqFBDWIL/ykLTan5mQW8teofYaGdiMJeg5Xkp9ZZp3PlJkSf1+MLv2xbamDsiLmPP9vFLbnyttgYYtrHaCbcExZgRwbSgu9XQ6wIVrlUOyYCWT33QfiXyxyZv5o9B0VNgUN6CEmFJfGlFJVQky7Oui2JMmPg3xtGDVh/Vr6EfT6ZGA5vJnrSIWeDMu/8AUG4XJ24Bj/Txdys34dV4WCk8zh8O1NcHEYbbcneJ9A/BTvswsUbJtX45oIPn9vn1Gfhp81SxinU8SfrOi3jY9auYYOnokRbA6ihR2kCjwpiVRSK9xeF8iQIEjDlY+poy3m6bg==';
    expect(apiSign('e315a8b5-45f6-4f96-b20a-0b586a2a96c6', '6adca97f-c411-43cd-93ed-7f1aee829832', sign, '1528882455')).toBe('5353272fd8a5b9a7d997ff9719246f49');
  });

  it('SM4-CBC with a zero IV decrypts the spec sample and re-encrypts it byte for byte', () => {
    const sample = 'ZeUBCWhERVgl7iyPZaIfGAqvo160MVexVqY1DoQDIb+j9A98Doqt4/lDVYaqmsEiYKuPJf8s1CNIzHvxQgNPn+nYJZ3CFHuP6dORZvtrAHY=';
    const plain = sm4DecryptBase64(sample, '1234567890123456');
    expect(JSON.parse(plain)).toEqual({ location: '+37.12/-121.213', mobile_country_cd: '460', lbs_signal1: '34D6A' });
    expect(sm4EncryptBase64(plain, '1234567890123456')).toBe(sample);
  });

  it('the SM2-wrapped envelope key has the spec sample\'s DER shape and opens with the bank\'s private key only', () => {
    const bank = generateSm2KeyPair();
    const env = sm2EnvelopeKey('abcdefgh12345678', bank.publicKeyBase64);
    const der = Buffer.from(env, 'base64');
    expect(der[0]).toBe(0x30);
    expect(der.length).toBeGreaterThanOrEqual(118); // the 123-byte sample ± integer padding
    expect(der.length).toBeLessThanOrEqual(124);
    expect(openEnvelopeKey(env, bank.privateKeyHex)).toBe('abcdefgh12345678');
    expect(openEnvelopeKey(env, generateSm2KeyPair().privateKeyHex)).toBeNull();
  });
});
