/**
 * Reads ESC/POS real-time status answers from a bidirectional link: bytes that are not
 * status bytes are skipped; a wait ends with the byte, with `undefined` on timeout (a printer
 * that does not answer) or with an error when the link closes.
 */
import { DLE_EOT, decodeStatusBytes, isStatusByte, printerStatus } from '../printer-status';
import type { PrinterStatus } from '../printer-status';

interface Waiter { resolve: (b: number | undefined) => void; reject: (e: Error) => void; timer: ReturnType<typeof setTimeout> }

export class StatusReader {
  private buffered: number[] = [];
  private waiter: Waiter | null = null;
  private failure: Error | null = null;

  push(chunk: Uint8Array): void {
    for (const b of chunk) if (isStatusByte(b)) this.buffered.push(b);
    this.flush();
  }

  /** The link is gone: any wait (and every later wait) fails. */
  fail(err: Error): void {
    this.failure = err;
    const w = this.waiter;
    if (w) { this.waiter = null; clearTimeout(w.timer); w.reject(err); }
  }

  clear(): void { this.buffered = []; }

  next(timeoutMs: number): Promise<number | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.waiter) return Promise.reject(new Error('status read already in progress'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.waiter = null; resolve(undefined); }, timeoutMs);
      this.waiter = { resolve, reject, timer };
      this.flush();
    });
  }

  private flush(): void {
    const w = this.waiter;
    if (!w || this.buffered.length === 0) return;
    this.waiter = null;
    clearTimeout(w.timer);
    w.resolve(this.buffered.shift());
  }
}

/**
 * DLE EOT 1, then (if answered) 2 and 4. Rejects only when the link fails; a printer that
 * does not answer within `timeoutMs` gives "unknown".
 */
export async function queryStatus(
  send: (bytes: Buffer) => Promise<void>, reader: StatusReader, timeoutMs: number,
): Promise<PrinterStatus> {
  reader.clear();
  await send(DLE_EOT(1));
  const printer = await reader.next(timeoutMs);
  if (printer === undefined) return printerStatus('unknown', `no answer to DLE EOT within ${timeoutMs} ms`);
  await send(DLE_EOT(2));
  const cause = await reader.next(timeoutMs);
  await send(DLE_EOT(4));
  const paper = await reader.next(timeoutMs);
  return decodeStatusBytes({ printer, cause, paper });
}
