/**
 * The persistent print queue. enqueue() returns once the job is on disk (atomic write +
 * fsync) and never waits for the printer; a worker prints jobs in order: status first
 * (paper out / cover open / offline → hold and retry with backoff 1 s → 30 s; unknown →
 * print anyway), then the bytes, then the job is marked done on disk. Nothing here throws
 * into the caller; the cashier sees onStatus events (Chinese message + pending count).
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { PrinterState, PrinterStatus } from './printer-status';
import { isBlocking, printerStatus } from './printer-status';
import type { ReceiptDoc, ReceiptKind, ReceiptWidth } from './receipt-types';
import type { TextEncoding } from './escpos-encoder';
import type { PrintJobRecord } from './job-store';
import { jobsDir, loadJobs, pruneDone, saveJob } from './job-store';
import { jobMarks, renderJob } from './job-render';
import { PrinterFaultError, PrinterUnavailableError } from './transports/transport-types';
import type { PrinterTransport, WriteOutcome } from './transports/transport-types';
import type { Msg } from '../../../preload/messages';

import type { Timers } from '../../shared/time';

export type { Timers };
export interface Backoff { initialMs: number; maxMs: number; factor?: number }
export const DEFAULT_BACKOFF: Backoff = { initialMs: 1000, maxMs: 30_000, factor: 2 };

export interface PrintQueueOptions {
  dir: string;
  transport: PrinterTransport;
  clock: { now(): number };
  timers?: Timers;
  backoff?: Backoff;
  width?: ReceiptWidth;
  encoding?: TextEncoding;
  /** guard around a transport's own timeouts */
  statusTimeoutMs?: number;
  writeTimeoutMs?: number;
  log?: (message: string, err?: unknown) => void;
}

export interface EnqueueRequest { kind: ReceiptKind; doc: ReceiptDoc; reprint?: boolean; orderRef?: string }

export interface QueueStatus {
  state: PrinterState;
  message: Msg;
  pending: number;
  nearEnd?: boolean;
  detail?: string;
}

export type JobEvent =
  | { type: 'printed'; jobId: string; result: WriteOutcome }
  | { type: 'failed'; jobId: string; error: string; partial: boolean };

export interface PrintJobView {
  id: string; kind: ReceiptKind; orderRef?: string; createdAt: number; state: 'pending' | 'done';
  attempts: number; result?: WriteOutcome; lastError?: string; reprint: boolean; retried: boolean; recovered: boolean;
}

