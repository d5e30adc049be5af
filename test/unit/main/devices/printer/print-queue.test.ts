import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { expect } from '../../../../support/zh-expect';
import { createPrintQueue } from '../../../../../main/devices/printer/print-queue';
import type { QueueStatus, Timers } from '../../../../../main/devices/printer/print-queue';
import { printerStatus } from '../../../../../main/devices/printer/printer-status';
import type { PrinterState } from '../../../../../main/devices/printer/printer-status';
import { PrinterUnavailableError } from '../../../../../main/devices/printer/transports/transport-types';
import type { PrinterTransport, WriteOutcome } from '../../../../../main/devices/printer/transports/transport-types';
import { SALE, printedText } from './fixtures';

class FakeTransport implements PrinterTransport {
  readonly name = 'fake';
  state: PrinterState = 'ok';
  writes: Buffer[] = [];
  failNext: Error[] = [];
  closed = false;
  async status() { return printerStatus(this.state); }
  async write(bytes: Uint8Array): Promise<WriteOutcome> {
    const err = this.failNext.shift();
    if (err) throw err;
    this.writes.push(Buffer.from(bytes));
    return this.state === 'unknown' ? 'sent' : 'confirmed';
  }
  async close() { this.closed = true; }
}

class ManualTimers implements Timers {
  pending: { fn: () => void; ms: number; id: number }[] = [];
  delays: number[] = [];
  private next = 0;
  setTimeout(fn: () => void, ms: number) { const id = ++this.next; this.pending.push({ fn, ms, id }); this.delays.push(ms); return id; }
  clearTimeout(h: unknown) { this.pending = this.pending.filter((p) => p.id !== h); }
  fire() { const p = this.pending.shift(); p?.fn(); }
}

const clock = { now: () => Date.UTC(2024, 4, 1, 6, 0, 0) };
const tmp = () => mkdtempSync(path.join(tmpdir(), 'yima-queue-'));

async function setup(dir = tmp(), transport = new FakeTransport()) {
  const timers = new ManualTimers();
  const statuses: QueueStatus[] = [];
  const queue = await createPrintQueue({ dir, transport, clock, timers, backoff: { initialMs: 1000, maxMs: 30_000 } });
  queue.onStatus((s) => statuses.push(s));
  return { dir, transport, timers, statuses, queue };
}

