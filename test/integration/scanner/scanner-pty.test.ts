import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createScannerReader, type ScannerReader, type ScannerReaderOptions } from '../../../main/devices/scanner/scanner-reader';
import { makeTmpDir, openPtyPair, ptySkipReason, type PtyPair } from '../../support/pty-pair';
import { PtyWriter, record, waitFor } from './helpers';

const skip = ptySkipReason();
if (skip) console.warn(`[scanner pty tests] skipped: ${skip}`);

const WX = '134567890123456789';

describe.skipIf(skip !== undefined)('scanner reader on a real pty pair', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  async function setup(opts: Partial<ScannerReaderOptions> = {}) {
    const pair = await openPtyPair();
    cleanups.push(() => pair.close());
    const reader = createScannerReader({ path: pair.a, ...opts });
    cleanups.push(() => reader.stop());
    const rec = record(reader);
    reader.start();
    await waitFor(() => rec.log.includes('connected'), 3000, 'connected');
    const writer = new PtyWriter(pair.b);
    cleanups.push(() => writer.close());
    return { pair, reader, rec, writer };
  }

  it('reads a WeChat code ending in CR', async () => {
    const { rec, writer, reader } = await setup();
    writer.write(`${WX}\r`);
    await waitFor(() => rec.codes.length === 1);
    expect(rec.codes[0]?.text).toBe(WX);
    expect(rec.codes[0]?.raw.toString()).toBe(WX);
    expect(reader.status()).toMatchObject({ state: 'connected', codes: 1 });
  });

  it('joins a code written one byte at a time', async () => {
    const { rec, writer } = await setup();
    await writer.writeSlowly(`${WX}\r`);
    await waitFor(() => rec.codes.length === 1);
    expect(rec.codes.map((c) => c.text)).toEqual([WX]);
  });

  it.each([
    ['CR', '\r'], ['LF', '\n'], ['CRLF', '\r\n'],
  ] as const)('suffix %s', async (suffix, end) => {
    const { rec, writer } = await setup({ suffix });
    writer.write(`${WX}${end}284567890123456789${end}`);
    await waitFor(() => rec.codes.length === 2);
    expect(rec.codes.map((c) => c.text)).toEqual([WX, '284567890123456789']);
  });

  it('noise bytes (baud mismatch) emit no code but are reported as frames', async () => {
    const { rec, writer } = await setup();
    const noise = Buffer.from(Array.from({ length: 40 }, (_, i) => 0x80 + ((i * 37) % 0x7f)));
    writer.write(Buffer.concat([noise, Buffer.from('\r')]));
    writer.write(Buffer.alloc(300, 0xfe)); // no suffix at all: overflow
    await waitFor(() => rec.frames.length === 2);
    expect(rec.frames.map((f) => f.status)).toEqual(['noise', 'overflow']);
    expect(rec.frames[0]?.hex).toBe(noise.toString('hex'));
    expect(rec.codes).toEqual([]);
    writer.write(`\r${WX}\r`); // recovers after the garbage
    await waitFor(() => rec.codes.length === 1);
  });

  it('100 codes in one burst → exactly 100 code events, in order', async () => {
    const { rec, writer } = await setup();
    const codes = Array.from({ length: 100 }, (_, i) => `13${String(i).padStart(16, '0')}`);
    writer.write(codes.map((c) => `${c}\r`).join(''));
    await waitFor(() => rec.codes.length >= 100);
    await new Promise((r) => setTimeout(r, 50));
    expect(rec.codes.map((c) => c.text)).toEqual(codes);
  });

  it('drops the same code scanned twice within the window', async () => {
    const { rec, writer } = await setup();
    writer.write(`${WX}\r`);
    await waitFor(() => rec.codes.length === 1);
    writer.write(`${WX}\r`);
    await waitFor(() => rec.frames.length === 2);
    expect(rec.frames.map((f) => f.status)).toEqual(['ok', 'duplicate']);
    expect(rec.codes).toHaveLength(1);
  });

  it('pty removed and recreated → disconnected, then connected within 2 s, then reads', async () => {
    const dir = makeTmpDir();
    const links = { dir, a: `${dir}/a`, b: `${dir}/b` };
    let pair: PtyPair = await openPtyPair(links);
    const reader: ScannerReader = createScannerReader({ path: pair.a });
    const rec = record(reader);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => reader.stop(), () => pair.close());
    reader.start();
    await waitFor(() => rec.log.includes('connected'));
    let writer = new PtyWriter(pair.b);
    writer.write(`${WX}\r`);
    await waitFor(() => rec.codes.length === 1);
    writer.close();

    await pair.close(); // unplug
    await waitFor(() => rec.log.some((l) => l.startsWith('disconnected')), 2000, 'disconnected');
    expect(reader.status().state).not.toBe('connected');
    await new Promise((r) => setTimeout(r, 1200)); // stay unplugged long enough for backoff to reach its cap

    pair = await openPtyPair(links); // replug on the same path
    const replugged = Date.now();
    await waitFor(() => rec.log.filter((l) => l === 'connected').length === 2, 2000, 'reconnect within 2 s');
    expect(Date.now() - replugged).toBeLessThan(2000);
    writer = new PtyWriter(pair.b);
    cleanups.push(() => writer.close());
    writer.write('284567890123456789\r');
    await waitFor(() => rec.codes.length === 2);
    expect(rec.log.filter((l) => !l.startsWith('error'))).toEqual([
      'connected', `code:${WX}`, expect.stringMatching(/^disconnected:/), 'connected', 'code:284567890123456789',
    ]);
  });
});
