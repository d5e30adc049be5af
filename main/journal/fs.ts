/**
 * The file operations the journal needs, injectable so tests can simulate ENOSPC, EIO, EROFS,
 * short writes and failing fsyncs. Handles are opaque to the journal.
 */
import { access, constants, mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { errnoCode } from './errors';

export type JournalHandle = object;

export interface JournalFs {
  /** Create the directory (and parents) if missing. */
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  /** 'r' = read only; 'a' = append (create if missing), writes always go to the end. */
  open(path: string, flags: 'r' | 'a'): Promise<JournalHandle>;
  /** Read up to length bytes at position into buf[offset..]; returns bytes read (0 = EOF). */
  read(h: JournalHandle, buf: Uint8Array, offset: number, length: number, position: number): Promise<number>;
  /** Append buf[offset..offset+length); may write fewer bytes (returns the count). */
  write(h: JournalHandle, buf: Uint8Array, offset: number, length: number): Promise<number>;
  sync(h: JournalHandle): Promise<void>;
  truncate(h: JournalHandle, length: number): Promise<void>;
  size(h: JournalHandle): Promise<number>;
  close(h: JournalHandle): Promise<void>;
  /** fsync a directory so a newly created file's entry is durable (POSIX). */
  syncDir(dir: string): Promise<void>;
  /** Rejects (EROFS, EACCES…) when new files cannot be written in the directory; checked once at open. */
  writable?(dir: string): Promise<void>;
  /** Atomically replace `to` with `from` (index snapshots; without it none are written). */
  rename?(from: string, to: string): Promise<void>;
  /** Delete a file; no error when it is missing (index snapshots). */
  remove?(path: string): Promise<void>;
}

const fh = (h: JournalHandle): FileHandle => h as FileHandle;

export const nodeJournalFs: JournalFs = {
  async mkdir(dir) {
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
    } catch (err) {
      // Recursive mkdir answers ENOENT under a read-only parent; a plain mkdir names the real cause (EROFS…).
      if (errnoCode(err) !== 'ENOENT') throw err;
      await mkdir(dir, { mode: 0o700 });
    }
  },
  readdir: (dir) => readdir(dir),
  open: (path, flags) => open(path, flags, 0o600), // the shop's payments: the owner only (issue 14 item 10)
  async read(h, buf, offset, length, position) {
    return (await fh(h).read(buf, offset, length, position)).bytesRead;
  },
  async write(h, buf, offset, length) {
    return (await fh(h).write(buf, offset, length, null)).bytesWritten;
  },
  sync: (h) => fh(h).sync(),
  truncate: (h, length) => fh(h).truncate(length),
  async size(h) {
    return (await fh(h).stat()).size;
  },
  close: (h) => fh(h).close(),
  writable: (dir) => access(dir, constants.W_OK),
  rename: (from, to) => rename(from, to),
  remove: (path) => rm(path, { force: true }),
  async syncDir(dir) {
    let d: FileHandle | undefined;
    try {
      d = await open(dir, 'r');
      await d.sync();
    } catch (err) {
      // Windows cannot fsync a directory (EPERM/EISDIR); some filesystems answer EINVAL.
      const code = errnoCode(err);
      if (code !== 'EPERM' && code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EACCES') throw err;
    } finally {
      await d?.close();
    }
  },
};
