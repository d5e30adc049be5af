import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { openSecrets, plaintextCipher, type SecretCipher } from '../../../../main/settings/secrets';

const CREDS = { terminalSn: '100800000001', terminalKey: 'f3a9c1e07b2d4e58a6b1c9d0e7f21534', deviceId: 'yima-counter-1' };

/** Stands in for Electron safeStorage: reversible, but nothing of the input survives in clear. */
const fakeKeychain: SecretCipher = {
  available: () => true,
  encrypt: (p) => Buffer.from(Buffer.from(p, 'utf8').map((b) => b ^ 0x5a)),
  decrypt: (b) => Buffer.from(b.map((x) => x ^ 0x5a)).toString('utf8'),
};

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'yima-secrets-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('openSecrets', () => {
  it('nothing stored yet: not set', () => {
    const s = openSecrets(dir, fakeKeychain);
    expect(s.isSet()).toBe(false);
    expect(s.get()).toBeNull();
  });

  it('round trip: what was set is read back after a restart', () => {
    openSecrets(dir, fakeKeychain).set(CREDS);
    const again = openSecrets(dir, fakeKeychain);
    expect(again.isSet()).toBe(true);
    expect(again.get()).toEqual(CREDS);
  });

  it('with a keychain: the file holds neither the key nor its plain base64, and no warning is given', async () => {
    const s = openSecrets(dir, fakeKeychain);
    expect(s.warning).toBeUndefined();
    s.set(CREDS);
    const text = await readFile(join(dir, 'secrets.json'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ encrypted: true });
    expect(text).not.toContain(CREDS.terminalKey);
    expect(text).not.toContain(Buffer.from(JSON.stringify(CREDS)).toString('base64').slice(0, 40));
    const decoded = Buffer.from((JSON.parse(text) as { terminal: string }).terminal, 'base64').toString('utf8');
    expect(decoded).not.toContain(CREDS.terminalKey);
  });

  it('without a keychain: works, but warns that the key is stored in the clear', async () => {
    const s = openSecrets(dir, plaintextCipher);
    expect(s.warning).toBe('此系统没有可用的钥匙串：终端密钥和服务商密钥以明文保存在数据目录中。');
    s.set(CREDS);
    expect(openSecrets(dir, plaintextCipher).get()).toEqual(CREDS);
    expect(JSON.parse(await readFile(join(dir, 'secrets.json'), 'utf8'))).toMatchObject({ encrypted: false });
  });

  it('the file is readable by its owner only and no temp file is left behind', async () => {
    openSecrets(dir, fakeKeychain).set(CREDS);
    if (process.platform !== 'win32') expect((await stat(join(dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    await expect(stat(join(dir, 'secrets.json.tmp'))).rejects.toThrow();
  });

  it('a new key (check-in) replaces the old one', () => {
    const s = openSecrets(dir, fakeKeychain);
    s.set(CREDS);
    s.set({ ...CREDS, terminalKey: 'new-key-after-checkin' });
    expect(openSecrets(dir, fakeKeychain).get()?.terminalKey).toBe('new-key-after-checkin');
  });

  it('an empty secrets file (no terminal) reads as not set', async () => {
    await writeFile(join(dir, 'secrets.json'), JSON.stringify({ encrypted: false }));
    expect(openSecrets(dir, plaintextCipher).isSet()).toBe(false);
  });

  it('the vendor key is kept beside the terminal key, encrypted, and survives a check-in and a restart', async () => {
    const s = openSecrets(dir, fakeKeychain);
    expect(s.vendorKey()).toBeNull();
    s.setVendorKey('prod-vendor-key-123');
    s.set(CREDS);
    const again = openSecrets(dir, fakeKeychain);
    expect(again.vendorKey()).toBe('prod-vendor-key-123');
    expect(again.get()).toEqual(CREDS);
    expect(await readFile(join(dir, 'secrets.json'), 'utf8')).not.toContain('prod-vendor-key-123');
    expect(again.storedInClear).toBe(false);
    expect(openSecrets(join(dir, 'elsewhere'), plaintextCipher).storedInClear).toBe(true);
  });
});
