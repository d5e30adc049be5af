/**
 * Pure framing of scanner bytes. Serial data arrives in arbitrary chunks ("there is no guarantee
 * to how data is emitted", node-serialport#541), so frames are rebuilt here from a suffix (CR,
 * LF, CRLF) or, for scanners configured without one, from an inter-character timeout.
 */
import { systemClockTimers, type ClockTimers, type TimerHandle } from '../../shared/time';

export type Suffix = 'CR' | 'LF' | 'CRLF' | 'none';

/**
 * - `ok`: a new code (printable ASCII after trimming)
 * - `duplicate`: the same code again within `dedupeMs` (a scanner double read)
 * - `noise`: non-printable bytes, e.g. a baud-rate mismatch
 * - `overflow`: more than `maxBuffer` bytes without a suffix; dropped
 */
export type FrameStatus = 'ok' | 'duplicate' | 'noise' | 'overflow';

export interface Frame {
  status: FrameStatus;
  text: string;
  raw: Buffer;
  at: number;
}

export interface FrameParserOptions {
  suffix?: Suffix;
  /** Only for suffix 'none': a pause this long ends a frame. */
  interCharTimeoutMs?: number;
  dedupeMs?: number;
  maxBuffer?: number;
  timers?: ClockTimers;
  /** Receives frames completed by the inter-character timer (suffix 'none'). */
  onTimeoutFrames?: (frames: Frame[]) => void;
}

export interface FrameParser {
  /** Feeds a chunk; returns the frames it completed (in order). */
  push(chunk: Buffer): Frame[];
  /** Drops a partial frame (e.g. after a disconnect: half a code is never a code). */
  reset(): void;
  /** Stops the inter-character timer. */
  dispose(): void;
}

const CR = 0x0d;
const LF = 0x0a;
const DEDUPE_MEMORY = 64; // distinct recent codes remembered; bounds memory under bursts

export function createFrameParser(opts: FrameParserOptions = {}): FrameParser {
  const suffix = opts.suffix ?? 'CR';
  const interCharMs = opts.interCharTimeoutMs ?? 50;
  const dedupeMs = opts.dedupeMs ?? 1500;
  const maxBuffer = opts.maxBuffer ?? 256;
  const timers = opts.timers ?? systemClockTimers;
  const recent = new Map<string, number>(); // code → time it was last accepted

  // Fixed buffer: chunks are copied in, so one huge read cannot grow memory.
  const buf = Buffer.alloc(maxBuffer);
  let len = 0;
  let overflowing = false; // inside a run of garbage that already overflowed
  let timer: TimerHandle | undefined;

  /** Completes the frame in buf[0, len); works on bytes so a frame costs few allocations. */
  function finish(out: Frame[]): void {
    const at = timers.now();
    const n = len;
    let start = 0;
    let end = n;
    len = 0;
    if (overflowing) { overflowing = false; return; } // tail of an already reported overflow
    while (start < end && isBlank(buf[start] as number)) start++;
    while (end > start && isBlank(buf[end - 1] as number)) end--;
    if (start === end) return; // empty frame, e.g. the LF of a CRLF in CR mode
    const raw = Buffer.from(buf.subarray(0, n)); // untrimmed, for the hex monitor
    const text = buf.toString('latin1', start, end);
    for (let i = start; i < end; i++) {
      const b = buf[i] as number;
      if (b < 0x20 || b > 0x7e) { out.push({ status: 'noise', text, raw, at }); return; }
    }
    const last = recent.get(text);
    if (last !== undefined && at - last < dedupeMs) { out.push({ status: 'duplicate', text, raw, at }); return; }
    recent.delete(text);
    recent.set(text, at);
    if (recent.size > DEDUPE_MEMORY) recent.delete(recent.keys().next().value as string);
    out.push({ status: 'ok', text, raw, at });
  }

  function append(byte: number, out: Frame[]): void {
    if (len === maxBuffer) {
      if (!overflowing) out.push({ status: 'overflow', text: '', raw: Buffer.from(buf), at: timers.now() });
      overflowing = true;
      len = 0;
    }
    buf[len++] = byte;
  }

  function isEnd(byte: number): boolean {
    if (suffix === 'CR') return byte === CR;
    if (suffix === 'LF') return byte === LF;
    return byte === LF && len > 0 && buf[len - 1] === CR; // CRLF: LF right after CR
  }

  function armTimer(): void {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      const out: Frame[] = [];
      if (len > 0) finish(out);
      else overflowing = false;
      if (out.length > 0) opts.onTimeoutFrames?.(out);
    }, interCharMs);
  }

  return {
    push(chunk) {
      const out: Frame[] = [];
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i] as number;
        if (suffix !== 'none' && isEnd(byte)) {
          if (suffix === 'CRLF') len--; // drop the CR already stored
          finish(out);
        } else {
          append(byte, out);
        }
      }
      if (suffix === 'none' && chunk.length > 0) armTimer();
      return out;
    },
    reset() {
      len = 0;
      overflowing = false;
    },
    dispose() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      len = 0;
    },
  };
}

/** Whitespace and control bytes (C0, DEL, C1, NBSP) are trimmed: scanners add STX/ETX etc. */
function isBlank(b: number): boolean {
  return b <= 0x20 || (b >= 0x7f && b <= 0xa0);
}
