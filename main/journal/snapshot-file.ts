/**
 * The index snapshot file next to the journal files, `index-snapshot.json`, lines of JSON:
 *   the header: the journal files it covers, each with its exact byte length and the sha256 of
 *     its bytes, replay's counters and report entries, the warnings replay gave;
 *   the order book's state (book-state.ts), one line per part;
 *   last: `yima-index-snapshot <version> <sha256 of every byte before this line>`.
 * Written line by line to a temporary file, then fsync, rename, fsync of the directory; read line
 * by line with its checksum checked before anything read is used. It is only a cache: any doubt
 * about it means a full replay of the journal files, which stay the only truth.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { errnoCode } from './errors';
import type { JournalFs, JournalHandle } from './fs';
import type { ReplayProgress } from './replay';
import type { Reader } from './scan-file';

export const SNAPSHOT_FILE = 'index-snapshot.json';
/** Bump whenever the fold (OrderBook.apply, replay's counters) or the encoding changes. */
/** 2: orders carry `note` (the message code of their outcome). */
export const SNAPSHOT_VERSION = 2;
const MAGIC = 'yima-index-snapshot';
const TRAILER_MAX = 200;

export interface FileStamp {
  name: string;
  size: number;
  sha256: string;
}

export interface SnapshotHeader extends ReplayProgress {
  files: FileStamp[];
  warnings: string[];
}

export const newFileHash = () => createHash('sha256');

async function readAll(fs: JournalFs, h: JournalHandle, buf: Buffer, onChunk: (b: Buffer) => void, stop?: { now: boolean }): Promise<number> {
  let pos = 0;
  for (;;) {
    if (stop?.now) throw new Error('stopped');
    const n = await fs.read(h, buf, 0, buf.length, pos);
    if (n <= 0) return pos;
    onChunk(buf.subarray(0, n));
    pos += n;
  }
}

/** Byte length and sha256 of a journal file, read in the replay's large chunks. */
export async function stampFile(fs: JournalFs, dir: string, name: string, buf: Buffer, stop?: { now: boolean }): Promise<FileStamp> {
  const h = await fs.open(join(dir, name), 'r');
  try {
    const hash = newFileHash();
    const size = await readAll(fs, h, buf, (b) => hash.update(b), stop);
    return { name, size, sha256: hash.digest('hex') };
  } finally {
    await fs.close(h).catch(() => undefined);
  }
}

/**
 * Stream the snapshot: onHeader(header) first (it may throw to give up, e.g. a journal file
 * changed), then every book line to onLine. Resolves true only when the trailer's version and
 * checksum match every byte before it; false when there is no snapshot; throws why it is unusable.
 */
export async function readSnapshot(
  fs: JournalFs, dir: string, reader: Reader,
  onHeader: (h: SnapshotHeader) => Promise<void>, onLine: (text: string) => void,
): Promise<boolean> {
  let h: JournalHandle;
  try {
    h = await fs.open(join(dir, SNAPSHOT_FILE), 'r');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return false;
    throw err;
  }
  try {
    const size = await fs.size(h);
    const tail = Buffer.alloc(Math.min(size, TRAILER_MAX));
    const got = await fs.read(h, tail, 0, tail.length, size - tail.length);
    if (got !== tail.length || tail[tail.length - 1] !== 10) throw new Error('no trailer (truncated)');
    const nl = tail.lastIndexOf(10, tail.length - 2);
    const [magic, version, sum] = tail.toString('latin1', nl + 1, tail.length - 1).split(' ');
    if (magic !== MAGIC) throw new Error('not an index snapshot');
    if (version !== String(SNAPSHOT_VERSION)) throw new Error(`version ${version}, expected ${SNAPSHOT_VERSION}`);
    const bodyEnd = size - tail.length + nl + 1;
    const hash = createHash('sha256');
    let header = true;
    let buf = reader.buf;
    let filled = 0;
    let base = 0;
    while (base + filled < bodyEnd) {
      if (filled === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, filled);
        buf = reader.buf = bigger;
      }
      const n = await fs.read(h, buf, filled, Math.min(buf.length - filled, bodyEnd - base - filled), base + filled);
      if (n <= 0) throw new Error('shorter than its size');
      hash.update(buf.subarray(filled, filled + n));
      filled += n;
      const view = buf.subarray(0, filled);
      let start = 0;
      let end: number;
      while ((end = view.indexOf(10, start)) !== -1) {
        const text = view.toString('utf8', start, end);
        start = end + 1;
        if (header) {
          header = false;
          const parsed = JSON.parse(text) as SnapshotHeader;
          if (!Array.isArray(parsed.files) || !Array.isArray(parsed.warnings)) throw new Error('malformed header');
          await onHeader(parsed);
        } else onLine(text);
      }
      buf.copy(buf, 0, start, filled);
      base += start;
      filled -= start;
    }
    if (filled !== 0) throw new Error('incomplete line before the trailer');
    if (hash.digest('hex') !== sum) throw new Error('checksum mismatch (altered)');
    return true;
  } finally {
    await fs.close(h).catch(() => undefined);
  }
}

