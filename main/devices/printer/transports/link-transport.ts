/**
 * A printer transport over a bidirectional byte link (TCP socket, serial port): opens the
 * link lazily, reopens it after a failure, reads status with DLE EOT before and after a job.
 */
import { isBlocking, printerStatus } from '../printer-status';
import type { PrinterStatus } from '../printer-status';
import { StatusReader, queryStatus } from './status-reader';
import { PrinterFaultError, PrinterUnavailableError } from './transport-types';
import type { PrinterTransport, WriteOutcome } from './transport-types';

export interface Link {
  send(bytes: Uint8Array): Promise<void>;
  destroy(): void;
}

export interface LinkHandlers { onData(chunk: Uint8Array): void; onClose(err: Error): void }

export interface LinkTransportOptions {
  name: string;
  /** open the link; must reject within its own timeout */
  open(handlers: LinkHandlers): Promise<Link>;
  /** per status byte; default 500 ms */
  statusTimeoutMs?: number;
}

interface Entry { link: Link; reader: StatusReader; closed: boolean }

export function createLinkTransport(opts: LinkTransportOptions): PrinterTransport {
  const timeoutMs = opts.statusTimeoutMs ?? 500;
  let current: Entry | null = null;
  let opening: Promise<Entry> | null = null;
  let busy: Promise<unknown> = Promise.resolve();

  const ensure = async (): Promise<Entry> => {
    if (current && !current.closed) return current;
    if (opening) return opening;
    opening = (async (): Promise<Entry> => {
      const reader = new StatusReader();
      const entry: Entry = { link: undefined as unknown as Link, reader, closed: false };
      entry.link = await opts.open({
        onData: (chunk) => reader.push(chunk),
        onClose: (err) => { entry.closed = true; reader.fail(err); if (current === entry) current = null; },
      });
      current = entry;
      return entry;
    })();
    try { return await opening; } finally { opening = null; }
  };

  const sendVia = (entry: Entry) => (bytes: Buffer) => {
    if (entry.closed) return Promise.reject(new Error('link closed'));
    return entry.link.send(bytes);
  };

  /** One operation at a time: status answers must not interleave with a job. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = busy.then(fn, fn);
    busy = run.catch(() => undefined);
    return run;
  };

  const drop = (entry: Entry, err: Error) => {
    entry.closed = true;
    entry.reader.fail(err);
    if (current === entry) current = null;
    entry.link.destroy();
  };

  return {
    name: opts.name,
    status: () => serial(async (): Promise<PrinterStatus> => {
      let entry: Entry;
      try { entry = await ensure(); } catch (e) { return printerStatus('offline', errText(e)); }
      try { return await queryStatus(sendVia(entry), entry.reader, timeoutMs); } catch (e) {
        drop(entry, asError(e));
        return printerStatus('offline', errText(e));
      }
    }),
    write: (bytes) => serial(async (): Promise<WriteOutcome> => {
      let entry: Entry;
      try { entry = await ensure(); } catch (e) { throw new PrinterUnavailableError(errText(e)); }
      let after: PrinterStatus;
      try {
        await sendVia(entry)(Buffer.from(bytes));
        // The answer to a status query sent after the job proves the job's bytes arrived;
        // a link that closes meanwhile means the job may be cut short.
        after = await queryStatus(sendVia(entry), entry.reader, timeoutMs);
      } catch (e) {
        drop(entry, asError(e));
        throw e;
      }
      if (isBlocking(after.state)) throw new PrinterFaultError(after);
      return after.state === 'unknown' ? 'sent' : 'confirmed';
    }),
    close: async () => {
      await busy;
      if (current) drop(current, new Error('transport closed'));
    },
  };
}

export function asError(e: unknown): Error { return e instanceof Error ? e : new Error(String(e)); }
export function errText(e: unknown): string { return asError(e).message; }
