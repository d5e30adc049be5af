/** Network printer on a raw TCP port (usually 9100). */
import net from 'node:net';
import { createLinkTransport } from './link-transport';
import type { Link, LinkHandlers } from './link-transport';
import type { PrinterTransport } from './transport-types';

export interface TcpTransportOptions {
  host: string;
  port: number;
  connectTimeoutMs?: number;
  statusTimeoutMs?: number;
}

export function createTcpTransport(opts: TcpTransportOptions): PrinterTransport {
  return createLinkTransport({
    name: `tcp://${opts.host}:${opts.port}`,
    statusTimeoutMs: opts.statusTimeoutMs,
    open: (h) => connectTcp(opts.host, opts.port, opts.connectTimeoutMs ?? 2000, h),
  });
}

function connectTcp(host: string, port: number, timeoutMs: number, h: LinkHandlers): Promise<Link> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host, port });
    socket.setNoDelay(true);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`connect to ${host}:${port} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('error', (err) => { clearTimeout(timer); reject(err); });
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      let lastError: Error | null = null;
      socket.on('data', (d) => h.onData(d));
      socket.on('error', (err) => { lastError = err; });
      socket.on('close', () => h.onClose(lastError ?? new Error('printer closed the connection')));
      resolve({
        send: (bytes) => new Promise<void>((res, rej) => {
          if (socket.destroyed || !socket.writable) { rej(lastError ?? new Error('connection closed')); return; }
          socket.write(bytes, (err) => (err ? rej(err) : res()));
        }),
        destroy: () => socket.destroy(),
      });
    });
  });
}
