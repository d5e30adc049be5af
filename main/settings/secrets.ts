/**
 * Terminal credentials (terminal sn/key, device id) live only in the main process, in
 * `<dataDir>/secrets.json`, encrypted with the OS keychain (Electron safeStorage) where it is
 * available. Where it is not (Linux without a keyring, the browser harness) they are stored in
 * the clear and a warning says so. The renderer only ever learns "set" / "not set".
 */
import { readFileSync, renameSync, existsSync } from 'node:fs';
import { writeFileDurable } from './durable-write';
import { join } from 'node:path';
import type { CredentialStore, TerminalCredentials } from '../aggregator/types';
import { msg, type Msg } from '../../preload/messages';

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

interface FileShape {
  encrypted: boolean; terminal?: string; vendorKey?: string; hqPassword?: string; cmb?: string;
  /** A check-in was about to be sent (written before the call): the key may rotate at the platform. */
  checkinPendingSince?: number;
}

/** 招商银行 polypay secrets: the APP secret and the merchant SM2 private key (64 hex). */
export interface CmbSecrets { appSecret: string; privateKeyHex: string }

export interface SecretsHandle extends CredentialStore {
  readonly warning?: Msg;
  /** True where no keychain is available: the keys sit in the data directory in the clear. */
  readonly storedInClear: boolean;
  isSet(): boolean;
  /** The production vendor key (服务商密钥) typed by the engineer; never leaves the main process. */
  vendorKey(): string | null;
  setVendorKey(key: string): void;
  /** The store role's password for head office's PostgreSQL (main/sync/); never in settings.json. */
  /** 招商银行 polypay: the APP secret and the merchant SM2 private key (issue 18). */
  cmbSecrets(): CmbSecrets | null;
  setCmbSecrets(secrets: CmbSecrets | null): void;
  hqPassword(): string | null;
  setHqPassword(password: string): void;
  /**
   * The file could not be read (issue 14 item 7): kept aside, the app runs on history only, and
   * wallet payments are refused until the engineer activates again. Cleared by a successful save.
   */
  damaged(): Msg | null;
  /**
   * Issue 14 item 8: record, durably, that a check-in is about to rotate the key. Throws when the
   * data directory cannot be written, so no check-in is sent whose new key could not be saved.
   */
  beginCheckin(): void;
}

export function openSecrets(dir: string, cipher: SecretCipher, now: () => number = Date.now): SecretsHandle {
  const file = join(dir, 'secrets.json');
  const warning = cipher.available() ? undefined : msg('warn.secretsInClear');
  let damagedMessage: Msg | null = null;
  let cache: TerminalCredentials | null = null;
  let vendorKey: string | null = null;
  let hqPassword: string | null = null;
  let cmb: CmbSecrets | null = null;
  let pendingSince: number | undefined;
  try {
    const raw: FileShape = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as FileShape : { encrypted: false };
    const open = (field: string | undefined): string | null => {
      if (!field) return null;
      const data = Buffer.from(field, 'base64');
      return raw.encrypted ? cipher.decrypt(data) : data.toString('utf8');
    };
    const terminalText = open(raw.terminal);
    cache = terminalText ? JSON.parse(terminalText) as TerminalCredentials : null;
    vendorKey = open(raw.vendorKey);
    hqPassword = open(raw.hqPassword);
    const cmbText = open(raw.cmb);
    cmb = cmbText ? JSON.parse(cmbText) as CmbSecrets : null;
    pendingSince = raw.checkinPendingSince;
  } catch (err) {
    // Never a crash at start (unfinished payments must still be recovered) and never a silent reset.
    const aside = `${file}.corrupt-${now()}`;
    const detail = err instanceof Error ? err.message : String(err);
    let moveError: string | undefined;
    try { renameSync(file, aside); } catch (e) { moveError = e instanceof Error ? e.message : String(e); }
    cache = null;
    vendorKey = null;
    hqPassword = null;
    cmb = null;
    damagedMessage = moveError === undefined ? msg('warn.secretsDamaged', { detail, aside }) : msg('warn.secretsDamagedStuck', { detail, file, error: moveError });
  }

  /** Writes first (fsync file and directory, rename), then takes the new values: a failed write changes nothing. */
  function save(next: { terminal: TerminalCredentials | null; vendor: string | null; pending?: number; hq?: string | null; cmb?: CmbSecrets | null }): void {
    const hq = next.hq === undefined ? hqPassword : next.hq;
    const nextCmb = next.cmb === undefined ? cmb : next.cmb;
    const enc = cipher.available();
    const seal = (plain: string) => (enc ? cipher.encrypt(plain) : Buffer.from(plain, 'utf8')).toString('base64');
    const body: FileShape = { encrypted: enc };
    if (next.terminal) body.terminal = seal(JSON.stringify(next.terminal));
    if (next.vendor) body.vendorKey = seal(next.vendor);
    if (hq) body.hqPassword = seal(hq);
    if (nextCmb) body.cmb = seal(JSON.stringify(nextCmb));
    if (next.pending !== undefined) body.checkinPendingSince = next.pending;
    writeFileDurable(file, JSON.stringify(body));
    cache = next.terminal;
    vendorKey = next.vendor;
    hqPassword = hq;
    cmb = nextCmb;
    pendingSince = next.pending;
    if (next.terminal) damagedMessage = null;
  }

  return {
    warning,
    storedInClear: !cipher.available(),
    isSet: () => cache !== null,
    get: () => cache,
    // A new key saved: the check-in (or activation) is over.
    set(creds) { save({ terminal: creds, vendor: vendorKey }); },
    vendorKey: () => vendorKey,
    setVendorKey(key) { save({ terminal: cache, vendor: key || null, pending: pendingSince }); },
    cmbSecrets: () => cmb,
    setCmbSecrets(next) { save({ terminal: cache, vendor: vendorKey, pending: pendingSince, cmb: next }); },
    hqPassword: () => hqPassword,
    setHqPassword(password) { save({ terminal: cache, vendor: vendorKey, pending: pendingSince, hq: password || null }); },
    damaged: () => damagedMessage,
    beginCheckin() { save({ terminal: cache, vendor: vendorKey, pending: now() }); },
  };
}
