/**
 * One owner per data directory (issue 14 item 1): two copies of Yima on one directory cut each
 * other's journal and rotate each other's terminal key. At start the owner creates
 * `<dataDir>/yima.lock` with O_EXCL (atomic: exactly one creator wins) holding its pid, the boot
 * it runs in and, in browser mode, its URL (origin only, never the token); it keeps the file for
 * the whole run and removes it at exit. A lock whose pid is dead, or that was written before the
 * last reboot, is stale: it is taken over under a short-lived takeover directory (mkdir is atomic
 * too), so two starters cannot both take the same stale lock.
 */
import { accessSync, chmodSync, closeSync, constants, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'yima.lock';

export interface LockOwner { pid: number; bootId?: string; url?: string; startedAt: number; mode: 'harness' | 'electron' }

export interface DataDirLock {
  readonly path: string;
  /** Records the browser-mode URL (origin) so a second start can point at the running copy. */
  setUrl(url: string): void;
  release(): void;
}

export type LockResult =
  | { ok: true; lock: DataDirLock; tookOver?: LockOwner; /** The directory cannot be written: nobody can change it, the app runs on history only. */ readOnly?: boolean }
  | { ok: false; owner: LockOwner | null; message: string };

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

function writable(dir: string): boolean {
  try { accessSync(dir, constants.W_OK); return true; } catch { return false; }
}

/**
 * A read-only data directory (a disk remounted read-only) cannot hold a lock file, and needs none:
 * no copy can write its journal, keys or PINs there (check-in and payments are refused), so a
 * start shows the history and why it cannot take payments. A live owner still keeps it.
 */
const readOnlyLock = (path: string): LockResult => ({ ok: true, readOnly: true, lock: { path, setUrl: () => undefined, release: () => undefined } });

export interface LockDeps {
  pid: number;
  /** Is this pid a running process? (process.kill(pid, 0) by default) */
  alive: (pid: number) => boolean;
  /** This boot's id (Linux /proc/sys/kernel/random/boot_id); a pid from another boot is stale. */
  bootId: () => string | undefined;
  now: () => number;
}

export const systemLockDeps: LockDeps = {
  pid: process.pid,
  alive: (pid) => {
    try { process.kill(pid, 0); return true; } catch (err) { return (err as NodeJS.ErrnoException).code === 'EPERM'; }
  },
  bootId: () => {
    try { return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim(); } catch { return undefined; }
  },
  now: () => Date.now(),
};

/** A lock file younger than this with no readable owner is a starter still writing it. */
const UNREADABLE_GRACE_MS = 5_000;
/** A takeover directory older than this was left by a starter that died mid-takeover. */
const TAKEOVER_STALE_MS = 10_000;

function readOwner(path: string): LockOwner | null {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return Number.isSafeInteger(v.pid) && v.pid > 0 ? v : null;
  } catch {
    return null;
  }
}

function writeOwner(fd: number, owner: LockOwner): void {
  const body = Buffer.from(JSON.stringify(owner));
  let off = 0;
  while (off < body.length) off += writeSync(fd, body, off, body.length - off);
  fsyncSync(fd);
}

export function busyMessage(dataDir: string, owner: LockOwner | null): string {
  const who = owner ? `${owner.url ? `at ${owner.url}, ` : ''}pid ${owner.pid}` : 'owner unknown';
  return `数据目录 ${dataDir} 已被另一个正在运行的 Yima 使用（${who}）。请先关闭它，或用 --data-dir 指定其他目录。/ The data directory ${dataDir} is in use by another running Yima (${who}); close it first or start with another --data-dir.`;
}

export function acquireDataDirLock(dataDir: string, mode: LockOwner['mode'], deps: LockDeps = systemLockDeps): LockResult {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // An existing data directory is closed to other users too (issue 14 item 10); where the owner
  // cannot change it (a mount), the lock still works.
  try { chmodSync(dataDir, 0o700); } catch { /* not ours to change */ }
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = { pid: deps.pid, bootId: deps.bootId(), startedAt: deps.now(), mode };
  let tookOver: LockOwner | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (READ_ONLY_CODES.has(code) && !writable(dataDir)) return readOnlyLock(path);
      if (code !== 'EEXIST') throw err;
      const owner = readOwner(path);
      const stale = owner
        ? owner.pid !== deps.pid && (!deps.alive(owner.pid) || (owner.bootId !== undefined && me.bootId !== undefined && owner.bootId !== me.bootId))
        : ageMs(path, deps) > UNREADABLE_GRACE_MS;
      if (!stale) return { ok: false, owner, message: busyMessage(dataDir, owner) };
      if (!writable(dataDir)) return readOnlyLock(path); // the stale lock cannot be removed, nor anything else written
      if (!takeOver(dataDir, path, owner, deps)) return { ok: false, owner, message: busyMessage(dataDir, owner) };
      tookOver = owner ?? undefined;
      continue;
    }
    try { writeOwner(fd, me); } finally { closeSync(fd); }
    return { ok: true, lock: handle(path, me, deps), ...(tookOver ? { tookOver } : {}) };
  }
  return { ok: false, owner: readOwner(path), message: busyMessage(dataDir, readOwner(path)) };
}

function ageMs(path: string, deps: LockDeps): number {
  try { return deps.now() - statSync(path).mtimeMs; } catch { return Infinity; }
}

/** Removes a stale lock, only if it is still the one we judged stale, under the takeover directory. */
function takeOver(dataDir: string, path: string, judged: LockOwner | null, deps: LockDeps): boolean {
  const guard = join(dataDir, `${LOCK_FILE}.takeover`);
  try {
    mkdirSync(guard);
  } catch {
    if (ageMs(guard, deps) < TAKEOVER_STALE_MS) return false; // another starter is taking over right now
    try { rmdirSync(guard); mkdirSync(guard); } catch { return false; }
  }
  try {
    // Someone else replaced it meanwhile: try again from the start (their lock is judged afresh).
    if (JSON.stringify(readOwner(path)) !== JSON.stringify(judged)) return true;
    return removeIfPresent(path);
  } finally {
    try { rmdirSync(guard); } catch { /* gone already */ }
  }
}

function removeIfPresent(path: string): boolean {
  try { unlinkSync(path); } catch (err) { if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return false; }
  return true;
}

function handle(path: string, me: LockOwner, deps: LockDeps): DataDirLock {
  let released = false;
  return {
    path,
    setUrl(url) {
      const owner = { ...me, url: new URL(url).origin };
      const tmp = `${path}.${deps.pid}.tmp`;
      const fd = openSync(tmp, 'w', 0o600);
      try { writeOwner(fd, owner); } finally { closeSync(fd); }
      renameSync(tmp, path); // replaces our own lock in one step: never a moment without one
    },
    release() {
      if (released) return;
      released = true;
      // Only our own lock: never a lock someone took over after judging us dead.
      if (readOwner(path)?.pid === me.pid) removeIfPresent(path);
    },
  };
}
