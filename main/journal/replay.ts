/**
 * Replay at open: stream every journal file in order, verify each line's CRC on the raw bytes,
 * hand good records to the fold, and classify bad lines:
 *  - torn tail: the very last line of the newest file is incomplete (no newline), fails its CRC or
 *    does not parse → a power cut mid-append. Reported once, then the file is cut back to the last
 *    good line so later appends are clean.
 *  - corrupt: any other bad line. Reported with file and line number, never dropped silently; the
 *    file becomes read-only evidence and that day's appends go to a new segment. Records after the
 *    corrupt line are still replayed.
 * With a cache (snapshot.ts), the first files may come folded from a verified index snapshot
 * instead: replay then starts at the first file it does not cover (never the newest).
 */
import { join } from 'node:path';
import type { Hash } from 'node:crypto';
import { typePrefix } from './crc-line';
import { errnoCode, JournalOpenError, JournalWriteError } from './errors';
import type { JournalFs, JournalHandle } from './fs';
import { journalFiles, type FileState, type JournalEntry } from './journal-file';
import type { JournalRecord } from './records';
import { scanFile, type FileScan, type Reader, type Sink } from './scan-file';

export interface ReplayReport {
  files: number;
  records: number;
  tornTail: { file: string; bytesDropped: number }[];
  corrupt: { file: string; line: number; reason: string }[];
  readOnlyFiles: string[];
  /** Closed files whose fold came from the verified index snapshot (not parsed this time); absent when none. */
  snapshotFiles?: number;
  /** Set when the data directory cannot be written (read-only disk, no permission): why, for the engineer. Appends will fail. */
  notWritable?: string;
}

export interface ReplayResult {
  report: ReplayReport;
  files: Map<string, FileState>;
  lastSeq: number;
  /** The directory does not exist and could not be created (appends create it once they can). */
  dirMissing: boolean;
}

/** Replay's counters and report entries after a number of files (a snapshot restores them). */
export interface ReplayProgress {
  lastSeq: number;
  outOfOrder: number;
  records: number;
  corrupt: ReplayReport['corrupt'];
  readOnlyFiles: string[];
}

/**
 * A cache of the fold over the closed files (snapshot.ts). Replay asks it once, with the file list,
 * whether the first files are already folded; it then tells it when every file but the newest is.
 */
export interface ReplayCache {
  /** Folds the state after the first `count` files itself (all or nothing), or returns null. */
  resume(list: JournalEntry[], reader: Reader): Promise<(ReplayProgress & { count: number; sizes: number[] }) | null>;
  /** A hash to feed with every byte of that closed file as it is scanned; undefined = none. */
  hashFor(name: string): Hash | undefined;
  /** Every file but the newest is folded (called only when resume covered fewer). */
  closed(files: FileState[], progress: ReplayProgress, reader: Reader): Promise<void>;
}

const CHUNK = 4 * 1024 * 1024;
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM']);
const MAX_WARNINGS_PER_FILE = 20;

function openError(what: string, dir: string, err: unknown): JournalOpenError {
  const code = errnoCode(err);
  const why =
    code === 'EACCES' || code === 'EPERM' ? '没有权限 / permission denied'
    : code === 'ENOTDIR' ? '不是目录 / not a directory'
    : code === 'EROFS' ? '文件系统只读 / read-only file system'
    : code === 'EIO' ? '磁盘读写错误 / disk I/O error'
    : (code ?? 'error');
  const detail = err instanceof Error ? err.message : String(err);
  return new JournalOpenError(`无法打开记录簿：${what} ${dir}（${why}） / cannot open the journal: ${what} ${dir} (${detail})`, { code, cause: err });
}

