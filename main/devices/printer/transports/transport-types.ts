/** What the print queue needs from a way to reach a printer. */
import type { PrinterStatus } from '../printer-status';
import type { ReceiptDoc } from '../receipt-types';

/**
 * - `confirmed`: the printer's answer to a status query after the job proves it received the
 *   bytes (or the sink stored them);
 * - `sent`: the bytes left us but the printer does not answer status, so nothing is proven.
 */
export type WriteOutcome = 'confirmed' | 'sent';

/** `doc` (with its marks) is for transports that print documents, not bytes (the OS printer). */
export interface WriteMeta { jobId?: string; doc?: ReceiptDoc }

export interface PrinterTransport {
  /** e.g. "tcp://192.168.1.50:9100", for the engineer screen and logs */
  readonly name: string;
  /** Resolves once the bytes are handed over; rejects when the link fails or the printer reports a fault after the job. */
  write(bytes: Uint8Array, meta?: WriteMeta): Promise<WriteOutcome | void>;
  /** Never rejects; time-boxed (offline when the link cannot be opened, unknown when the printer does not answer). */
  status(): Promise<PrinterStatus>;
  close(): Promise<void>;
}

/** A write that reached the printer but the printer then reported a fault (paper ran out mid-job…). */
export class PrinterFaultError extends Error {
  constructor(readonly status: PrinterStatus) {
    super(`printer fault after job: ${status.state}${status.detail ? ` (${status.detail})` : ''}`);
    this.name = 'PrinterFaultError';
  }
}

/** Nothing was sent: the link could not be opened or the sink is unavailable. */
export class PrinterUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PrinterUnavailableError';
  }
}
