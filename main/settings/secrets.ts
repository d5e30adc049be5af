/**
 * Terminal credentials (terminal sn/key, device id) live only in the main process, in
 * `<dataDir>/secrets.json`, encrypted with the OS keychain (Electron safeStorage) where it is
 * available. Where it is not (Linux without a keyring, the browser harness) they are stored in
 * the clear and a warning says so. The renderer only ever learns "set" / "not set".
 */
import { readFileSync, writeFileSync, renameSync, openSync, fsyncSync, closeSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CredentialStore, TerminalCredentials } from '../aggregator/types';

export interface SecretCipher {
  available(): boolean;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

export const plaintextCipher: SecretCipher = {
  available: () => false,
  encrypt: (p) => Buffer.from(p, 'utf8'),
  decrypt: (b) => b.toString('utf8'),
};

interface FileShape { encrypted: boolean; terminal?: string }

export interface SecretsHandle extends CredentialStore { readonly warning?: string; isSet(): boolean }

export function openSecrets(dir: string, cipher: SecretCipher): SecretsHandle {
  const file = join(dir, 'secrets.json');
  const warning = cipher.available() ? undefined : '此系统没有可用的钥匙串：终端密钥以明文保存在数据目录中。';
  let cache: TerminalCredentials | null = load();

  function load(): TerminalCredentials | null {
    if (!existsSync(file)) return null;
    const raw = JSON.parse(readFileSync(file, 'utf8')) as FileShape;
    if (!raw.terminal) return null;
    const data = Buffer.from(raw.terminal, 'base64');
    return JSON.parse(raw.encrypted ? cipher.decrypt(data) : data.toString('utf8')) as TerminalCredentials;
  }

  return {
    warning,
    isSet: () => cache !== null,
    get: () => cache,
    set(creds) {
      const body: FileShape = { encrypted: cipher.available(), terminal: (cipher.available() ? cipher.encrypt(JSON.stringify(creds)) : Buffer.from(JSON.stringify(creds))).toString('base64') };
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, JSON.stringify(body), { mode: 0o600 });
      const fd = openSync(tmp, 'r');
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, file);
      cache = creds;
    },
  };
}
