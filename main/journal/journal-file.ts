/**
 * Journal files on disk: naming (one file per business day, extra segments after a corrupt
 * file), and the single writer that appends a line, fsyncs it, and truncates back on failure
 * so no partial line is ever left behind.
 */
import { join } from 'node:path';
import { checkLine } from './crc-line';
import { JournalWriteError } from './errors';
import type { JournalFs, JournalHandle } from './fs';

const FILE_RE = /^journal-(\d{4}-\d{2}-\d{2})(?:\.(\d+))?\.jsonl$/;
export const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** What replay learned about one file, kept for the writer. */
export interface FileState {
  name: string;
  day: string;
  /** 1 = `journal-DAY.jsonl`, n ≥ 2 = `journal-DAY.n.jsonl`. */
  segment: number;
  /** Bytes of complete, verified lines; anything past this was never acknowledged. */
  validSize: number;
  /** Holds a corrupt line: kept as evidence, never written again. */
  readOnly: boolean;
}

export function fileName(day: string, segment: number): string {
  return segment <= 1 ? `journal-${day}.jsonl` : `journal-${day}.${segment}.jsonl`;
}

export function parseFileName(name: string): { day: string; segment: number } | null {
  const m = FILE_RE.exec(name);
  if (!m || !m[1]) return null;
  const segment = m[2] === undefined ? 1 : Number(m[2]);
  if (!Number.isSafeInteger(segment) || segment < 2 && m[2] !== undefined) return null;
  return { day: m[1], segment };
}

export interface JournalEntry {
  name: string;
  day: string;
  segment: number;
}

/** Journal files of a directory listing, in replay order (day, then segment). */
export function journalFiles(names: string[]): JournalEntry[] {
  const out: JournalEntry[] = [];
  for (const name of names) {
    const p = parseFileName(name);
    if (p) out.push({ name, ...p });
  }
  out.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.segment - b.segment));
  return out;
}

interface OpenFile {
  state: FileState;
  handle: JournalHandle;
  /** Size of the file as we know it (all acknowledged lines). */
  size: number;
  /** A failed append may have left bytes past `size` that could not be truncated yet. */
  dirty: boolean;
}

/** Appends lines to the file of the right business day. Not re-entrant: the caller serializes. */
export class JournalWriter {
  private cur: OpenFile | null = null;

  constructor(
    private readonly fs: JournalFs,
    private readonly dir: string,
    private readonly files: Map<string, FileState>,
    private readonly warn: (msg: string) => void,
    /** The directory could not be created at open (read-only disk): create it before the first file. */
    private needsDir = false,
  ) {}

  /** The file the next append for `day` goes to: the newest segment, unless it is read-only. */
  targetFor(day: string): { name: string; segment: number; known: FileState | undefined } {
    let newest: FileState | undefined;
    for (const f of this.files.values()) {
      if (f.day === day && (!newest || f.segment > newest.segment)) newest = f;
    }
    if (!newest) return { name: fileName(day, 1), segment: 1, known: undefined };
    if (newest.readOnly) {
      const segment = newest.segment + 1;
      return { name: fileName(day, segment), segment, known: undefined };
    }
    return { name: newest.name, segment: newest.segment, known: newest };
  }

  /** Append one complete line and fsync it. Throws JournalWriteError; then nothing was added. */
  async append(day: string, line: Uint8Array): Promise<void> {
    if (this.cur && this.cur.state.day !== day) await this.closeCurrent();
    const f = this.cur ?? (this.cur = await this.openFor(day));
    const path = join(this.dir, f.state.name);
    if (f.dirty) {
      try {
        await this.fs.truncate(f.handle, f.size);
        await this.fs.sync(f.handle);
        f.dirty = false;
      } catch (err) {
        throw JournalWriteError.from(err, path, 'truncate');
      }
    }
    let written = 0;
    try {
      while (written < line.length) {
        const n = await this.fs.write(f.handle, line, written, line.length - written);
        if (!(n > 0)) throw Object.assign(new Error('write returned 0 bytes'), { code: 'EIO' });
        written += n;
      }
      await this.fs.sync(f.handle);
    } catch (err) {
      await this.rollback(f, written);
      throw JournalWriteError.from(err, path, written < line.length ? 'write' : 'fsync');
    }
    f.size += line.length;
    f.state.validSize = f.size;
  }

