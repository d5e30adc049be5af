/**
 * 国密 for 招商银行 polypay: SM2withSM3 signatures (user id 1234567812345678, base64 DER on the
 * wire), CMB's base64 SPKI public keys, the SM4 digital envelope and the MD5 `apisign` header.
 * Sources: /work/shared/reference/cmb-polypay.md §1.3–1.6, §6.
 *
 * Library: sm-crypto 0.5.8 (pure JS). Node's crypto is no use here: it cannot set the SM2 user
 * id (verify runs with an empty id) [ref §6], and Electron's BoringSSL has no SM2/SM4 at all.
 */
import { createHash, randomBytes } from 'node:crypto';
import smCrypto from 'sm-crypto';

const { sm2, sm4 } = smCrypto;

/** [ref §1.4, L §2.4.1.1] the user id both sides use; sm-crypto's default, passed explicitly. */
export const CMB_SM2_USER_ID = '1234567812345678';
/** [ref §1.4, L §2.4.1.3] SubjectPublicKeyInfo header in front of 04‖X‖Y. */
const SPKI_HEADER = '3059301306072a8648ce3d020106082a811ccf5501822d034200';

export interface Sm2KeyPair { privateKeyHex: string; publicKeyBase64: string }

export function generateSm2KeyPair(): Sm2KeyPair {
  const kp = sm2.generateKeyPairHex();
  return { privateKeyHex: kp.privateKey, publicKeyBase64: publicHexToSpki(kp.publicKey) };
}

/** `04`‖X‖Y (130 hex) → base64 SPKI (124 chars), the layout CMB publishes. */
export function publicHexToSpki(pubHex: string): string {
  return Buffer.from(SPKI_HEADER + pubHex.toLowerCase(), 'hex').toString('base64');
}

/** base64 SPKI → `04`‖X‖Y hex; throws on anything else. */
export function spkiToPublicHex(spki: string): string {
  const hex = Buffer.from(spki.trim(), 'base64').toString('hex');
  if (hex.length !== SPKI_HEADER.length + 130 || !hex.startsWith(SPKI_HEADER)) throw new Error('不是 SM2 公钥（应为 124 字符 base64 SubjectPublicKeyInfo）');
  return hex.slice(SPKI_HEADER.length);
}

/** The public key of a 64-hex private key, as base64 SPKI. */
export function publicKeyOf(privateKeyHex: string): string {
  return publicHexToSpki(sm2.getPublicKeyFromPrivateKey(privateKeyHex.toLowerCase()));
}

/** [ref §1.4] the spec's "key example" (L §2.4.1.3) pairs keys that are not a pair: check. */
export function isKeyPair(privateKeyHex: string, publicKeyBase64: string): boolean {
  try {
    return publicKeyOf(privateKeyHex) === Buffer.from(Buffer.from(publicKeyBase64.trim(), 'base64')).toString('base64');
  } catch {
    return false;
  }
}

export function isPrivateKeyHex(s: string): boolean { return /^[0-9a-fA-F]{64}$/.test(s); }

