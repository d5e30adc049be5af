import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeJournalFs, openJournal, type JournalFs, type JournalRecordBody } from '../../../../main/journal/index';

export async function tempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'yima-journal-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** 2026-03-10 10:00 local time. */
export const T0 = new Date(2026, 2, 10, 10, 0, 0).getTime();
export const DAY0 = '2026-03-10';
export const HOUR = 3_600_000;

export function manualClock(start = T0): { now: () => number; set: (t: number) => void; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, set: (v) => { t = v; }, advance: (ms) => { t += ms; } };
}

export function attempt(clientSn: string, amountFen = 1000, extra: Partial<Extract<JournalRecordBody, { type: 'ATTEMPT_CREATED' }>> = {}): JournalRecordBody {
  return { type: 'ATTEMPT_CREATED', clientSn, method: 'scan', amountFen, operator: '001', subject: '商品 测试', windowMs: 45_000, ...extra };
}

export function paid(clientSn: string, amountFen = 1000, wallet: 'wechat' | 'alipay' = 'wechat'): Extract<JournalRecordBody, { type: 'PAYMENT_FINAL' }> {
  return { type: 'PAYMENT_FINAL', clientSn, outcome: 'PAID', amountFen, sn: `SN${clientSn}`, tradeNo: `T${clientSn}`, wallet };
}

export function open(dir: string, clock: () => number, extra: { fs?: JournalFs; warnings?: string[] } = {}) {
  const warnings = extra.warnings ?? [];
  return openJournal({ dir, clock, fs: extra.fs, warn: (m) => warnings.push(m) });
}

export function errno(code: string, msg = code): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${msg}`), { code });
}

/** The real fs with switchable faults. */
export function faultyFs() {
  const faults: {
    write?: NodeJS.ErrnoException;
    /** Write this many bytes for real, then fail with `write`. */
    partialBytes?: number;
    sync?: NodeJS.ErrnoException;
    truncate?: NodeJS.ErrnoException;
    openAppend?: NodeJS.ErrnoException;
  } = {};
  const fs: JournalFs = {
    ...nodeJournalFs,
    async write(h, buf, offset, length) {
      if (faults.write) {
        if (faults.partialBytes) {
          const n = Math.min(faults.partialBytes, length);
          await nodeJournalFs.write(h, buf, offset, n);
        }
        throw faults.write;
      }
      return nodeJournalFs.write(h, buf, offset, length);
    },
    async sync(h) {
      if (faults.sync) throw faults.sync;
      return nodeJournalFs.sync(h);
    },
    async truncate(h, len) {
      if (faults.truncate) throw faults.truncate;
      return nodeJournalFs.truncate(h, len);
    },
    async open(path, flags) {
      if (flags === 'a' && faults.openAppend) throw faults.openAppend;
      return nodeJournalFs.open(path, flags);
    },
  };
  return { fs, faults };
}
