/**
 * Reads the journal files (the outbox) from a sequence number on, asynchronously and in large
 * chunks, without touching the writer: the counter's appends never wait for the sync. Each line
 * is verified (CRC) like replay does; an incomplete last line (an append in progress) is left for
 * the next read. The position (file, byte offset) is kept between reads so a steady sync reads
 * each byte once.
 */
import { join } from 'node:path';
import { checkLine, parseLine, seqFromTail } from '../journal/crc-line';
import type { JournalFs, JournalHandle } from '../journal/fs';
import { journalFiles, type JournalEntry } from '../journal/journal-file';

export interface OutboxRecord {
  seq: number;
  ts: number;
  /** Business day of the journal file the record is in (the counter's own "day"). */
  day: string;
  type: string;
  /** The verified line as written (a JSON object, its crc included). */
  json: string;
}

interface Position { name: string; offset: number; day: string }

const CHUNK = 1024 * 1024;

export class JournalTail {
  private pos: Position | null = null;
  /** Sequence of the last record handed out at `pos`. */
  private posSeq = -1;
  private readonly warned = new Set<string>();

  constructor(private readonly fs: JournalFs, private readonly dir: string, private readonly warn: (m: string) => void) {}

  private async files(): Promise<JournalEntry[]> {
    try {
      return journalFiles(await this.fs.readdir(this.dir));
    } catch {
      return [];
    }
  }

  /** First complete line's seq of a file (-1 if none yet). */
  private async firstSeq(name: string): Promise<number> {
    const h = await this.fs.open(join(this.dir, name), 'r');
    try {
      const buf = Buffer.allocUnsafe(64 * 1024);
      const n = await this.fs.read(h, buf, 0, buf.length, 0);
      const nl = buf.subarray(0, n).indexOf(10);
      return nl < 0 ? -1 : seqFromTail(buf, 0, nl);
    } finally {
      await this.fs.close(h).catch(() => undefined);
    }
  }

  /** Where to start reading for records after `afterSeq`: the last file starting at or before it. */
  private async locate(afterSeq: number, list: JournalEntry[]): Promise<Position | null> {
    let pick: JournalEntry | undefined = list[0];
    for (let i = list.length - 1; i > 0; i--) {
      const first = await this.firstSeq(list[i]!.name).catch(() => -1);
      if (first >= 0 && first <= afterSeq + 1) { pick = list[i]; break; }
    }
    return pick ? { name: pick.name, offset: 0, day: pick.day } : null;
  }

  /** The sequence of the newest record on disk (last complete line of the newest file), 0 if none. */
  async headSeq(): Promise<number> {
    const list = await this.files();
    for (let i = list.length - 1; i >= 0; i--) {
      const seq = await this.lastSeqOf(list[i]!.name).catch(() => -1);
      if (seq > 0) return seq;
    }
    return 0;
  }

  private async lastSeqOf(name: string): Promise<number> {
    const h = await this.fs.open(join(this.dir, name), 'r');
    try {
      const size = await this.fs.size(h);
      const len = Math.min(size, 256 * 1024);
      const buf = Buffer.allocUnsafe(len);
      const n = await this.fs.read(h, buf, 0, len, size - len);
      const view = buf.subarray(0, n);
      let end = view.lastIndexOf(10);
      while (end > 0) {
        const start = view.lastIndexOf(10, end - 1) + 1;
        if (start === 0 && size > len) return -1;
        if (checkLine(view, start, end) === null) return seqFromTail(view, start, end);
        end = start - 1;
      }
      return -1;
    } finally {
      await this.fs.close(h).catch(() => undefined);
    }
  }

  /**
   * Up to `max` records with afterSeq < seq ≤ upToSeq, in journal order. upToSeq is the last
   * append the journal acknowledged (fsync'ed): a line of an append that then failed and was cut
   * back is never sent.
   */
  async read(afterSeq: number, max: number, upToSeq = Number.MAX_SAFE_INTEGER): Promise<OutboxRecord[]> {
    const list = await this.files();
    if (!list.length) return [];
    if (!this.pos || this.posSeq > afterSeq) {
      // First read, or the server knows less than we handed out (rolled back): find the place again.
      this.pos = await this.locate(afterSeq, list);
      this.posSeq = -1;
      if (!this.pos) return [];
    }
    const out: OutboxRecord[] = [];
    let idx = list.findIndex((f) => f.name === this.pos!.name);
    if (idx < 0) { this.pos = null; return this.read(afterSeq, max, upToSeq); }
    while (out.length < max) {
      const atEnd = await this.readFile(this.pos, afterSeq, max, upToSeq, out);
      if (!atEnd || idx === list.length - 1) break;
      // The file is complete and a newer one exists: go on there.
      idx++;
      this.pos = { name: list[idx]!.name, offset: 0, day: list[idx]!.day };
    }
    const last = out[out.length - 1];
    if (last) this.posSeq = last.seq;
    return out;
  }

  /** Read complete lines from pos; true when the end of the file was reached. */
  private async readFile(pos: Position, afterSeq: number, max: number, upToSeq: number, out: OutboxRecord[]): Promise<boolean> {
    let h: JournalHandle;
    try {
      h = await this.fs.open(join(this.dir, pos.name), 'r');
    } catch (err) {
      throw new Error(`sync: cannot read ${pos.name}: ${String(err)}`, { cause: err });
    }
    try {
      let buf = Buffer.allocUnsafe(CHUNK);
      for (;;) {
        const n = await this.fs.read(h, buf, 0, buf.length, pos.offset);
        if (n <= 0) return true;
        const view = buf.subarray(0, n);
        let start = 0;
        let nl: number;
        let stop = false;
        while (out.length < max && (nl = view.indexOf(10, start)) !== -1) {
          if (seqFromTail(view, start, nl) > upToSeq) { stop = true; break; }
          this.take(view, start, nl, pos, afterSeq, out);
          start = nl + 1;
        }
        if (stop) { pos.offset += start; return false; }
        if (start === 0) {
          if (n < buf.length) return true; // an incomplete last line: an append in progress
          buf = Buffer.allocUnsafe(buf.length * 2); // a line longer than the buffer
          continue;
        }
        pos.offset += start;
        if (out.length >= max) return false;
      }
    } finally {
      await this.fs.close(h).catch(() => undefined);
    }
  }

  private take(buf: Buffer, start: number, end: number, pos: Position, afterSeq: number, out: OutboxRecord[]): void {
    const bad = checkLine(buf, start, end);
    const rec = bad ?? parseLine(buf, start, end);
    if (typeof rec === 'string') {
      // Replay reports corrupt lines to the engineer; the sync skips them (they are not records).
      const key = `${pos.name}:${pos.offset + start}`;
      if (!this.warned.has(key)) { this.warned.add(key); this.warn(`sync: skipping a bad journal line in ${pos.name} at byte ${pos.offset + start}: ${rec}`); }
      return;
    }
    if (rec.seq <= afterSeq) return;
    out.push({ seq: rec.seq, ts: rec.ts, day: pos.day, type: rec.type, json: buf.toString('utf8', start, end) });
  }
}