describe('print queue', () => {
  it('enqueue resolves once the job is on disk, then prints it once and marks it done', async () => {
    const { dir, transport, queue } = await setup();
    const id = await queue.enqueue({ kind: 'sale', doc: SALE, orderRef: 'c1' });
    const file = path.join(dir, 'jobs', `${id}.json`);
    expect(existsSync(file)).toBe(true);
    await queue.idle();
    expect(transport.writes).toHaveLength(1);
    expect(printedText(transport.writes[0]!)).toContain('微信支付');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ state: 'done', result: 'confirmed', attempts: 1 });
    expect(queue.status()).toMatchObject({ state: 'ok', pending: 0 });
    await queue.close();
  });

  it('status unknown: prints anyway and reports the job as sent, not confirmed', async () => {
    const { transport, queue, statuses } = await setup();
    transport.state = 'unknown';
    const events: unknown[] = [];
    queue.onJob((e) => events.push(e));
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await queue.idle();
    expect(transport.writes).toHaveLength(1);
    expect(events).toEqual([expect.objectContaining({ type: 'printed', result: 'sent' })]);
    expect(statuses.some((s) => s.state === 'unknown' && s.message.code === 'printer.unknown')).toBe(true);
  });

  it('paper out: holds the job with backoff 1 s → 30 s, then prints exactly one copy after the refill', async () => {
    const { transport, queue, timers, statuses } = await setup();
    transport.state = 'paper_out';
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await queue.idle();
    expect(queue.status()).toMatchObject({ state: 'paper_out', message: '打印机缺纸', pending: 1 });
    for (let i = 0; i < 7; i++) { timers.fire(); await queue.idle(); }
    expect(timers.delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(transport.writes).toHaveLength(0);
    transport.state = 'ok';
    queue.retryNow();
    await queue.idle();
    timers.fire(); await queue.idle();
    expect(transport.writes).toHaveLength(1);
    expect(printedText(transport.writes[0]!)).not.toContain('REPRINT');
    expect(statuses.at(-1)).toMatchObject({ state: 'ok', pending: 0 });
  });

  it('a write that fails mid-job is retried once, marked 重打印 and preceded by DLE ENQ 2', async () => {
    const { transport, queue, timers } = await setup();
    transport.failNext.push(new Error('connection reset'));
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await queue.idle();
    expect(queue.status()).toMatchObject({ state: 'offline', message: '打印机离线', pending: 1 });
    timers.fire(); await queue.idle();
    expect(transport.writes).toHaveLength(1);
    expect([...transport.writes[0]!.subarray(0, 5)]).toEqual([0x10, 0x05, 0x02, 0x1b, 0x40]);
    expect(printedText(transport.writes[0]!)).toContain('重打印 REPRINT');
    expect(queue.jobs()[0]).toMatchObject({ state: 'done', attempts: 2, retried: true });
  });

  it('a printer that could not be reached is retried without a reprint mark', async () => {
    const { transport, queue, timers } = await setup();
    transport.failNext.push(new PrinterUnavailableError('connect ECONNREFUSED'));
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await queue.idle();
    timers.fire(); await queue.idle();
    expect(transport.writes).toHaveLength(1);
    expect(printedText(transport.writes[0]!)).not.toContain('REPRINT');
  });

  it('jobs survive a restart and print once, marked 恢复补打', async () => {
    const first = await setup();
    first.transport.state = 'offline';
    await first.queue.enqueue({ kind: 'sale', doc: SALE });
    await first.queue.idle();
    await first.queue.close();
    expect(first.transport.writes).toHaveLength(0);

    const second = await setup(first.dir);
    await second.queue.idle();
    expect(second.transport.writes).toHaveLength(1);
    expect(printedText(second.transport.writes[0]!)).toContain('恢复补打');
    expect(printedText(second.transport.writes[0]!)).not.toContain('REPRINT');
    await second.queue.close();

    const third = await setup(first.dir);
    await third.queue.idle();
    expect(third.transport.writes).toHaveLength(0);
  });

  it('a job caught mid-write by a crash is reprinted marked both 重打印 and 恢复补打', async () => {
    const first = await setup();
    first.transport.state = 'offline';
    const id = await first.queue.enqueue({ kind: 'sale', doc: SALE });
    await first.queue.close();
    const file = path.join(first.dir, 'jobs', `${id}.json`);
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), inFlight: true, attempts: 1 }));
    const second = await setup(first.dir);
    await second.queue.idle();
    const text = printedText(second.transport.writes[0]!);
    expect(text).toContain('重打印 REPRINT');
    expect(text).toContain('恢复补打');
  });

  it('reprint requests are marked, jobs print in order, a broken transport or listener never throws into the caller', async () => {
    const { transport, queue } = await setup();
    queue.onStatus(() => { throw new Error('listener bug'); });
    transport.status = () => Promise.reject(new Error('driver bug'));
    await queue.enqueue({ kind: 'sale', doc: SALE });
    await queue.idle();
    transport.status = async () => printerStatus('ok');
    queue.retryNow();
    await queue.enqueue({ kind: 'sale', doc: { ...SALE, amountFen: 99 }, reprint: true });
    await queue.idle();
    expect(transport.writes.map((w) => printedText(w).includes('REPRINT'))).toEqual([false, true]);
    expect(printedText(transport.writes[1]!)).toContain('￥0.99');
  });

  it('setTransport closes the old printer and prints held jobs on the new one', async () => {
    const { transport, queue } = await setup();
    transport.state = 'offline';
    await queue.enqueue({ kind: 'test', doc: { ...SALE, kind: 'test' } as never });
    await queue.idle();
    const next = new FakeTransport();
    queue.setTransport(next);
    await queue.idle();
    expect(transport.closed).toBe(true);
    expect(next.writes).toHaveLength(1);
  });
});
