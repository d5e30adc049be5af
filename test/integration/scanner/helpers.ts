/** Shared helpers for the pty-backed scanner tests. */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { ScannerEvents, ScannerReader } from '../../../main/devices/scanner/scanner-reader';

export interface Recorded {
  codes: ScannerEvents['code'][];
  frames: ScannerEvents['frame'][];
  log: string[];
}

export function record(reader: ScannerReader): Recorded {
  const rec: Recorded = { codes: [], frames: [], log: [] };
  reader.on('code', (c) => { rec.codes.push(c); rec.log.push(`code:${c.text}`); });
  reader.on('frame', (f) => rec.frames.push(f));
  reader.on('connected', () => rec.log.push('connected'));
  reader.on('disconnected', (d) => rec.log.push(`disconnected:${d.reason}`));
  reader.on('error', (e) => rec.log.push(`error:${e.message}`));
  return rec;
}

export async function waitFor(cond: () => boolean, timeoutMs = 3000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The "scanner" end of the pair: writes bytes as a scanner would. */
export class PtyWriter {
  private readonly fd: number;
  constructor(path: string) { this.fd = openSync(path, 'w'); }
  write(data: string | Buffer): void {
    const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
  }
  async writeSlowly(data: string, gapMs = 2): Promise<void> {
    for (const ch of data) { this.write(ch); await new Promise((r) => setTimeout(r, gapMs)); }
  }
  close(): void { try { closeSync(this.fd); } catch { /* pty already gone */ } }
}
