/**
 * pins.json on disk (issue 14 item 3). Written durably (durable-write.ts) with a `.bak` copy.
 * Read fail-closed: a file that does not parse or does not look like a PIN book is DAMAGED, and
 * so is a missing file where one existed before — `pins.created`, written when the first PIN
 * file is made, tells a first start from a deletion. Nothing here ever recreates the factory
 * PINs over a file that existed; the engineer restores it (README, "Security").
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROLES, type PinState } from './pins';
import { writeFileDurable } from './durable-write';
import { msg, type Msg } from '../../preload/messages';

export const PIN_FILE = 'pins.json';
export const PIN_MARKER = 'pins.created';

export type PinFileRead = { kind: 'ok'; state: PinState } | { kind: 'first-start' } | { kind: 'damaged'; reason: string };

/** Why `v` is not a usable PIN book, or null. */
function invalid(v: unknown): string | null {
  const s = v as Partial<PinState> | null;
  if (!s || typeof s !== 'object' || s.version !== 1) return 'version is not 1';
  if (!Array.isArray(s.profiles)) return 'no profiles';
  for (const p of s.profiles) {
    if (!p || !ROLES.includes(p.role) || typeof p.name !== 'string' || typeof p.hash !== 'string' || !p.hash.startsWith('scrypt$') || typeof p.mustChange !== 'boolean') return 'a profile is malformed';
  }
  for (const role of ['manager', 'engineer'] as const) if (!s.profiles.some((p) => p.role === role)) return `no ${role} profile`;
  if (s.locks !== undefined && (typeof s.locks !== 'object' || s.locks === null)) return 'locks malformed';
  return null;
}

export function readPinFile(dir: string): PinFileRead {
  const file = join(dir, PIN_FILE);
  if (!existsSync(file)) {
    return existsSync(join(dir, PIN_MARKER)) ? { kind: 'damaged', reason: `${PIN_FILE} is missing but existed before` } : { kind: 'first-start' };
  }
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { kind: 'damaged', reason: err instanceof Error ? err.message : String(err) };
  }
  const why = invalid(v);
  if (why) return { kind: 'damaged', reason: why };
  if (!existsSync(join(dir, PIN_MARKER))) markCreated(dir); // a file from before the marker existed
  const s = v as PinState;
  return { kind: 'ok', state: { version: 1, profiles: s.profiles, locks: s.locks ?? {} } };
}

function markCreated(dir: string): void {
  try {
    writeFileDurable(join(dir, PIN_MARKER), `${new Date().toISOString()}\n`);
  } catch {
    // A read-only data directory: the marker follows with the next successful PIN write.
  }
}

export function writePinFile(dir: string, state: PinState): void {
  const body = JSON.stringify(state, null, 2);
  writeFileDurable(join(dir, PIN_FILE), body);
  if (!existsSync(join(dir, PIN_MARKER))) markCreated(dir);
  writeFileDurable(join(dir, `${PIN_FILE}.bak`), body);
}

export function pinFileDamagedMessage(dir: string, reason: string): Msg {
  return msg('warn.pinFileDamaged', { detail: reason, backup: join(dir, `${PIN_FILE}.bak`), file: join(dir, PIN_FILE) });
}
