/**
 * File/directory sink: each job becomes `<dir>/<jobId>.bin` (written to a temporary name,
 * fsync'ed, renamed). A directory that is missing or read-only is an offline printer.
 */
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { printerStatus } from '../printer-status';
import type { PrinterStatus } from '../printer-status';
import { PrinterUnavailableError } from './transport-types';
import type { PrinterTransport, WriteOutcome } from './transport-types';

export interface FileTransportOptions { dir: string; now?: () => number }

export function createFileTransport(opts: FileTransportOptions): PrinterTransport {
  const now = opts.now ?? Date.now;
  let seq = 0;
  const status = async (): Promise<PrinterStatus> => {
    try {
      const st = await fs.stat(opts.dir);
      if (!st.isDirectory()) return printerStatus('offline', `${opts.dir} is not a directory`);
      // Mode bits as well as access(): root passes access() on a read-only directory.
      if ((st.mode & 0o222) === 0) return printerStatus('offline', `${opts.dir} is read-only`);
      await fs.access(opts.dir, constants.W_OK);
      return printerStatus('ok', `file sink ${opts.dir}`);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return printerStatus('offline', code === 'ENOENT' ? `${opts.dir} does not exist` : `${opts.dir}: ${String(e)}`);
    }
  };
  return {
    name: `file:${opts.dir}`,
    status,
    write: async (bytes, meta): Promise<WriteOutcome> => {
      const st = await status();
      if (st.state !== 'ok') throw new PrinterUnavailableError(st.detail ?? st.state);
      const id = safeName(meta?.jobId ?? `print-${now()}-${++seq}`);
      const target = path.join(opts.dir, `${id}.bin`);
      const tmp = `${target}.tmp-${process.pid}`;
      const fh = await fs.open(tmp, 'w');
      try { await fh.writeFile(bytes); await fh.sync(); } finally { await fh.close(); }
      await fs.rename(tmp, target);
      return 'confirmed';
    },
    close: async () => undefined,
  };
}

function safeName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]/g, '_');
}
