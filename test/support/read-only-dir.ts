/**
 * Makes a real directory read-only for a test, the way a counter's disk can turn read-only:
 * as an ordinary user by removing write permission (recursively); as root (where permissions do
 * not stop writes) by bind-mounting it read-only over itself, so writes fail with EROFS.
 * Returns the undo function, or null when neither is possible here (the test should skip).
 */
import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function chmodTree(path: string, writable: boolean): void {
  const st = statSync(path);
  const mode = writable ? st.mode | 0o200 : st.mode & ~0o222;
  if (st.isDirectory() && writable) chmodSync(path, mode & 0o7777);
  if (st.isDirectory()) for (const name of readdirSync(path)) chmodTree(join(path, name), writable);
  if (!st.isDirectory() || !writable) chmodSync(path, mode & 0o7777);
}

export function makeReadOnly(dir: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    chmodTree(dir, false);
    return () => chmodTree(dir, true);
  }
  try {
    execFileSync('mount', ['--bind', '-o', 'ro', dir, dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const undo = () => execFileSync('umount', [dir], { stdio: 'ignore' });
  const readOnly = () => { try { accessSync(dir, constants.W_OK); return false; } catch { return true; } };
  if (!readOnly()) {
    // older mount(8): the bind came up writable; remount it read-only
    try { execFileSync('mount', ['-o', 'remount,bind,ro', dir], { stdio: 'ignore' }); } catch { /* checked below */ }
    if (!readOnly()) { undo(); return null; }
  }
  return undo;
}
