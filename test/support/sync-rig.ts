/**
 * A counter for the sync tests: a real journal in a temp directory, sales appended the way the
 * checkout journals them (ATTEMPT_CREATED, PAYMENT_FINAL PAID), and a SyncWorker pushing to the
 * test PostgreSQL as its store's role.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemTimers } from '../../main/shared/time';
import { openJournal, type Journal, nodeJournalFs } from '../../main/journal';
import { JournalTail } from '../../main/sync/journal-tail';
import { makeConnector, parseHqUrl } from '../../main/sync/pg-connect';
import { SyncWorker, type SyncStatus } from '../../main/sync/sync-worker';

export interface TestCounter {
  dir: string;
  journal: Journal;
  worker: SyncWorker;
  statuses: SyncStatus[];
  /** The sequence each acknowledged batch ended at, in order (one entry per push that carried records). */
  acks: number[];
  terminalId: string;
  storeId: string;
  sold: number;
  paidFen: number;
  sell(n: number, amountFen?: (i: number) => number): Promise<void>;
  stop(): Promise<void>;
}

export async function startCounter(o: { storeId: string; url: string; terminalId: string; dir?: string; batchSize?: number; settleMs?: number }): Promise<TestCounter> {
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), 'yima-sync-'));
  const journal = await openJournal({ dir: join(dir, 'journal'), clock: () => Date.now(), warn: () => undefined });
  const parsed = parseHqUrl(o.url);
  if (!parsed.ok) throw new Error(parsed.message.code);
  const statuses: SyncStatus[] = [];
  const acks: number[] = [];
  const worker = new SyncWorker({
    id: { storeId: o.storeId, terminalId: o.terminalId, terminalName: `收银台 ${o.terminalId}` },
    tail: new JournalTail(nodeJournalFs, join(dir, 'journal'), () => undefined),
    connector: makeConnector(parsed.target, () => parsed.password ?? null, 2_000),
    clock: () => Date.now(), timers: systemTimers, log: () => undefined,
    onStatus: (s) => statuses.push(s),
    batchSize: o.batchSize ?? 100, backoff: { baseMs: 50, maxMs: 400, jitter: 0.25 }, heartbeatMs: 300,
    settleMs: o.settleMs ?? 0, onAck: (seq) => acks.push(seq),
  });
  const off = journal.onRecord((r) => worker.notify(r.seq));
  await worker.start();
  const c: TestCounter = {
    dir, journal, worker, statuses, acks, terminalId: o.terminalId, storeId: o.storeId, sold: 0, paidFen: 0,
    async sell(n, amountFen = (i) => 100 + (i % 50) * 37) {
      for (let i = 0; i < n; i++) {
        const clientSn = `${o.terminalId}-${c.sold + 1}`;
        const fen = amountFen(c.sold);
        await journal.append({ type: 'ATTEMPT_CREATED', clientSn, method: 'qr', amountFen: fen, operator: '收银员', subject: 'test', windowMs: 60_000 });
        await journal.append({ type: 'PAYMENT_FINAL', clientSn, outcome: 'PAID', amountFen: fen, sn: `sn-${clientSn}`, wallet: i % 2 ? 'alipay' : 'wechat' });
        c.sold++;
        c.paidFen += fen;
      }
    },
    async stop() {
      off();
      await worker.stop();
      await journal.close();
    },
  };
  return c;
}
