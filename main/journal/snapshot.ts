/**
 * Index snapshots of the closed journal files: the replay cache (ReplayCache).
 *
 * One snapshot holds the whole fold (order book, seq counters, report entries and the warnings
 * replay gave) after the first k journal files, every one of them closed (not the newest), each
 * stamped with its exact byte length and the sha256 of its bytes. The fold is cumulative, so a
 * state after k files is exactly what a full replay of those k files gives: orders created one day
 * and paid or refunded days later, orphan records, corrupt lines, seq checks — all included.
 *
 * At start it is used only when its first k names are the first k journal files now, k is less
 * than their number, every one still has that length and sha256, its own checksum and version are
 * right, and every business day it holds is what businessDay() says now. Then the first k files
 * are not parsed; anything else means a full replay, with a warning saying why. Whenever the
 * snapshot covered fewer than every closed file, the fold is written to a temporary file right after
 * the last closed file (its bytes hashed as they were read), one line at a time; fsync and rename
 * happen in the background after the journal opened. Failures to write are only logged: a
 * snapshot never blocks or fails an append.
 */
import type { Hash } from 'node:crypto';
import { BookDecoder, encodeBook } from './book-state';
import { errnoCode } from './errors';
import type { JournalFs } from './fs';
import type { FileState, JournalEntry } from './journal-file';
import type { OrderBook } from './order-index';
import type { ReplayCache, ReplayProgress } from './replay';
import type { Reader } from './scan-file';
import { newFileHash, readSnapshot, SnapshotWriter, stampFile, type FileStamp, type SnapshotHeader } from './snapshot-file';

const STAMP_CHUNK = 4 * 1024 * 1024;
const NOT_WRITABLE = new Set(['EROFS', 'EACCES', 'EPERM']);

export class SnapshotCache implements ReplayCache {
  /** Warnings given while the closed files are folded (null once past them). */
  private captured: string[] | null = null;
  private readonly stamps = new Map<string, FileStamp>();
  private readonly hashes = new Map<string, Hash>();
  private pending: SnapshotWriter | null = null;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly fs: JournalFs,
    private readonly dir: string,
    private readonly book: OrderBook,
    private readonly businessDay: (ts: number) => string,
    private readonly log: (msg: string) => void,
  ) {}

  /** The warn replay and the order book use: logged, and remembered while closed files are folded. */
  readonly warn = (msg: string): void => {
    this.captured?.push(msg);
    this.log(msg);
  };

  async resume(list: JournalEntry[], reader: Reader) {
    this.captured = [];
    const decoder = new BookDecoder(this.businessDay);
    let header: SnapshotHeader | undefined;
    const stop = { now: false }; // ends the hashing of the journal files when the snapshot is given up
    try {
      // The journal files are hashed while the snapshot is decoded (I/O overlaps); both must pass.
      let stamping: Promise<void> | undefined;
      let stampFailed: unknown;
      const checkFiles = async (h: SnapshotHeader): Promise<void> => {
        const k = h.files.length;
        if (k === 0 || k >= list.length) throw new Error(`it covers ${k} of ${list.length} journal files, the newest is never covered`);
        for (let i = 0; i < k; i++) {
          if (h.files[i]!.name !== list[i]!.name) throw new Error(`journal file ${i + 1} is ${list[i]!.name}, the snapshot has ${h.files[i]!.name}`);
        }
        header = h;
        stamping = this.checkStamps(h.files, stop);
        stamping.catch((err: unknown) => { stampFailed = err ?? new Error('stamp failed'); }); // awaited below
      };
      const onLine = (line: string): void => {
        if (stampFailed !== undefined) throw stampFailed; // stop decoding at once
        decoder.line(line);
      };
      const found = await readSnapshot(this.fs, this.dir, reader, checkFiles, onLine);
      if (!found) return null;
      if (!header || !stamping) throw new Error('no header');
      await stamping;
      const state = decoder.finish();
      this.book.importState(state.orders, state.orphans, state.totals);
    } catch (err) {
      stop.now = true;
      this.log(`journal: index snapshot not used (${err instanceof Error ? err.message : String(err)}); replaying every journal file`);
      return null;
    }
    const h: SnapshotHeader = header;
    for (const f of h.files) this.stamps.set(f.name, f);
    for (const w of h.warnings) this.warn(w);
    const { lastSeq, outOfOrder, records, corrupt, readOnlyFiles } = h;
    return { count: h.files.length, sizes: h.files.map((f) => f.size), lastSeq, outOfOrder, records, corrupt, readOnlyFiles };
  }

  private async checkStamps(files: FileStamp[], stop: { now: boolean }): Promise<void> {
    const buf = Buffer.allocUnsafe(STAMP_CHUNK);
    for (const want of files) {
      const got = await stampFile(this.fs, this.dir, want.name, buf, stop);
      if (got.size !== want.size) throw new Error(`${want.name} is ${got.size} bytes, was ${want.size}`);
      if (got.sha256 !== want.sha256) throw new Error(`${want.name} changed (sha256 differs)`);
    }
  }

  hashFor(name: string): Hash {
    const h = newFileHash();
    this.hashes.set(name, h);
    return h;
  }

  /** Right after the last closed file: write the fold to the temporary file (replay waits). */
  async closed(files: FileState[], progress: ReplayProgress, reader: Reader): Promise<void> {
    const warnings = this.captured ?? [];
    this.captured = null;
    let w: SnapshotWriter | null = null;
    try {
      const stamps = files.map((f): FileStamp => {
        const known = this.stamps.get(f.name);
        if (known) return known;
        const h = this.hashes.get(f.name);
        if (!h) throw new Error(`${f.name} was not hashed`);
        return { name: f.name, size: f.validSize, sha256: h.digest('hex') };
      });
      const lines = encodeBook(this.book.exportState(), this.businessDay);
      const first = lines.next(); // the first pass (table, orphans, totals checked) runs before a file is created
      w = await SnapshotWriter.begin(this.fs, this.dir, reader);
      if (!w) return;
      const header: SnapshotHeader = { files: stamps, ...progress, warnings };
      await w.line(JSON.stringify(header));
      if (!first.done) await w.line(first.value);
      for (const line of lines) await w.line(line);
      await w.end(); // before replay reads the newest file into the same buffer
      this.pending = w;
    } catch (err) {
      await w?.abort();
      // A read-only data directory is reported by the journal itself; no second message for it.
      if (!NOT_WRITABLE.has(errnoCode(err) ?? '')) this.log(`journal: index snapshot not written (${err instanceof Error ? err.message : String(err)})`);
    } finally {
      this.hashes.clear();
    }
  }

  /** After replay: make the snapshot written at the last closed file durable, in the background. */
  start(writable: boolean): void {
    this.captured = null;
    const w = this.pending;
    this.pending = null;
    if (!w) return;
    this.writing = new Promise<void>((res) => setImmediate(res))
      .then(() => (writable ? w.commit() : w.abort()))
      .catch((err: unknown) => this.log(`journal: index snapshot not written (${err instanceof Error ? err.message : String(err)})`));
  }

  /** Resolves when a background write is over (close() waits for it). */
  idle(): Promise<void> {
    return this.writing;
  }
}
