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

interface FileShape { encrypted: boolean; terminal?: string; vendorKey?: string; cmb?: string }

/** 招商银行 polypay secrets: the APP secret and the merchant SM2 private key (64 hex). */
export interface CmbSecrets { appSecret: string; privateKeyHex: string }

export interface SecretsHandle extends CredentialStore {
  readonly warning?: string;
  /** True where no keychain is available: the keys sit in the data directory in the clear. */
  readonly storedInClear: boolean;
  isSet(): boolean;
  /** The production vendor key (服务商密钥) typed by the engineer; never leaves the main process. */
  vendorKey(): string | null;
  setVendorKey(key: string): void;
  cmbSecrets(): CmbSecrets | null;
  setCmbSecrets(secrets: CmbSecrets | null): void;
}

export function openSecrets(dir: string, cipher: SecretCipher): SecretsHandle {
  const file = join(dir, 'secrets.json');
  const warning = cipher.available() ? undefined : '此系统没有可用的钥匙串：终端密钥和服务商密钥以明文保存在数据目录中。';
  const raw: FileShape = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as FileShape : { encrypted: false };
  const open = (field: string | undefined): string | null => {
    if (!field) return null;
    const data = Buffer.from(field, 'base64');
    return raw.encrypted ? cipher.decrypt(data) : data.toString('utf8');
  };
  const terminalText = open(raw.terminal);
  let cache: TerminalCredentials | null = terminalText ? JSON.parse(terminalText) as TerminalCredentials : null;
  let vendorKey: string | null = open(raw.vendorKey);
  const cmbText = open(raw.cmb);
  let cmb: CmbSecrets | null = cmbText ? JSON.parse(cmbText) as CmbSecrets : null;

  /** Writes first (fsync, rename), then takes the new values: a failed write changes nothing. */
  function save(next: { terminal: TerminalCredentials | null; vendor: string | null; cmb?: CmbSecrets | null }): void {
    const nextCmb = next.cmb === undefined ? cmb : next.cmb;
    const enc = cipher.available();
    const seal = (plain: string) => (enc ? cipher.encrypt(plain) : Buffer.from(plain, 'utf8')).toString('base64');
    const body: FileShape = { encrypted: enc };
    if (next.terminal) body.terminal = seal(JSON.stringify(next.terminal));
    if (next.vendor) body.vendorKey = seal(next.vendor);
    if (nextCmb) body.cmb = seal(JSON.stringify(nextCmb));
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(body), { mode: 0o600 });
    const fd = openSync(tmp, 'r');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
    cache = next.terminal;
    vendorKey = next.vendor;
    cmb = nextCmb;
  }

  return {
    warning,
    storedInClear: !cipher.available(),
    isSet: () => cache !== null,
    get: () => cache,
    set(creds) { save({ terminal: creds, vendor: vendorKey }); },
    vendorKey: () => vendorKey,
    setVendorKey(key) { save({ terminal: cache, vendor: key || null }); },
    cmbSecrets: () => cmb,
    setCmbSecrets(next) { save({ terminal: cache, vendor: vendorKey, cmb: next }); },
  };
}
