/**
 * One journal file, streamed in large chunks: each newline-terminated line is verified on its raw
 * bytes (CRC), then skipped cheaply (ignored types) or parsed and handed to the sink. Bad lines are
 * collected; the last one is returned apart (a torn tail if the file is the newest). Optionally
 * hashes every byte it reads, so a snapshot's stamp covers exactly the bytes that were folded.
 */
import type { Hash } from 'node:crypto';
import { checkLine, parseLine, seqFromTail, startsWith } from './crc-line';
import type { JournalFs, JournalHandle } from './fs';
import type { JournalRecord } from './records';

export interface Sink {
  skip: Buffer[];
  deliver(rec: JournalRecord): void;
  skipped(seq: number): void;
}

export interface BadLine {
  line: number;
  start: number;
  reason: string;
}

export interface FileScan {
  size: number;
  corrupt: { file: string; line: number; reason: string }[];
  /** The last line, when it is bad (candidate torn tail). */
  tail: BadLine | null;
}

export interface Reader {
  /** Reused across files; grows (and stays grown) only for a line longer than it. */
  buf: Buffer;
}

/** A verified line: skip it cheaply when its type is ignored, else parse and deliver. */
function take(buf: Buffer, start: number, end: number, sink: Sink): string | null {
  for (const p of sink.skip) {
    if (startsWith(buf, start, end, p)) {
      const seq = seqFromTail(buf, start, end);
      if (seq >= 0) {
        sink.skipped(seq);
        return null;
      }
    }
  }
  const rec = parseLine(buf, start, end);
  if (typeof rec === 'string') return rec;
  sink.deliver(rec);
  return null;
}

/** Stream one file in large chunks; verify each newline-terminated line on its raw bytes. */
export async function scanFile(fs: JournalFs, h: JournalHandle, file: string, sink: Sink, reader: Reader, hash?: Hash): Promise<FileScan> {
  let buf = reader.buf;
  let filled = 0;
  let base = 0; // file offset of buf[0]
  let lineNo = 0;
  const corrupt: FileScan['corrupt'] = [];
  let pending: BadLine | null = null; // a bad line is "torn" only if nothing follows it

  for (;;) {
    if (filled === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, filled);
      buf = reader.buf = bigger;
    }
    const n = await fs.read(h, buf, filled, buf.length - filled, base + filled);
    if (n <= 0) break;
    hash?.update(buf.subarray(filled, filled + n));
    filled += n;
    const view = buf.subarray(0, filled);
    let start = 0;
    let nl: number;
    while ((nl = view.indexOf(10, start)) !== -1) {
      lineNo++;
      if (pending) {
        corrupt.push({ file, line: pending.line, reason: pending.reason });
        pending = null;
      }
      const reason = checkLine(view, start, nl) ?? take(view, start, nl, sink);
      if (reason !== null) pending = { line: lineNo, start: base + start, reason };
      start = nl + 1;
    }
    if (start > 0) {
      buf.copy(buf, 0, start, filled);
      base += start;
      filled -= start;
    }
  }
  const size = base + filled;
  if (filled > 0) {
    // Last line has no newline: the append never completed.
    if (pending) corrupt.push({ file, line: pending.line, reason: pending.reason });
    pending = { line: lineNo + 1, start: base, reason: 'no newline at end of file (incomplete line)' };
  }
  return { size, corrupt, tail: pending };
}
