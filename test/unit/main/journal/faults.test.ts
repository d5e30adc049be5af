import { chmod, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeLine, JournalWriteError, nodeJournalFs, openJournal, type JournalFs } from '../../../../main/journal/index';
import { attempt, DAY0, errno, faultyFs, manualClock, open, paid, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const FILE = `journal-${DAY0}.jsonl`;

async function fileLines(): Promise<string[]> {
  const text = await readFile(join(dir, FILE), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

describe('write failures', () => {
  it('disk full: rejects with JournalWriteError, changes nothing, and works again after the disk recovers', async () => {
    const { fs, faults } = faultyFs();
    const j = await open(dir, manualClock().now, { fs });
    await j.append(attempt('A1', 500));
    const seen: number[] = [];
    j.onRecord((r) => seen.push(r.seq));
    const sizeBefore = (await stat(join(dir, FILE))).size;

    faults.write = errno('ENOSPC', 'no space left on device');
    faults.partialBytes = 17; // the kernel took part of the line before failing
    const err = await j.append(paid('A1', 500)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JournalWriteError);
    expect((err as JournalWriteError).message).toContain('磁盘已满，记录未保存');
    expect((err as JournalWriteError).message).toContain('disk full');
    expect((err as JournalWriteError).code).toBe('ENOSPC');
    expect(j.orders.get('A1')?.status).toBe('pending');
    expect(j.orders.totals(DAY0).count).toBe(0);
    expect(seen).toEqual([]);
    expect((await stat(join(dir, FILE))).size).toBe(sizeBefore);

    faults.write = undefined;
    const rec = await j.append(paid('A1', 500));
    expect(rec.seq).toBe(2);
    expect(j.orders.get('A1')?.status).toBe('paid');
    await j.close();
    const lines = await fileLines();
    expect(lines.map((l) => (decodeLine(l) as { seq: number }).seq)).toEqual([1, 2]);
    const j2 = await open(dir, manualClock().now);
    expect(j2.report).toMatchObject({ records: 2, tornTail: [], corrupt: [] });
    await j2.close();
  });

  it('fsync EIO: rejects, the written line is cut back', async () => {
    const { fs, faults } = faultyFs();
    const j = await open(dir, manualClock().now, { fs });
    await j.append(attempt('A1'));
    faults.sync = errno('EIO', 'i/o error');
    await expect(j.append(attempt('A2'))).rejects.toThrow(/磁盘读写错误.*disk I\/O error/);
    faults.sync = undefined;
    expect(j.orders.get('A2')).toBeUndefined();
    expect(await fileLines()).toHaveLength(1);
    expect((await j.append(attempt('A3'))).seq).toBe(2);
    await j.close();
    expect(await fileLines()).toHaveLength(2);
  });

  it('when even the truncate-back fails, the next append cuts the partial line first', async () => {
    const { fs, faults } = faultyFs();
    const warnings: string[] = [];
    const j = await open(dir, manualClock().now, { fs, warnings });
    await j.append(attempt('A1'));
    faults.write = errno('ENOSPC');
    faults.partialBytes = 40;
    faults.truncate = errno('ENOSPC');
    await expect(j.append(attempt('A2'))).rejects.toBeInstanceOf(JournalWriteError);
    expect(warnings.some((w) => w.includes('will retry'))).toBe(true);
    // still failing: next append is refused before writing anything
    faults.write = undefined;
    await expect(j.append(attempt('A3'))).rejects.toBeInstanceOf(JournalWriteError);
    faults.truncate = undefined;
    expect((await j.append(attempt('A4'))).seq).toBe(2);
    await j.close();
    const lines = await fileLines();
    expect(lines.map((l) => (decodeLine(l) as { clientSn: string }).clientSn)).toEqual(['A1', 'A4']);
  });

  it('a short write is completed, not left half-written', async () => {
    const fs: JournalFs = { ...nodeJournalFs, write: (h, buf, off, len) => nodeJournalFs.write(h, buf, off, Math.min(len, 7)) };
    const j = await open(dir, manualClock().now, { fs });
    await j.append(attempt('A1'));
    await j.append(attempt('A2'));
    await j.close();
    expect((await fileLines()).map((l) => typeof decodeLine(l))).toEqual(['object', 'object']);
  });
});

describe('read-only or unreadable data directory', () => {
  it('EROFS on open for append: clear JournalWriteError, no state change; works once writable', async () => {
    const { fs, faults } = faultyFs();
    const j = await open(dir, manualClock().now, { fs });
    faults.openAppend = errno('EROFS', 'read-only file system');
    await expect(j.append(attempt('A1'))).rejects.toThrow(/数据目录只读.*read-only/);
    expect(j.orders.list()).toEqual([]);
    faults.openAppend = undefined;
    expect((await j.append(attempt('A1'))).seq).toBe(1);
    await j.close();
  });

  it('EACCES on open for append: permission message', async () => {
    const { fs, faults } = faultyFs();
    faults.openAppend = errno('EACCES', 'permission denied');
    const j = await open(dir, manualClock().now, { fs });
    const err = await j.append(attempt('A1')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JournalWriteError);
    expect(String((err as Error).message)).toMatch(/没有写入数据目录的权限.*permission denied/);
    expect((err as JournalWriteError).file).toBe(join(dir, FILE));
    await j.close();
  });

  it('chmod 0o555 directory: replay still reads it (appends are refused by the OS unless root)', async () => {
    const j = await open(dir, manualClock().now);
    await j.append(attempt('A1'));
    await j.close();
    await chmod(dir, 0o555);
    try {
      const j2 = await open(dir, manualClock().now);
      expect(j2.report.records).toBe(1);
      const r = await j2.append(attempt('A2')).then(() => 'ok', (e: unknown) => e);
      if (process.getuid?.() === 0) expect(r).toBe('ok');
      else expect(r).toBeInstanceOf(JournalWriteError);
      await j2.close();
    } finally {
      await chmod(dir, 0o755);
    }
  });

  it('open() fails clearly when the directory cannot be read', async () => {
    const fs: JournalFs = { ...nodeJournalFs, readdir: () => Promise.reject(errno('EACCES', 'permission denied')) };
    await expect(openJournal({ dir, clock: Date.now, fs })).rejects.toThrow(/无法打开记录簿.*cannot read data directory/);
  });

  it('open() fails clearly when the directory path is a file', async () => {
    const file = join(dir, 'not-a-dir');
    await writeFile(file, 'x');
    await expect(openJournal({ dir: file, clock: Date.now })).rejects.toMatchObject({ name: 'JournalOpenError' });
  });

  it('open() fails clearly when a journal file cannot be read', async () => {
    const j = await open(dir, manualClock().now);
    await j.append(attempt('A1'));
    await j.close();
    const fs: JournalFs = { ...nodeJournalFs, open: (p, f) => (f === 'r' ? Promise.reject(errno('EIO')) : nodeJournalFs.open(p, f)) };
    await expect(openJournal({ dir, clock: Date.now, fs })).rejects.toThrow(/cannot read journal file/);
    expect(await readdir(dir)).toEqual([FILE]);
  });
});
