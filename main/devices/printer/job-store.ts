/**
 * Print jobs on disk: one JSON file per job in `<dir>/jobs/`, rewritten atomically at every
 * state change. A job is `done` only after a write the transport accepted; `inFlight` is set
 * (durably) before the bytes are sent, so a crash mid-job is seen at the next start.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ReceiptDoc, ReceiptKind } from './receipt-types';
import type { WriteOutcome } from './transports/transport-types';
import { writeFileAtomic } from './atomic-file';

export interface PrintJobRecord {
  v: 1;
  id: string;
  kind: ReceiptKind;
  doc: ReceiptDoc;
  /** asked for as a reprint (重打印) */
  reprint: boolean;
  orderRef?: string;
  createdAt: number;
  state: 'pending' | 'done';
  /** writes started */
  attempts: number;
  /** bytes were (or may have been) sent without a confirmed end: the next print is marked 重打印 */
  retried: boolean;
  /** found unfinished at start: printed marked 恢复补打 */
  recovered: boolean;
  inFlight: boolean;
  result?: WriteOutcome;
  doneAt?: number;
  lastError?: string;
}

export const KEEP_DONE_JOBS = 200;

export function jobsDir(dir: string): string {
  return path.join(dir, 'jobs');
}

export async function saveJob(dir: string, job: PrintJobRecord): Promise<void> {
  await writeFileAtomic(path.join(jobsDir(dir), `${job.id}.json`), JSON.stringify(job));
}

export interface LoadResult { jobs: PrintJobRecord[]; problems: string[] }

/** All jobs, oldest first. Unreadable files are renamed `*.corrupt` and reported, never deleted. */
export async function loadJobs(dir: string): Promise<LoadResult> {
  const jd = jobsDir(dir);
  await fs.mkdir(jd, { recursive: true });
  const jobs: PrintJobRecord[] = [];
  const problems: string[] = [];
  for (const name of await fs.readdir(jd)) {
    const file = path.join(jd, name);
    if (name.includes('.tmp-')) { await fs.rm(file, { force: true }); continue; }
    if (!name.endsWith('.json')) continue;
    try {
      const job = JSON.parse(await fs.readFile(file, 'utf8')) as PrintJobRecord;
      if (job.v !== 1 || typeof job.id !== 'string' || !job.doc) throw new Error('not a print job');
      jobs.push(job);
    } catch (e) {
      problems.push(`print job ${name} unreadable (${String(e)}); kept as ${name}.corrupt`);
      await fs.rename(file, `${file}.corrupt`).catch(() => undefined);
    }
  }
  jobs.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { jobs, problems };
}

/** Forget all but the newest `keep` finished jobs (they are only kept for "reprint last"). */
export async function pruneDone(dir: string, jobs: PrintJobRecord[], keep = KEEP_DONE_JOBS): Promise<PrintJobRecord[]> {
  const done = jobs.filter((j) => j.state === 'done');
  const drop = new Set(done.slice(0, Math.max(0, done.length - keep)).map((j) => j.id));
  for (const id of drop) await fs.rm(path.join(jobsDir(dir), `${id}.json`), { force: true });
  return jobs.filter((j) => !drop.has(j.id));
}
