/**
 * Durable small-file writes (reliability.md §2.1: temp + rename alone is not enough): write the
 * whole temp file (checked length), fsync it, rename it over the target, fsync the directory.
 * Files are created 0600: PINs, keys and settings are for this user only. Windows cannot fsync a
 * directory (EPERM/EISDIR), which is tolerated.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EACCES') throw err;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function writeFileDurable(file: string, data: string | Buffer): void {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = `${file}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    let off = 0;
    while (off < body.length) {
      const n = writeSync(fd, body, off, body.length - off);
      if (!(n > 0)) throw Object.assign(new Error(`short write to ${tmp}`), { code: 'EIO' });
      off += n;
    }
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try { unlinkSync(tmp); } catch { /* keep the first error */ }
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, file);
  fsyncDir(dirname(file));
}