/** Writes a snapshot line by line to a temporary file; commit() makes it the snapshot atomically. */
export class SnapshotWriter {
  private readonly hash = createHash('sha256');
  private readonly tmp: string;
  private used = 0;

  private constructor(
    private readonly fs: JournalFs & Required<Pick<JournalFs, 'rename' | 'remove'>>,
    private readonly dir: string,
    private readonly h: JournalHandle,
    /** Lines are encoded into this buffer (replay's, idle between files): no per-line allocation. */
    private readonly scratch: Reader,
  ) {
    this.tmp = join(dir, `${SNAPSHOT_FILE}.tmp`);
  }

  /** null when this JournalFs cannot replace a file atomically (then there are no snapshots). */
  static async begin(fs: JournalFs, dir: string, scratch: Reader): Promise<SnapshotWriter | null> {
    const { rename, remove } = fs;
    if (!rename || !remove) return null;
    const h = await fs.open(join(dir, `${SNAPSHOT_FILE}.tmp`), 'a');
    const w = new SnapshotWriter({ ...fs, rename, remove }, dir, h, scratch);
    try {
      await fs.truncate(h, 0);
    } catch (err) {
      await w.abort();
      throw err;
    }
    return w;
  }

  private async put(buf: Buffer): Promise<void> {
    let off = 0;
    while (off < buf.length) {
      const n = await this.fs.write(this.h, buf, off, buf.length - off);
      if (!(n > 0)) throw new Error('write returned 0 bytes');
      off += n;
    }
  }

  /** Lines are gathered in the scratch buffer and written in large pieces; end() before the scratch is used again. */
  async line(text: string): Promise<void> {
    const len = Buffer.byteLength(text, 'utf8') + 1;
    if (this.used + len > this.scratch.buf.length) await this.flush();
    if (len > this.scratch.buf.length) this.scratch.buf = Buffer.allocUnsafe(Math.max(len, this.scratch.buf.length * 2));
    const buf = this.scratch.buf;
    buf.write(text, this.used, 'utf8');
    buf[this.used + len - 1] = 10;
    this.used += len;
  }

  /** Write what is gathered: the scratch buffer (replay's) is free again afterwards. */
  async end(): Promise<void> {
    await this.flush();
  }

  private async flush(): Promise<void> {
    const buf = this.scratch.buf.subarray(0, this.used);
    this.used = 0;
    this.hash.update(buf);
    await this.put(buf);
  }

  /** Trailer, fsync, rename over the snapshot, fsync of the directory. */
  async commit(): Promise<void> {
    try {
      if (this.used !== 0) throw new Error('lines not written: end() was not called');
      await this.put(Buffer.from(`${MAGIC} ${SNAPSHOT_VERSION} ${this.hash.digest('hex')}\n`, 'latin1'));
      await this.fs.sync(this.h);
      await this.fs.close(this.h);
      await this.fs.rename(this.tmp, join(this.dir, SNAPSHOT_FILE));
    } catch (err) {
      await this.abort();
      throw err;
    }
    await this.fs.syncDir(this.dir);
  }

  async abort(): Promise<void> {
    await this.fs.close(this.h).catch(() => undefined);
    await this.fs.remove(this.tmp).catch(() => undefined);
  }
}
