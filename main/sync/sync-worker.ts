/**
 * The outbox worker: pushes new journal records to head office in batches, from the last
 * sequence head office acknowledged (asked of the server on every (re)connect, so a crash
 * mid-batch resumes exactly there), backing off while head office is unreachable. It only reads
 * the journal files, asynchronously: a payment never waits for it.
 */
import type pg from 'pg';
import type { Timers } from '../shared/time';
import { ackedSeq, pushBatch, type CounterIdentity } from './hq-push';
import type { JournalTail } from './journal-tail';

export type SyncState = 'synced' | 'behind' | 'unreachable' | 'connecting';

export interface SyncStatus {
  state: SyncState;
  /** Records on this counter head office does not have yet. */
  behind: number;
  /** While unreachable: since when (ms epoch), and why. */
  since?: number;
  error?: string;
  lastSyncAt?: number;
  tls?: boolean;
}

export interface SyncWorkerOptions {
  id: CounterIdentity;
  tail: JournalTail;
  connector: { connect(): Promise<pg.Client>; readonly tls: boolean };
  clock: () => number;
  timers: Timers;
  onStatus: (s: SyncStatus) => void;
  log: (msg: string) => void;
  batchSize?: number;
  /** Backoff while unreachable: first wait, doubling up to the max. */
  backoffMs?: { first: number; max: number };
  /** With nothing new, report the status (heartbeat) this often. */
  heartbeatMs?: number;
  hourOf?: (ts: number) => number;
  /** Called after each batch is acknowledged (tests, local cursor file). */
  onAck?: (seq: number) => void;
}

export class SyncWorker {
  private client: pg.Client | null = null;
  private acked = 0;
  private head = 0;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private downSince: number | undefined;
  private lastError: string | undefined;
  private lastSyncAt: number | undefined;
  private status: SyncStatus = { state: 'connecting', behind: 0 };

  constructor(private readonly o: SyncWorkerOptions) {}

  get current(): SyncStatus { return this.status; }

  /** A record was appended (journal.onRecord): note the new head and wake the loop. */
  notify(seq: number): void {
    if (seq > this.head) this.head = seq;
    if (this.status.state !== 'unreachable' && this.status.state !== 'connecting') this.emit(this.head > this.acked ? 'behind' : 'synced');
    else this.emit(this.status.state);
    // While head office is down the backoff decides when to try again, not each new sale.
    if (this.downSince === undefined) this.wake?.();
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.head = Math.max(this.head, await this.o.tail.headSeq());
    this.emit('connecting');
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private emit(state: SyncState): void {
    const behind = Math.max(0, this.head - this.acked);
    const s: SyncStatus = { state, behind };
    if (state === 'unreachable' && this.downSince !== undefined) {
      s.since = this.downSince;
      if (this.lastError) s.error = this.lastError;
    }
    if (this.lastSyncAt !== undefined) s.lastSyncAt = this.lastSyncAt;
    if (this.client) s.tls = this.o.connector.tls;
    const prev = this.status;
    this.status = s;
    if (prev.state !== s.state || prev.behind !== s.behind || prev.since !== s.since || prev.lastSyncAt !== s.lastSyncAt) this.o.onStatus(s);
  }

  /** Wait up to ms, or until notify()/stop(). */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = this.o.timers.setTimeout(() => { this.wake = null; resolve(); }, ms);
      this.wake = () => { this.o.timers.clearTimeout(t); this.wake = null; resolve(); };
    });
  }

  private async run(): Promise<void> {
    const batch = this.o.batchSize ?? 1_000;
    const { first, max } = this.o.backoffMs ?? { first: 1_000, max: 60_000 };
    const hourOf = this.o.hourOf ?? ((ts: number) => new Date(ts).getHours());
    let backoff = first;
    let lastReport = 0;
    while (this.running) {
      try {
        if (!this.client) {
          this.client = await this.o.connector.connect();
          this.acked = await ackedSeq(this.client, this.o.id);
        }
        const recs = await this.o.tail.read(this.acked, batch, this.head);
        const now = this.o.clock();
        if (recs.length || now - lastReport >= (this.o.heartbeatMs ?? 30_000)) {
          await pushBatch(this.client, this.o.id, recs, { head: this.head, acked: this.acked }, hourOf);
          lastReport = now;
          if (recs.length) {
            this.acked = recs[recs.length - 1]!.seq;
            this.head = Math.max(this.head, this.acked);
            this.o.onAck?.(this.acked);
          }
          this.lastSyncAt = now;
        }
        if (this.downSince !== undefined) this.o.log(`sync: head office reachable again after ${Math.round((now - this.downSince) / 1000)} s`);
        this.downSince = undefined;
        this.lastError = undefined;
        backoff = first;
        if (recs.length >= batch) { this.emit('behind'); continue; }
        this.emit(this.head > this.acked ? 'behind' : 'synced');
        if (this.running && this.head <= this.acked) await this.sleep(this.o.heartbeatMs ?? 30_000);
      } catch (err) {
        const msg = err instanceof Error ? err.message : String(err);
        if (this.downSince === undefined) {
          this.downSince = this.o.clock();
          this.o.log(`sync: head office unreachable: ${msg}`);
        }
        this.lastError = msg;
        await this.client?.end().catch(() => undefined);
        this.client = null;
        this.emit('unreachable');
        if (!this.running) break;
        // Jitter so 5,000 counters do not reconnect in step after head office comes back.
        await this.sleep(backoff * (0.75 + Math.random() * 0.5));
        backoff = Math.min(max, backoff * 2);
      }
    }
  }
}
