import { mkdtempSync, readFileSync, readdirSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { expect } from '../../../../support/zh-expect';
import { createFileTransport } from '../../../../../main/devices/printer/transports/file-transport';
import { createNullTransport } from '../../../../../main/devices/printer/transports/null-transport';
import { createTcpTransport } from '../../../../../main/devices/printer/transports/tcp-transport';
import { PrinterUnavailableError } from '../../../../../main/devices/printer/transports/transport-types';
import { formatPrinterSpec, parsePrinterSpec } from '../../../../../main/devices/printer/transports/printer-spec';

describe('parsePrinterSpec', () => {
  it('parses the three start flags and none', () => {
    expect(parsePrinterSpec('file:/tmp/receipts')).toEqual({ kind: 'file', dir: '/tmp/receipts' });
    expect(parsePrinterSpec('tcp://192.168.1.50:9100')).toEqual({ kind: 'tcp', host: '192.168.1.50', port: 9100 });
    expect(parsePrinterSpec('tcp://printer.local')).toEqual({ kind: 'tcp', host: 'printer.local', port: 9100 });
    expect(parsePrinterSpec('tcp://[::1]:9101')).toEqual({ kind: 'tcp', host: '::1', port: 9101 });
    expect(parsePrinterSpec('serial:/dev/ttyS0')).toEqual({ kind: 'serial', path: '/dev/ttyS0', baudRate: 9600 });
    expect(parsePrinterSpec('serial:/dev/ttyUSB0:115200')).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 115200 });
    expect(parsePrinterSpec('serial:COM3:19200')).toEqual({ kind: 'serial', path: 'COM3', baudRate: 19200 });
    expect(parsePrinterSpec('none')).toEqual({ kind: 'none' });
    expect(formatPrinterSpec(parsePrinterSpec('serial:/dev/ttyS0'))).toBe('serial:/dev/ttyS0:9600');
  });
  it.each([
    ['', /empty/], ['lpt1', /unknown scheme/], ['file:', /needs a directory/], ['tcp://', /HOST/],
    ['tcp://host:99999', /out of range/], ['serial:ttyS0', /not a serial port path/], ['serial:/dev/ttyS0:12', /baud rate 12/],
  ])('rejects %j with a clear message', (spec, why) => {
    expect(() => parsePrinterSpec(spec)).toThrow(why);
    expect(() => parsePrinterSpec(spec)).toThrow(/expected file:DIR, tcp:\/\/HOST:9100, serial:\/dev\/ttyS0\[:BAUD\]/);
  });
});

describe('file transport', () => {
  it('writes each job as <dir>/<jobId>.bin', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yima-file-printer-'));
    const t = createFileTransport({ dir });
    expect((await t.status()).state).toBe('ok');
    expect(await t.write(Buffer.from([1, 2, 3]), { jobId: 'job-1' })).toBe('confirmed');
    expect([...readFileSync(path.join(dir, 'job-1.bin'))]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['job-1.bin']);
  });
  it('a missing or read-only directory is an offline printer', async () => {
    const missing = createFileTransport({ dir: path.join(tmpdir(), 'yima-no-such-dir-' + process.pid) });
    expect(await missing.status()).toMatchObject({ state: 'offline', message: '打印机离线' });
    await expect(missing.write(Buffer.from('x'))).rejects.toBeInstanceOf(PrinterUnavailableError);
    const dir = mkdtempSync(path.join(tmpdir(), 'yima-ro-printer-'));
    chmodSync(dir, 0o555);
    try {
      const ro = createFileTransport({ dir });
      expect((await ro.status()).state).toBe('offline');
      await expect(ro.write(Buffer.from('x'), { jobId: 'a' })).rejects.toThrow(/read-only/);
    } finally { chmodSync(dir, 0o755); }
  });
});

describe('null and unreachable transports', () => {
  it('null transport accepts and discards', async () => {
    const t = createNullTransport();
    expect((await t.status()).state).toBe('ok');
    await expect(t.write(Buffer.from('x'))).resolves.toBe('sent');
  });
  it('TCP with nobody listening is offline, quickly, and write says nothing was sent', async () => {
    const t = createTcpTransport({ host: '127.0.0.1', port: 1, connectTimeoutMs: 2000 });
    const started = Date.now();
    expect((await t.status()).state).toBe('offline');
    expect(Date.now() - started).toBeLessThan(2500);
    await expect(t.write(Buffer.from('x'))).rejects.toBeInstanceOf(PrinterUnavailableError);
    await t.close();
  });
});
