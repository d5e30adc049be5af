/**
 * Printer start flags: `file:DIR`, `tcp://HOST:9100`, `serial:/dev/ttyS0[:BAUD]` (COM3 on
 * Windows), `os` / `os:PRINTER NAME` (the OS printer, Electron only), or `none`. parsePrinterSpec throws an Error whose message says what was expected.
 */
import { createFileTransport } from './file-transport';
import { createNullTransport } from './null-transport';
import { createSerialTransport } from './serial-transport';
import { createTcpTransport } from './tcp-transport';
import { createOsTransport, type OsPrinting } from './os-transport';
import type { ReceiptWidth } from '../receipt-types';
import type { PrinterTransport } from './transport-types';

export type PrinterSpec =
  | { kind: 'file'; dir: string }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'os'; printerName?: string }
  | { kind: 'none' };

export const DEFAULT_SERIAL_BAUD = 9600;
const USAGE = 'expected file:DIR, tcp://HOST:9100, serial:/dev/ttyS0[:BAUD], os[:PRINTER NAME] or none';

export function parsePrinterSpec(spec: string): PrinterSpec {
  const s = spec.trim();
  const bad = (why: string) => new Error(`Invalid printer "${spec}": ${why} (${USAGE})`);
  if (s === '') throw bad('empty');
  if (s === 'none' || s === 'null') return { kind: 'none' };
  if (s === 'os') return { kind: 'os' };
  if (s.startsWith('os:')) {
    const printerName = s.slice('os:'.length).trim();
    return printerName ? { kind: 'os', printerName } : { kind: 'os' };
  }
  if (s.startsWith('file:')) {
    const dir = s.slice('file:'.length);
    if (dir === '') throw bad('file: needs a directory');
    return { kind: 'file', dir };
  }
  if (s.startsWith('tcp://')) {
    const m = /^tcp:\/\/(\[[^\]]+\]|[^:/\s]+)(?::(\d+))?\/?$/.exec(s);
    if (!m || !m[1]) throw bad('tcp:// needs HOST or HOST:PORT');
    const port = m[2] === undefined ? 9100 : Number(m[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw bad(`port ${m[2]} is out of range 1-65535`);
    return { kind: 'tcp', host: m[1].replace(/^\[|\]$/g, ''), port };
  }
  if (s.startsWith('serial:')) {
    const rest = s.slice('serial:'.length);
    const m = /^(.+?)(?::(\d+))?$/.exec(rest);
    if (!m || !m[1]) throw bad('serial: needs a port path such as /dev/ttyS0 or COM3');
    const path = m[1];
    if (!/^(\/|COM\d+$|\\\\\.\\)/i.test(path)) throw bad(`"${path}" is not a serial port path (/dev/… or COMn)`);
    const baudRate = m[2] === undefined ? DEFAULT_SERIAL_BAUD : Number(m[2]);
    if (!Number.isInteger(baudRate) || baudRate < 300 || baudRate > 4_000_000) throw bad(`baud rate ${m[2]} is not valid`);
    return { kind: 'serial', path, baudRate };
  }
  throw bad('unknown scheme');
}

export function formatPrinterSpec(spec: PrinterSpec): string {
  switch (spec.kind) {
    case 'file': return `file:${spec.dir}`;
    case 'tcp': return `tcp://${spec.host.includes(':') ? `[${spec.host}]` : spec.host}:${spec.port}`;
    case 'serial': return `serial:${spec.path}:${spec.baudRate}`;
    case 'os': return spec.printerName ? `os:${spec.printerName}` : 'os';
    case 'none': return 'none';
  }
}

/** `os` is what the Electron build offers for the OS printer; without it `os` reports why it cannot print. */
export function createTransport(spec: PrinterSpec, env: { os?: OsPrinting; width?: ReceiptWidth } = {}): PrinterTransport {
  switch (spec.kind) {
    case 'os': return createOsTransport({ printerName: spec.printerName, width: env.width ?? 32, os: env.os });
    case 'file': return createFileTransport({ dir: spec.dir });
    case 'tcp': return createTcpTransport({ host: spec.host, port: spec.port });
    case 'serial': return createSerialTransport({ path: spec.path, baudRate: spec.baudRate });
    case 'none': return createNullTransport();
  }
}
