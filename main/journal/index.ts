/**
 * The electronic journal: the source of truth for payment state.
 * openJournal() replays every file (verifying each line), rebuilds the order index, and returns a
 * journal whose append() resolves only after the line is fsync'ed. Appends run one at a time in
 * call order; a failed append changes nothing (no seq, no index update, no partial line on disk).
 */
import { encodeLine } from './crc-line';
import { JournalClosedError, JournalOpenError, JournalWriteError } from './errors';
import { nodeJournalFs, type JournalFs } from './fs';
import { DAY_RE, JournalWriter } from './journal-file';
import { OrderBook, type OrderIndex } from './order-index';
import type { JournalRecord, JournalRecordBody } from './records';
import { replay, type ReplayReport } from './replay';
import { SnapshotCache } from './snapshot';
import { localDay } from '../shared/dates';

export type { JournalRecord, JournalRecordBody, JournalRecordType, PaymentMethod, FinalOutcome } from './records';
export type { OrderIndex, OrderView, OrderFilter, OrderStatus, RefundView, RefundStatus } from './order-index';
export type { DayTotals, WalletTotals } from './day-totals';
export type { ReplayReport } from './replay';
export type { JournalFs, JournalHandle } from './fs';
export { nodeJournalFs } from './fs';
export { JournalWriteError, JournalOpenError, JournalClosedError } from './errors';
export { encodeLine, decodeLine } from './crc-line';
export { fileName as journalFileName } from './journal-file';

export interface JournalOptions {
  dir: string;
  clock: () => number;
  /** Business day of a timestamp, YYYY-MM-DD. Default: the local calendar date. */
  businessDay?: (ts: number) => string;
  fs?: JournalFs;
  warn?: (msg: string) => void;
  /**
   * Other folds (e.g. reports/shift.ts ShiftBook) get every replayed record here, in file order.
   * REQUEST_SENT and OPERATOR_ACTION are not parsed at replay (speed) unless replayAllTypes is true.
   */
  onReplay?: (rec: JournalRecord) => void;
  replayAllTypes?: boolean;
  /**
   * Index snapshots of the closed journal files (snapshot.ts): start without parsing them when
   * they are unchanged. Default true; off whenever onReplay or replayAllTypes is set (those want
   * every record).
   */
  snapshots?: boolean;
}

export interface Journal {
  append(body: JournalRecordBody): Promise<JournalRecord>;
  readonly report: ReplayReport;
  readonly orders: OrderIndex;
  onRecord(listener: (rec: JournalRecord) => void): () => void;
  close(): Promise<void>;
}

/** The local calendar day (main/shared/dates.ts). */
export const localBusinessDay = localDay;

export async function openJournal(opts: JournalOptions): Promise<Journal> {
  const fs = opts.fs ?? nodeJournalFs;
  const warn = opts.warn ?? ((msg: string) => console.warn(msg));
  const businessDay = opts.businessDay ?? localBusinessDay;
  if (!opts.dir) throw new JournalOpenError('记录簿目录未设置 / journal directory not set');
  const extra = opts.onReplay;
  const useSnapshots = opts.snapshots !== false && !extra && !opts.replayAllTypes;
  let cache: SnapshotCache | undefined;
  let log = warn;
  const index = new OrderBook(businessDay, (m) => log(m));
  if (useSnapshots) {
    cache = new SnapshotCache(fs, opts.dir, index, businessDay, warn);
    log = cache.warn;
  }
  const onRecord = extra ? (r: JournalRecord) => { index.apply(r); extra(r); } : (r: JournalRecord) => index.apply(r);
  const skipTypes = opts.replayAllTypes ? [] : OrderBook.IGNORED_TYPES;
  const { report, files, lastSeq, dirMissing } = await replay({ fs, dir: opts.dir, warn: log, onRecord, skipTypes, cache });
  log = warn;
  index.endReplay();
  if (report.notWritable === undefined && fs.writable) {
    try {
      await fs.writable(opts.dir);
    } catch (err) {
      report.notWritable = JournalWriteError.from(err, opts.dir, 'access').message;
      warn(`journal: ${report.notWritable}`);
    }
  }
  cache?.start(report.notWritable === undefined && !dirMissing);
  const journal = new FileJournal(opts.clock, businessDay, warn, index, report, new JournalWriter(fs, opts.dir, files, warn, dirMissing), lastSeq);
  journal.background = cache?.idle();
  return journal;
}

class FileJournal implements Journal {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(rec: JournalRecord) => void>();
  private closed = false;
  /** A snapshot being written after open (close() waits for it). */
  background: Promise<void> | undefined;

  constructor(
    private readonly clock: () => number,
    private readonly businessDay: (ts: number) => string,
    private readonly warn: (msg: string) => void,
    private readonly index: OrderBook,
    readonly report: ReplayReport,
    private readonly writer: JournalWriter,
    private seq: number,
  ) {}

  get orders(): OrderIndex {
    return this.index;
  }

  append(body: JournalRecordBody): Promise<JournalRecord> {
    if (this.closed) return Promise.reject(new JournalClosedError());
    const p = this.queue.then(() => this.appendNow(body));
    this.queue = p.catch(() => undefined);
    return p;
  }

  private async appendNow(body: JournalRecordBody): Promise<JournalRecord> {
    const ts = this.clock();
    const day = this.businessDay(ts);
    if (!DAY_RE.test(day)) throw new JournalWriteError(`营业日格式错误，记录未保存 / businessDay returned ${JSON.stringify(day)}, expected YYYY-MM-DD`);
    const rec = { ...body, seq: this.seq + 1, ts } as JournalRecord;
    let line: Buffer;
    try {
      line = encodeLine(rec);
    } catch (err) {
      throw new JournalWriteError(`记录无法编码，未保存 / record cannot be encoded: ${String(err)}`, { cause: err });
    }
    await this.writer.append(day, line);
    this.seq = rec.seq;
    try {
      this.index.apply(rec);
    } catch (err) {
      this.warn(`journal: index update failed for seq ${rec.seq} (the record is saved): ${String(err)}`);
    }
    for (const l of this.listeners) {
      try {
        l(rec);
      } catch (err) {
        this.warn(`journal: onRecord listener threw: ${String(err)}`);
      }
    }
    return rec;
  }

  onRecord(listener: (rec: JournalRecord) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The file appends currently go to (diagnostics). */
  get currentFile(): string | undefined {
    return this.writer.currentFile;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue;
    await this.background;
    await this.writer.close();
    this.listeners.clear();
  }
}
