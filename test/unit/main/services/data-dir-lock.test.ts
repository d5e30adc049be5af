/** The data-directory lock (issue 14 item 1): one owner, stale locks taken over exactly once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock, LOCK_FILE, type LockDeps } from '../../../../main/services/data-dir-lock';

let root: string;
beforeEach(async () => { root = await mkdtemp(join(tmpdir(), 'yima-lock-')); });
afterEach(async () => rm(root, { recursive: true, force: true }));

const deps = (pid: number, live: Set<number>, boot = 'boot-1'): LockDeps => ({ pid, alive: (p) => live.has(p), bootId: () => boot, now: () => Date.now() });

describe('data directory lock', () => {
  it('the first owner gets it (0600 file in a 0700 directory); a second live starter is refused with the owner\'s pid and URL', () => {
    const dir = join(root, 'data');
    const live = new Set([100, 200]);
    const a = acquireDataDirLock(dir, 'harness', deps(100, live));
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    a.lock.setUrl('http://127.0.0.1:4321/?token=secret');
    expect(statSync(join(dir, LOCK_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).not.toContain('secret');
    const b = acquireDataDirLock(dir, 'electron', deps(200, live));
    expect(b).toMatchObject({ ok: false, owner: { pid: 100, url: 'http://127.0.0.1:4321' } });
    if (b.ok) return;
    expect(b.message).toContain(dir);
    expect(b.message).toContain('pid 100');
    expect(b.message).toContain('http://127.0.0.1:4321');
    a.lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(acquireDataDirLock(dir, 'electron', deps(200, live)).ok).toBe(true);
  });

  it('an existing data directory open to others is closed to the owner (0700)', () => {
    const dir = join(root, 'shared-data');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    expect(acquireDataDirLock(dir, 'harness', deps(100, new Set([100]))).ok).toBe(true);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('takes over a lock whose pid is dead, or that was written in an earlier boot (pid reused)', () => {
    const dir = join(root, 'data');
    mkdirSync(dir);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 7, bootId: 'boot-1', startedAt: 1, mode: 'harness' }));
    const a = acquireDataDirLock(dir, 'harness', deps(100, new Set([100])));
    expect(a).toMatchObject({ ok: true, tookOver: { pid: 7 } });
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 300, bootId: 'boot-0', startedAt: 1, mode: 'electron' }));
    expect(acquireDataDirLock(dir, 'harness', deps(100, new Set([100, 300]))).ok).toBe(true);
  });

  it('a takeover already under way elsewhere is not repeated: the second starter is refused', () => {
    const dir = join(root, 'data');
    mkdirSync(dir);
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 7, bootId: 'boot-1', startedAt: 1, mode: 'harness' }));
    mkdirSync(join(dir, `${LOCK_FILE}.takeover`)); // another starter holds the takeover right now
    expect(acquireDataDirLock(dir, 'harness', deps(100, new Set([100]))).ok).toBe(false);
  });

  it('a release never removes a lock that someone else holds now', () => {
    const dir = join(root, 'data');
    const a = acquireDataDirLock(dir, 'harness', deps(100, new Set([100])));
    if (!a.ok) throw new Error('no lock');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 200, bootId: 'boot-1', startedAt: 2, mode: 'harness' }));
    a.lock.release();
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(200);
  });
});