  /** Cut the file back to the last acknowledged line; remember to retry if that fails too. */
  private async rollback(f: OpenFile, written: number): Promise<void> {
    try {
      await this.fs.truncate(f.handle, f.size);
      await this.fs.sync(f.handle);
    } catch (err) {
      f.dirty = true;
      this.warn(`journal: could not truncate ${f.state.name} back to ${f.size} bytes after a failed append (${written} bytes written): ${String(err)}; will retry before the next append`);
    }
  }

  private async openFor(day: string): Promise<OpenFile> {
    const { name, segment, known } = this.targetFor(day);
    const path = join(this.dir, name);
    if (this.needsDir) {
      try {
        await this.fs.mkdir(this.dir);
      } catch (err) {
        throw JournalWriteError.from(err, this.dir, 'mkdir');
      }
      this.needsDir = false;
    }
    let handle: JournalHandle;
    try {
      handle = await this.fs.open(path, 'a');
    } catch (err) {
      throw JournalWriteError.from(err, path, 'open');
    }
    try {
      if (!known) await this.fs.syncDir(this.dir);
      const state: FileState = known ?? { name, day, segment, validSize: 0, readOnly: false };
      let size = await this.fs.size(handle);
      if (size > state.validSize) {
        // Unacknowledged bytes (a torn tail we could not cut at replay, or a failed append). A
        // complete line there was written by someone else (a second copy of Yima): never cut it.
        if (await this.holdsCompleteLine(path, state.validSize, size)) {
          throw new JournalWriteError(`交易记录 ${name} 被另一个程序追加了记录（可能同时运行了两个 Yima），为保护数据已停止写入 / ${name} was appended to by another program (a second Yima on this data directory?): not cutting ${size - state.validSize} bytes we did not write`, { code: 'EFOREIGN', file: path });
        }
        this.warn(`journal: cutting ${size - state.validSize} unacknowledged bytes from the end of ${name}`);
        await this.fs.truncate(handle, state.validSize);
        await this.fs.sync(handle);
        size = state.validSize;
      } else if (size < state.validSize) {
        this.warn(`journal: ${name} is shorter than at replay (${size} < ${state.validSize} bytes); was it changed by another program?`);
        state.validSize = size;
      }
      this.files.set(name, state);
      return { state, handle, size, dirty: false };
    } catch (err) {
      await this.fs.close(handle).catch(() => undefined);
      throw JournalWriteError.from(err, path, 'open');
    }
  }

  /** True when bytes [from, to) of the file contain a newline-terminated line that passes its CRC. */
  private async holdsCompleteLine(path: string, from: number, to: number): Promise<boolean> {
    const h = await this.fs.open(path, 'r');
    try {
      const buf = Buffer.alloc(to - from);
      let got = 0;
      while (got < buf.length) {
        const n = await this.fs.read(h, buf, got, buf.length - got, from + got);
        if (n <= 0) break;
        got += n;
      }
      let start = 0;
      for (let i = 0; i < got; i++) {
        if (buf[i] !== 0x0a) continue;
        if (checkLine(buf, start, i) === null) return true;
        start = i + 1;
      }
      return false;
    } finally {
      await this.fs.close(h).catch(() => undefined);
    }
  }

  private async closeCurrent(): Promise<void> {
    const f = this.cur;
    this.cur = null;
    if (f) {
      await this.fs.close(f.handle).catch((err: unknown) => this.warn(`journal: closing ${f.state.name} failed: ${String(err)}`));
    }
  }

  /** Name of the file currently open for appends (tests, diagnostics). */
  get currentFile(): string | undefined {
    return this.cur?.state.name;
  }

  close(): Promise<void> {
    return this.closeCurrent();
  }
}
