/**
 * One journal line: `{...body,"seq":N,"ts":T,"crc":"xxxxxxxx"}\n`.
 * The CRC-32 (lowercase hex, 8 chars) covers the exact UTF-8 bytes of the line up to, not
 * including, the trailing `,"crc":"xxxxxxxx"}`. Verification works on the raw bytes, never on a
 * re-serialization, so any flipped or missing byte is caught.
 */
import type { JournalRecord } from './records';

/**
 * CRC-32 (IEEE, same value as zlib.crc32), slicing-by-8 over a byte range. For lines of a few
 * hundred bytes this beats zlib.crc32(buf.subarray(…)), whose per-call cost dominates.
 */
const T = new Int32Array(256 * 8);
for (let n = 0; n < 256; n++) {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  T[n] = c;
}
for (let n = 0; n < 256; n++) {
  let c = T[n]!;
  for (let k = 1; k < 8; k++) {
    c = T[c & 0xff]! ^ (c >>> 8);
    T[k * 256 + n] = c;
  }
}

export function crc32Range(buf: Uint8Array, start: number, end: number): number {
  let c = -1;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    const a = c ^ (buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24));
    c = T[1792 + (a & 0xff)]! ^ T[1536 + ((a >>> 8) & 0xff)]! ^ T[1280 + ((a >>> 16) & 0xff)]! ^ T[1024 + (a >>> 24)]!
      ^ T[768 + buf[i + 4]!]! ^ T[512 + buf[i + 5]!]! ^ T[256 + buf[i + 6]!]! ^ T[buf[i + 7]!]!;
  }
  for (; i < end; i++) c = T[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** `,"crc":"` + 8 hex + `"}` */
export const CRC_SUFFIX_LEN = 18;
const CRC_PREFIX = ',"crc":"';
const CRC_PREFIX_BYTES = Buffer.from(CRC_PREFIX, 'latin1');
const NEWLINE = 0x0a;

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/** Encode a record as one line (including the trailing newline). */
export function encodeLine(rec: JournalRecord): Buffer {
  const json = JSON.stringify(rec);
  // JSON.stringify of an object always ends with '}'; the crc goes in front of it.
  const head = Buffer.from(json.slice(0, -1), 'utf8');
  const tail = Buffer.from(`${CRC_PREFIX}${hex8(crc32Range(head, 0, head.length))}"}\n`, 'latin1');
  return Buffer.concat([head, tail], head.length + tail.length);
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

/**
 * Check the line buf[start..end) (end excludes the newline). Returns null when the checksum
 * matches, otherwise the reason it does not.
 */
export function checkLine(buf: Buffer, start: number, end: number): string | null {
  const len = end - start;
  if (len === 0) return 'empty line';
  if (len <= CRC_SUFFIX_LEN) return 'line too short';
  const sfx = end - CRC_SUFFIX_LEN;
  for (let i = 0; i < CRC_PREFIX_BYTES.length; i++) {
    if (buf[sfx + i] !== CRC_PREFIX_BYTES[i]) return 'missing crc field';
  }
  if (buf[end - 2] !== 0x22 || buf[end - 1] !== 0x7d) return 'missing crc field';
  let want = 0;
  for (let i = sfx + CRC_PREFIX_BYTES.length; i < end - 2; i++) {
    const d = hexDigit(buf[i] ?? 0);
    if (d < 0) return 'malformed crc';
    want = want * 16 + d;
  }
  const got = crc32Range(buf, start, sfx);
  return got === want ? null : `crc mismatch (stored ${hex8(want)}, computed ${hex8(got)})`;
}

/** `{"type":"X",` — the bytes every line of type X starts with (encodeLine keeps body key order). */
export function typePrefix(type: string): Buffer {
  return Buffer.from(`{"type":${JSON.stringify(type)},`, 'utf8');
}

/** Does buf[start..) start with prefix? */
export function startsWith(buf: Buffer, start: number, end: number, prefix: Buffer): boolean {
  if (end - start < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buf[start + i] !== prefix[i]) return false;
  return true;
}

const SEQ_KEY = Buffer.from(',"seq":', 'latin1');
const TS_KEY = Buffer.from(',"ts":', 'latin1');

/**
 * Read `seq` from the end of a verified line (`…,"seq":N,"ts":T,"crc":"…"}`) without parsing the
 * JSON; -1 when the line does not have that shape.
 */
export function seqFromTail(buf: Buffer, start: number, end: number): number {
  let i = end - CRC_SUFFIX_LEN - 1;
  while (i > start && (buf[i] ?? 0) >= 0x30 && (buf[i] ?? 0) <= 0x39) i--;
  i -= TS_KEY.length - 1;
  if (i <= start || !startsWith(buf, i, end, TS_KEY)) return -1;
  const seqEnd = i;
  i--;
  while (i > start && (buf[i] ?? 0) >= 0x30 && (buf[i] ?? 0) <= 0x39) i--;
  const seqStart = i + 1;
  i -= SEQ_KEY.length - 1;
  if (seqStart === seqEnd || seqEnd - seqStart > 15 || i <= start || !startsWith(buf, i, end, SEQ_KEY)) return -1;
  let n = 0;
  for (let k = seqStart; k < seqEnd; k++) n = n * 10 + (buf[k]! - 0x30);
  return n;
}

/** Parse a verified line into a record; returns a reason string when it is not a record. */
export function parseLine(buf: Buffer, start: number, end: number): JournalRecord | string {
  let v: unknown;
  try {
    v = JSON.parse(buf.toString('utf8', start, end));
  } catch {
    return 'unparsable JSON';
  }
  if (!v || typeof v !== 'object') return 'not an object';
  const r = v as { type?: unknown; seq?: unknown; ts?: unknown };
  if (typeof r.type !== 'string') return 'missing type';
  if (typeof r.seq !== 'number' || !Number.isSafeInteger(r.seq)) return 'missing seq';
  if (typeof r.ts !== 'number' || !Number.isFinite(r.ts)) return 'missing ts';
  return v as JournalRecord;
}

/** Verify and parse in one go (tests, tools). */
export function decodeLine(line: Buffer | string): JournalRecord | string {
  let buf = typeof line === 'string' ? Buffer.from(line, 'utf8') : line;
  if (buf.length > 0 && buf[buf.length - 1] === NEWLINE) buf = buf.subarray(0, buf.length - 1);
  return checkLine(buf, 0, buf.length) ?? parseLine(buf, 0, buf.length);
}
