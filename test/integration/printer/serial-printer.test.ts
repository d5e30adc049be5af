import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SerialPort } from 'serialport';
import { afterEach, describe, it } from 'vitest';
import { expect } from '../../support/zh-expect';
import { encodeReceipt } from '../../../main/devices/printer/escpos-encoder';
import { createPrintQueue } from '../../../main/devices/printer/print-queue';
import { layoutReceipt } from '../../../main/devices/printer/receipt-layout';
import { createSerialTransport } from '../../../main/devices/printer/transports/serial-transport';
import { openPtyPair, ptySkipReason } from '../../support/pty-pair';
import { GS_CUT_PARTIAL, SALE, countSeq, printedText, qrPayloads } from '../../unit/main/devices/printer/fixtures';
import { PrinterPeer, waitFor } from './fake-printer';
import type { PeerOptions } from './fake-printer';

const skip = ptySkipReason();
if (skip) console.warn(`[printer serial tests skipped] ${skip}`);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()!(); });

/** socat pty pair: the app opens `a` as its printer port; a PrinterPeer answers on `b`. */
async function serialPrinter(opts: PeerOptions) {
  const pair = await openPtyPair();
  cleanups.push(() => pair.close());
  const far = new SerialPort({ path: pair.b, baudRate: 115200, autoOpen: false });
  await new Promise<void>((res, rej) => far.open((e) => (e ? rej(e) : res())));
  cleanups.push(() => new Promise<void>((r) => (far.isOpen ? far.close(() => r()) : r())));
  const peer = new PrinterPeer((b) => far.write(b), opts);
  far.on('data', (d: Buffer) => peer.feed(d));
  const transport = createSerialTransport({ path: pair.a, baudRate: 115200 });
  cleanups.push(() => transport.close());
  return { pair, peer, transport };
}

describe.skipIf(skip)('serial printer over a socat pty pair', () => {
  it('status answered by the printer; the receipt bytes arrive intact', async () => {
    const { peer, transport } = await serialPrinter({ answerStatus: true });
    expect(await transport.status()).toMatchObject({ state: 'ok' });
    const bytes = encodeReceipt(layoutReceipt(SALE, 32), { width: 32 });
    expect(await transport.write(bytes, { jobId: 'j1' })).toBe('confirmed');
    await waitFor(() => peer.printed.length >= bytes.length, 3000, 'bytes');
    expect(peer.printed.equals(bytes)).toBe(true);
    expect(qrPayloads(peer.printed)).toEqual(['7894259244096188']);
  });

  it('a printer that never answers: status unknown in ≤ 500 ms, the queue still prints', async () => {
    const { peer, transport } = await serialPrinter({ answerStatus: false });
    const t0 = Date.now();
    expect(await transport.status()).toMatchObject({ state: 'unknown', message: '打印机状态未知' });
    expect(Date.now() - t0).toBeLessThan(700);
    const dir = mkdtempSync(path.join(tmpdir(), 'yima-serialq-'));
    const queue = await createPrintQueue({ dir, transport, clock: { now: () => Date.now() }, width: 32, backoff: { baseMs: 50, maxMs: 200 } });
    cleanups.push(() => queue.close());
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await waitFor(() => queue.jobs()[0]?.state === 'done', 5000, 'job done');
    expect(queue.jobs()[0]).toMatchObject({ result: 'sent' });
    expect(countSeq(peer.printed, GS_CUT_PARTIAL)).toBe(1);
    expect(printedText(peer.printed)).toContain('1345**********6789');
  });

  it('paper out over serial: held with 打印机缺纸, one copy after the refill', async () => {
    const { peer, transport } = await serialPrinter({ answerStatus: true, state: 'paper_out' });
    const dir = mkdtempSync(path.join(tmpdir(), 'yima-serialq-'));
    const queue = await createPrintQueue({ dir, transport, clock: { now: () => Date.now() }, width: 32, backoff: { baseMs: 50, maxMs: 200 } });
    cleanups.push(() => queue.close());
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await waitFor(() => queue.status().state === 'paper_out', 3000, 'paper out');
    expect(queue.status().message).toBe('打印机缺纸');
    await new Promise((r) => setTimeout(r, 300));
    expect(peer.printed.length).toBe(0);
    peer.opts.state = 'ok';
    queue.retryNow();
    await waitFor(() => queue.jobs()[0]?.state === 'done', 5000, 'job done');
    await new Promise((r) => setTimeout(r, 200));
    expect(countSeq(peer.printed, GS_CUT_PARTIAL)).toBe(1);
  });
});