export interface PrintQueue {
  enqueue(req: EnqueueRequest): Promise<string>;
  onStatus(cb: (s: QueueStatus) => void): () => void;
  onJob(cb: (e: JobEvent) => void): () => void;
  status(): QueueStatus;
  jobs(): PrintJobView[];
  /**
   * Bytes that must go out now or never (the cash drawer kick): straight to the transport, not
   * persisted, never retried later; resolves with why it could not, never rejects.
   */
  sendNow(bytes: Buffer, label: string): Promise<{ ok: true } | { ok: false; message: string }>;
  /** try the held jobs now (cashier pressed 重试, or paper refilled) */
  retryNow(): void;
  /** switch printers; the queue owns the transport and closes the previous one */
  setTransport(t: PrinterTransport): void;
  /** paper width (columns) for jobs printed from now on */
  setWidth(width: ReceiptWidth): void;
  /** resolves when the worker has nothing left it can do right now (tests, shutdown) */
  idle(): Promise<void>;
  close(): Promise<void>;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export async function createPrintQueue(opts: PrintQueueOptions): Promise<PrintQueue> {
  const timers = opts.timers ?? realTimers;
  const backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
  const log = opts.log ?? (() => undefined);
  const render: { width: ReceiptWidth; encoding?: TextEncoding } = { width: opts.width ?? 48, encoding: opts.encoding };
  let transport = opts.transport;

  await fs.mkdir(jobsDir(opts.dir), { recursive: true });
  const loaded = await loadJobs(opts.dir);
  for (const p of loaded.problems) log(p);
  const jobs: PrintJobRecord[] = await pruneDone(opts.dir, loaded.jobs);
  for (const j of jobs) {
    if (j.state !== 'pending') continue;
    j.recovered = true;
    if (j.inFlight) { j.retried = true; j.inFlight = false; }
  }

  let seq = 0;
  let failures = 0;
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let wanted = false;
  let closed = false;
  let printer: PrinterStatus = printerStatus('unknown');
  let lastEmitted = '';
  const statusCbs = new Set<(s: QueueStatus) => void>();
  const jobCbs = new Set<(e: JobEvent) => void>();

  const pending = () => jobs.filter((j) => j.state === 'pending');
  const current = (): QueueStatus => ({ ...printer, pending: pending().length });
  const emit = () => {
    const s = current();
    const key = JSON.stringify(s);
    if (key === lastEmitted) return;
    lastEmitted = key;
    for (const cb of statusCbs) { try { cb(s); } catch (e) { log('onStatus listener threw', e); } }
  };
  const emitJob = (e: JobEvent) => {
    for (const cb of jobCbs) { try { cb(e); } catch (err) { log('onJob listener threw', err); } }
  };
  const persist = async (job: PrintJobRecord) => {
    try { await saveJob(opts.dir, job); } catch (e) { log(`could not save print job ${job.id}`, e); }
  };

  const schedule = () => {
    if (closed) return;
    if (timer !== null) timers.clearTimeout(timer);
    failures += 1;
    const delay = Math.min(backoff.maxMs, backoff.initialMs * (backoff.factor ?? 2) ** (failures - 1));
    timer = timers.setTimeout(() => { timer = null; kick(); }, delay);
  };

  const kick = () => {
    wanted = true;
    if (running || closed) return;
    running = work().catch((e: unknown) => log('print worker failed', e)).finally(() => {
      running = null;
      if (wanted && !closed && timer === null) kick();
    });
  };

  async function work(): Promise<void> {
    while (!closed) {
      wanted = false;
      const job = pending()[0];
      if (!job) { failures = 0; emit(); return; }
      const asked = transport.status().catch((e: unknown) => printerStatus('offline', String(e)));
      printer = await withTimeout(asked, opts.statusTimeoutMs ?? 3000, printerStatus('unknown', 'status query did not return'));
      emit();
      if (isBlocking(printer.state)) { schedule(); return; }
      if (!(await printOne(job))) { schedule(); return; }
      failures = 0;
    }
  }

  async function printOne(job: PrintJobRecord): Promise<boolean> {
    let bytes: Buffer;
    try { bytes = renderJob(job, render); } catch (e) {
      log(`print job ${job.id} cannot be rendered; dropped`, e);
      job.state = 'done'; job.lastError = `render failed: ${String(e)}`;
      await persist(job);
      return true;
    }
    job.attempts += 1;
    job.inFlight = true;
    await persist(job);
    const t = transport;
    try {
      const result = (await withTimeout(t.write(bytes, { jobId: job.id, doc: { ...job.doc, marks: jobMarks(job) } as ReceiptDoc }), opts.writeTimeoutMs ?? 60_000, 'timeout' as const)) ?? 'sent';
      if (result === 'timeout') throw new Error('write timed out');
      job.state = 'done'; job.inFlight = false; job.result = result; job.doneAt = opts.clock.now();
      delete job.lastError;
      await persist(job);
      emitJob({ type: 'printed', jobId: job.id, result });
      if (printer.state === 'unknown' && result === 'confirmed') printer = printerStatus('ok');
      emit();
      return true;
    } catch (e) {
      const partial = !(e instanceof PrinterUnavailableError);
      job.inFlight = false;
      job.retried = job.retried || partial;
      job.lastError = e instanceof Error ? e.message : String(e);
      await persist(job);
      printer = e instanceof PrinterFaultError ? e.status : printerStatus('offline', job.lastError);
      emit();
      emitJob({ type: 'failed', jobId: job.id, error: job.lastError, partial });
      return false;
    }
  }

  if (pending().length > 0) kick();

  const retryNow = () => {
    if (timer !== null) { timers.clearTimeout(timer); timer = null; }
    failures = 0;
    kick();
  };

  return {
    async enqueue(req) {
      const now = opts.clock.now();
      const id = `${now.toString(36)}-${(++seq).toString(36)}-${randomBytes(3).toString('hex')}`;
      const job: PrintJobRecord = {
        v: 1, id, kind: req.doc.kind, doc: req.doc, reprint: req.reprint ?? false, createdAt: now,
        state: 'pending', attempts: 0, retried: false, recovered: false, inFlight: false,
        ...(req.orderRef ? { orderRef: req.orderRef } : {}),
      };
      await persist(job);
      if (!closed) { jobs.push(job); emit(); kick(); }
      return id;
    },
    onStatus(cb) { statusCbs.add(cb); return () => statusCbs.delete(cb); },
    onJob(cb) { jobCbs.add(cb); return () => jobCbs.delete(cb); },
    status: current,
    jobs: () => jobs.map((j) => ({
      id: j.id, kind: j.kind, orderRef: j.orderRef, createdAt: j.createdAt, state: j.state, attempts: j.attempts,
      result: j.result, lastError: j.lastError, reprint: j.reprint, retried: j.retried, recovered: j.recovered,
    })),
    retryNow,
    async sendNow(bytes, label) {
      if (closed) return { ok: false, message: 'printer closed' };
      try {
        const id = `${label}-${opts.clock.now().toString(36)}-${randomBytes(3).toString('hex')}`;
        const r = await withTimeout(transport.write(bytes, { jobId: id }), opts.statusTimeoutMs ?? 3000, 'timeout' as const);
        return r === 'timeout' ? { ok: false, message: 'printer did not answer' } : { ok: true };
      } catch (e) {
        return { ok: false, message: e instanceof Error ? e.message : String(e) };
      }
    },
    setTransport(t) {
      const old = transport;
      transport = t;
      if (old !== t) void old.close().catch((e) => log('closing the previous printer failed', e));
      printer = printerStatus('unknown');
      emit();
      retryNow();
    },
    setWidth(width) { render.width = width; },
    async idle() {
      while (running) await running;
    },
    async close() {
      closed = true;
      if (timer !== null) { timers.clearTimeout(timer); timer = null; }
      if (running) await running;
      await transport.close().catch((e) => log('closing the printer failed', e));
    },
  };
}

/** Resolve with `fallback` after `ms`; a rejection of `p` passes through. */
function withTimeout<T, F>(p: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => resolve(fallback), ms);
    p.then((v) => { clearTimeout(t); resolve(v); }, (e: unknown) => { clearTimeout(t); reject(e); });
  });
}