export async function replay(opts: {
  fs: JournalFs;
  dir: string;
  warn: (msg: string) => void;
  onRecord: (rec: JournalRecord) => void;
  /**
   * Record types the fold ignores (e.g. REQUEST_SENT): verified and counted, their seq read from
   * the line's tail, but not JSON-parsed — replay speed.
   */
  skipTypes?: string[];
  cache?: ReplayCache;
}): Promise<ReplayResult> {
  const { fs, dir, warn } = opts;
  const skip = (opts.skipTypes ?? []).map(typePrefix);
  let notWritable: string | undefined;
  try {
    await fs.mkdir(dir);
  } catch (err) {
    // A read-only disk or a directory we may not write: still start, with what can be read.
    if (!NOT_WRITABLE.has(errnoCode(err) ?? '')) throw openError('cannot create data directory', dir, err);
    notWritable = JournalWriteError.from(err, dir, 'mkdir').message;
    warn(`journal: ${notWritable}`);
  }
  let names: string[];
  let dirMissing = false;
  try {
    names = await fs.readdir(dir);
  } catch (err) {
    if (notWritable === undefined || errnoCode(err) !== 'ENOENT') throw openError('cannot read data directory', dir, err);
    names = [];
    dirMissing = true;
  }
  const list = journalFiles(names);
  const report: ReplayReport = { files: list.length, records: 0, tornTail: [], corrupt: [], readOnlyFiles: [], ...(notWritable ? { notWritable } : {}) };
  const files = new Map<string, FileState>();
  let lastSeq = 0;
  let outOfOrder = 0;
  const sink: Sink = {
    skip,
    deliver(rec) {
      if (rec.seq <= lastSeq) outOfOrder++;
      else lastSeq = rec.seq;
      report.records++;
      opts.onRecord(rec);
    },
    skipped(seq) {
      if (seq <= lastSeq) outOfOrder++;
      else lastSeq = seq;
      report.records++;
    },
  };

  // One read buffer for every file: a fresh 4 MB per day file only adds to the peak memory.
  const reader: Reader = { buf: Buffer.allocUnsafe(CHUNK) };
  const cache = opts.cache;
  const done = (cache && list.length > 1 ? await cache.resume(list, reader) : null) ?? null;
  if (done) {
    report.snapshotFiles = done.count;
    lastSeq = done.lastSeq;
    outOfOrder = done.outOfOrder;
    report.records = done.records;
    report.corrupt.push(...done.corrupt);
    report.readOnlyFiles.push(...done.readOnlyFiles);
    for (let i = 0; i < done.count; i++) {
      const entry = list[i]!;
      files.set(entry.name, { ...entry, validSize: done.sizes[i]!, readOnly: done.readOnlyFiles.includes(entry.name) });
    }
  }
  for (let i = done?.count ?? 0; i < list.length; i++) {
    const entry = list[i]!;
    const isNewest = i === list.length - 1;
    const path = join(dir, entry.name);
    let h: JournalHandle;
    try {
      h = await fs.open(path, 'r');
    } catch (err) {
      throw openError('cannot read journal file', path, err);
    }
    let scan: FileScan;
    try {
      scan = await scanFile(fs, h, entry.name, sink, reader, isNewest ? undefined : cache?.hashFor(entry.name));
    } catch (err) {
      throw openError('cannot read journal file', path, err);
    } finally {
      await fs.close(h).catch(() => undefined);
    }
    const state: FileState = { ...entry, validSize: scan.size, readOnly: scan.corrupt.length > 0 };
    let tail = scan.tail;
    if (tail && !isNewest) {
      // Only the newest file can have been cut by a power failure mid-append: elsewhere it is corruption.
      scan.corrupt.push({ file: entry.name, line: tail.line, reason: tail.reason });
      state.readOnly = true;
      tail = null;
    }
    let warned = 0;
    for (const c of scan.corrupt) {
      report.corrupt.push(c);
      if (warned++ < MAX_WARNINGS_PER_FILE) warn(`journal: corrupt line ${c.line} in ${c.file}: ${c.reason} (kept as evidence)`);
    }
    if (warned > MAX_WARNINGS_PER_FILE) warn(`journal: … ${warned - MAX_WARNINGS_PER_FILE} more corrupt lines in ${entry.name}`);
    if (state.readOnly) {
      report.readOnlyFiles.push(entry.name);
      warn(`journal: ${entry.name} is read-only from now on; new records for ${entry.day} go to a new segment`);
    }
    if (tail) {
      const bytesDropped = scan.size - tail.start;
      report.tornTail.push({ file: entry.name, bytesDropped });
      state.validSize = tail.start;
      if (state.readOnly) {
        warn(`journal: torn last line ${tail.line} in ${entry.name} (${bytesDropped} bytes, ${tail.reason}); file kept untouched as it holds corrupt lines`);
      } else {
        warn(`journal: torn last line ${tail.line} in ${entry.name} (${bytesDropped} bytes, ${tail.reason}): the last append was interrupted; dropped`);
        await cutTail(fs, path, tail.start, warn);
      }
    }
    files.set(entry.name, state);
    if (cache && i === list.length - 2) {
      await cache.closed([...files.values()], { lastSeq, outOfOrder, records: report.records, corrupt: [...report.corrupt], readOnlyFiles: [...report.readOnlyFiles] }, reader);
    }
  }
  if (outOfOrder > 0) warn(`journal: ${outOfOrder} records with a sequence number not above the previous one`);
  return { report, files, lastSeq, dirMissing };
}

async function cutTail(fs: JournalFs, path: string, size: number, warn: (msg: string) => void): Promise<void> {
  let h: JournalHandle | undefined;
  try {
    h = await fs.open(path, 'a');
    await fs.truncate(h, size);
    await fs.sync(h);
  } catch (err) {
    // The writer cuts unacknowledged bytes before its first append to this file.
    warn(`journal: could not truncate ${path} to ${size} bytes now (${String(err)}); will retry before appending`);
  } finally {
    if (h) await fs.close(h).catch(() => undefined);
  }
}