/** Minimal DER INTEGER for an unsigned 32-byte value. */
function derInt(hex32: string): Buffer {
  let b = Buffer.from(hex32, 'hex');
  while (b.length > 1 && b[0] === 0) b = b.subarray(1);
  if ((b[0] ?? 0) & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return Buffer.concat([Buffer.from([0x02, b.length]), b]);
}

function derSeq(...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  if (body.length > 0xff) throw new Error('DER too long');
  return Buffer.concat([Buffer.from(body.length < 0x80 ? [0x30, body.length] : [0x30, 0x81, body.length]), body]);
}

/**
 * Lenient DER SEQUENCE{INTEGER r, INTEGER s} → raw r‖s (128 hex). CMB's own signatures carry a
 * superfluous 00 before a byte < 0x80 (`02 21 00 7f…`), which sm-crypto ≥0.5.5's strict decoder
 * rejects [ref §1.5, §6 "Pitfall"]; we strip pad bytes and left-pad to 32 bytes. Null if not DER.
 */
export function derToRaw(der: Buffer): string | null {
  let i = 0;
  if (der[i++] !== 0x30) return null;
  let len = der[i++] ?? 0;
  if (len === 0x81) len = der[i++] ?? 0;
  else if (len > 0x80) return null;
  if (i + len !== der.length) return null;
  const ints: string[] = [];
  for (let k = 0; k < 2; k++) {
    if (der[i++] !== 0x02) return null;
    const n = der[i++] ?? 0;
    if (n === 0 || n > 33 || i + n > der.length) return null;
    let v = der.subarray(i, i + n);
    i += n;
    while (v.length > 32 && v[0] === 0) v = v.subarray(1);
    if (v.length > 32) return null;
    ints.push(v.toString('hex').padStart(64, '0'));
  }
  return i === der.length ? ints.join('') : null;
}

/** SM2withSM3 over the UTF-8 string, base64 DER, as CMB expects [ref §1.4 "sign on the wire"]. */
export function sm2Sign(message: string, privateKeyHex: string): string {
  const raw = sm2.doSignature(message, privateKeyHex.toLowerCase(), { hash: true, der: false, userId: CMB_SM2_USER_ID });
  return derSeq(derInt(raw.slice(0, 64)), derInt(raw.slice(64))).toString('base64');
}

/** Verifies a base64 DER signature (lenient DER) with a base64 SPKI public key. Never throws. */
export function sm2Verify(message: string, signatureBase64: string, publicKeyBase64: string): boolean {
  try {
    const raw = derToRaw(Buffer.from(signatureBase64, 'base64'));
    if (raw === null) return false;
    return sm2.doVerifySignature(message, raw, spkiToPublicHex(publicKeyBase64), { hash: true, der: false, userId: CMB_SM2_USER_ID });
  } catch {
    return false;
  }
}

/** [ref §1.3, L §2.4.3] lowercase hex MD5 of `appid=…&secret=…&sign=…&timestamp=…`. */
export function apiSign(appId: string, secret: string, sign: string, timestamp: string): string {
  return createHash('md5').update(`appid=${appId}&secret=${secret}&sign=${sign}&timestamp=${timestamp}`, 'utf8').digest('hex');
}

const ZERO_IV = '00000000000000000000000000000000';

/** [ref §1.6] SM4-CBC, IV = 16 zero bytes, PKCS#7, key = 16 ASCII chars; base64 out. */
export function sm4EncryptBase64(plain: string, key16: string): string {
  const hex = sm4.encrypt(plain, Buffer.from(key16, 'ascii').toString('hex'), { mode: 'cbc', iv: ZERO_IV });
  return Buffer.from(hex, 'hex').toString('base64');
}

export function sm4DecryptBase64(cipherBase64: string, key16: string): string {
  return sm4.decrypt(Buffer.from(cipherBase64, 'base64').toString('hex'), Buffer.from(key16, 'ascii').toString('hex'), { mode: 'cbc', iv: ZERO_IV });
}

/** A fresh 16-char envelope key (one per request [ref §1.6]). */
export function newSm4Key(): string {
  return randomBytes(12).toString('base64').replace(/[+/]/g, 'x').slice(0, 16);
}

function derOctets(b: Buffer): Buffer {
  const head = b.length < 0x80 ? [0x04, b.length] : [0x04, 0x81, b.length];
  return Buffer.concat([Buffer.from(head), b]);
}

/**
 * [ref §1.6] the envelope key SM2-encrypted with CMB's public key, as DER
 * SEQUENCE{INTEGER x, INTEGER y, OCTET STRING C3(32), OCTET STRING C2} (C1‖C3‖C2), base64.
 */
export function sm2EnvelopeKey(key16: string, cmbPublicKeyBase64: string): string {
  const hex = sm2.doEncrypt(key16, spkiToPublicHex(cmbPublicKeyBase64), 1);
  const x = hex.slice(0, 64); const y = hex.slice(64, 128); const c3 = hex.slice(128, 192); const c2 = hex.slice(192);
  return derSeq(derInt(x), derInt(y), derOctets(Buffer.from(c3, 'hex')), derOctets(Buffer.from(c2, 'hex'))).toString('base64');
}

/** The bank's (here: the sandbox's) side of the envelope. Null when it does not open. */
export function openEnvelopeKey(encryptKeyBase64: string, privateKeyHex: string): string | null {
  try {
    const der = Buffer.from(encryptKeyBase64, 'base64');
    const parts: Buffer[] = [];
    let i = der[1] === 0x81 ? 3 : 2;
    while (i < der.length) {
      const tag = der[i++]; let n = der[i++] ?? 0;
      if (n === 0x81) n = der[i++] ?? 0;
      let v = der.subarray(i, i + n); i += n;
      if (tag === 0x02) { while (v.length > 32 && v[0] === 0) v = v.subarray(1); v = Buffer.from(v.toString('hex').padStart(64, '0'), 'hex'); }
      parts.push(v);
    }
    if (parts.length !== 4) return null;
    const plain = sm2.doDecrypt(parts.map((p) => p.toString('hex')).join(''), privateKeyHex.toLowerCase(), 1);
    return plain === '' ? null : plain;
  } catch {
    return null;
  }
}
