/**
 * Printer on a serial port (RS-232, USB-serial, or a pty in tests). `serialport` (a native
 * binding) is loaded when a serial printer is first opened, not at every start.
 */
import { createLinkTransport } from './link-transport';
import type { Link, LinkHandlers } from './link-transport';
import type { PrinterTransport } from './transport-types';

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
  openTimeoutMs?: number;
  statusTimeoutMs?: number;
}

export function createSerialTransport(opts: SerialTransportOptions): PrinterTransport {
  return createLinkTransport({
    name: `serial:${opts.path}:${opts.baudRate}`,
    statusTimeoutMs: opts.statusTimeoutMs,
    open: (h) => openSerial(opts.path, opts.baudRate, opts.openTimeoutMs ?? 2000, h),
  });
}

async function openSerial(path: string, baudRate: number, timeoutMs: number, h: LinkHandlers): Promise<Link> {
  const { SerialPort } = await import('serialport');
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      if (port.isOpen) port.close(() => undefined);
      reject(new Error(`opening ${path} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    port.open((err) => {
      clearTimeout(timer);
      if (settled) { if (!err) port.close(() => undefined); return; }
      settled = true;
      if (err) { reject(err); return; }
      let lastError: Error | null = null;
      port.on('data', (d: Buffer) => h.onData(d));
      port.on('error', (e: Error) => { lastError = e; });
      port.on('close', () => h.onClose(lastError ?? new Error(`${path} closed`)));
      resolve({
        send: (bytes) => new Promise<void>((res, rej) => {
          if (!port.isOpen) { rej(lastError ?? new Error(`${path} is not open`)); return; }
          port.write(Buffer.from(bytes), (e) => {
            if (e) { rej(e); return; }
            port.drain((e2) => (e2 ? rej(e2) : res()));
          });
        }),
        destroy: () => { if (port.isOpen) port.close(() => undefined); },
      });
    });
  });
}
