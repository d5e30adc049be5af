import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPrintQueue } from '../../../main/devices/printer/print-queue';
import type { PrintQueue, QueueStatus } from '../../../main/devices/printer/print-queue';
import { createTcpTransport } from '../../../main/devices/printer/transports/tcp-transport';
import { GS_CUT_PARTIAL, SALE, countSeq, printedText, qrPayloads } from '../../unit/main/devices/printer/fixtures';
import { startNetworkPrinter, waitFor } from './fake-printer';
import type { FakeNetworkPrinter } from './fake-printer';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { while (cleanups.length) await cleanups.pop()!(); });

async function printer(opts: Parameters<typeof startNetworkPrinter>[0]): Promise<FakeNetworkPrinter> {
  const p = await startNetworkPrinter(opts);
  cleanups.push(() => p.close());
  return p;
}

async function queueFor(port: number, dir = mkdtempSync(path.join(tmpdir(), 'yima-tcpq-'))): Promise<{ queue: PrintQueue; statuses: QueueStatus[]; dir: string }> {
  const queue = await createPrintQueue({
    dir, transport: createTcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 2000 }),
    clock: { now: () => Date.now() }, backoff: { initialMs: 50, maxMs: 200 },
  });
  const statuses: QueueStatus[] = [];
  queue.onStatus((s) => statuses.push(s));
  cleanups.push(() => queue.close());
  return { queue, statuses, dir };
}

const allPrinted = (p: FakeNetworkPrinter) => Buffer.concat(p.peers.map((x) => x.printed));
const cuts = (p: FakeNetworkPrinter) => countSeq(allPrinted(p), GS_CUT_PARTIAL);

describe('network printer over TCP (127.0.0.1)', () => {
  it('a printer that answers status: ok, one receipt with native QR arrives', async () => {
    const p = await printer({ answerStatus: true });
    const { queue } = await queueFor(p.port);
    const events: unknown[] = [];
    queue.onJob((e) => events.push(e));
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await waitFor(() => events.length > 0, 5000, 'job event');
    expect(events[0]).toMatchObject({ type: 'printed', result: 'confirmed' });
    expect(queue.status()).toMatchObject({ state: 'ok', pending: 0 });
    const bytes = allPrinted(p);
    expect(cuts(p)).toBe(1);
    expect(qrPayloads(bytes)).toEqual(['7894259244096188']);
    expect(printedText(bytes)).toContain('微信支付');
  });

  it('a printer that never answers status: status unknown within 500 ms, still printed', async () => {
    const p = await printer({ answerStatus: false });
    const { queue, statuses } = await queueFor(p.port);
    const started = Date.now();
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await waitFor(() => cuts(p) === 1, 5000, 'receipt');
    expect(Date.now() - started).toBeLessThan(2000);
    await queue.idle();
    expect(statuses.some((s) => s.state === 'unknown' && s.message.code === 'printer.unknown')).toBe(true);
    expect(queue.jobs()[0]).toMatchObject({ state: 'done', result: 'sent' });
    expect(printedText(allPrinted(p))).toContain('￥12.30');
  });

  it('a printer that closes the connection mid-job: retried, exactly one full receipt, marked 重打印', async () => {
    const p = await printer({ answerStatus: false, closeFirstConnectionAfter: 300 });
    const { queue } = await queueFor(p.port);
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await waitFor(() => queue.jobs()[0]?.state === 'done', 8000, 'job done');
    expect(p.peers.length).toBeGreaterThanOrEqual(2);
    expect(p.peers[0]!.printed.length).toBe(300);
    expect(countSeq(p.peers[0]!.printed, GS_CUT_PARTIAL)).toBe(0);
    expect(cuts(p)).toBe(1);
    const full = p.peers.at(-1)!.printed;
    expect(printedText(full)).toContain('重打印 REPRINT');
    expect(queue.jobs()[0]).toMatchObject({ attempts: 2, retried: true });
  });

  it('paper out reported via DLE EOT: job held (打印机缺纸), exactly one copy after the refill', async () => {
    const p = await printer({ answerStatus: true, state: 'paper_out' });
    const { queue, statuses } = await queueFor(p.port);
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await waitFor(() => statuses.some((s) => s.state === 'paper_out'), 5000, 'paper out');
    expect(queue.status()).toMatchObject({ state: 'paper_out', message: '打印机缺纸', pending: 1 });
    await new Promise((r) => setTimeout(r, 400)); // a few backoff rounds
    expect(allPrinted(p).length).toBe(0);
    p.opts.state = 'ok'; // refill
    queue.retryNow();
    await waitFor(() => queue.jobs()[0]?.state === 'done', 5000, 'job done');
    await new Promise((r) => setTimeout(r, 300));
    expect(cuts(p)).toBe(1);
    expect(printedText(allPrinted(p))).not.toContain('REPRINT');
    expect(queue.status()).toMatchObject({ state: 'ok', pending: 0 });
  });

  it('persistence: enqueued while the printer is off, queue closed, reopened → printed once (恢复补打)', async () => {
    const dead = net.createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const deadPort = (dead.address() as net.AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const first = await queueFor(deadPort);
    await first.queue.enqueue({ kind: 'sale', doc: SALE });
    await first.queue.idle();
    expect(first.queue.status()).toMatchObject({ state: 'offline', message: '打印机离线', pending: 1 });
    await first.queue.close();

    const p = await printer({ answerStatus: true });
    const second = await queueFor(p.port, first.dir);
    await waitFor(() => second.queue.jobs()[0]?.state === 'done', 5000, 'job done');
    await second.queue.close();
    const third = await queueFor(p.port, first.dir);
    await third.queue.idle();
    expect(cuts(p)).toBe(1);
    expect(printedText(allPrinted(p))).toContain('恢复补打');
  });
});
