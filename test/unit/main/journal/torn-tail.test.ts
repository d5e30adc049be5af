import { appendFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { decodeLine } from '../../../../main/journal/index';
import { attempt, DAY0, manualClock, open, paid, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const FILE = `journal-${DAY0}.jsonl`;

async function writeThree(): Promise<Buffer> {
  const j = await open(dir, manualClock().now);
  await j.append(attempt('A1', 800));
  await j.append(paid('A1', 800));
  await j.append(attempt('A2', 999, { subject: '最后一笔 last' }));
  await j.close();
  return readFile(join(dir, FILE));
}

describe('torn last line (power cut mid-append)', () => {
  it('at every byte offset of the last record: only that record is lost, warned once, appends stay clean', async () => {
    const full = await writeThree();
    const lastStart = full.lastIndexOf(0x0a, full.length - 2) + 1;
    expect(lastStart).toBeGreaterThan(0);
    for (let cut = lastStart; cut < full.length; cut++) {
      await writeFile(join(dir, FILE), full.subarray(0, cut));
      const warnings: string[] = [];
      const clock = manualClock();
      const j = await open(dir, clock.now, { warnings });
      const torn = cut > lastStart;
      expect(j.report.records, `cut ${cut}`).toBe(2);
      expect(j.report.corrupt).toEqual([]);
      expect(j.report.readOnlyFiles).toEqual([]);
      expect(j.report.tornTail).toEqual(torn ? [{ file: FILE, bytesDropped: cut - lastStart }] : []);
      expect(warnings.filter((w) => w.includes('torn'))).toHaveLength(torn ? 1 : 0);
      expect((await stat(join(dir, FILE))).size).toBe(lastStart);
      expect(j.orders.get('A2')).toBeUndefined();
      expect(j.orders.get('A1')?.status).toBe('paid');

      const rec = await j.append(attempt('A3', 700));
      expect(rec.seq).toBe(3);
      await j.close();
      const warnings2: string[] = [];
      const j2 = await open(dir, clock.now, { warnings: warnings2 });
      expect(j2.report).toMatchObject({ records: 3, tornTail: [], corrupt: [] });
      expect(warnings2).toEqual([]);
      expect(j2.orders.get('A3')?.amountFen).toBe(700);
      await j2.close();
      const lines = (await readFile(join(dir, FILE), 'utf8')).split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.every((l) => typeof decodeLine(l) === 'object')).toBe(true);
    }
  });

  it('drops a NUL-filled tail (file extended, data never written)', async () => {
    const full = await writeThree();
    await appendFile(join(dir, FILE), Buffer.alloc(300));
    const j = await open(dir, manualClock().now);
    expect(j.report.tornTail).toEqual([{ file: FILE, bytesDropped: 300 }]);
    expect(j.report.records).toBe(3);
    expect((await stat(join(dir, FILE))).size).toBe(full.length);
    await j.close();
  });

  it('drops a complete last line whose checksum is wrong', async () => {
    const full = await writeThree();
    const bad = Buffer.from(full);
    bad[full.length - 30] = 0x41; // inside the last record
    await writeFile(join(dir, FILE), bad);
    const j = await open(dir, manualClock().now);
    expect(j.report.tornTail).toHaveLength(1);
    expect(j.report.corrupt).toEqual([]);
    expect(j.report.records).toBe(2);
    await j.close();
  });

  it('still appends cleanly when the torn tail could not be cut at open (truncate fails once)', async () => {
    const full = await writeThree();
    const lastStart = full.lastIndexOf(0x0a, full.length - 2) + 1;
    await writeFile(join(dir, FILE), full.subarray(0, lastStart + 10));
    const { faultyFs, errno } = await import('./helpers');
    const { fs, faults } = faultyFs();
    faults.truncate = errno('EIO');
    const warnings: string[] = [];
    const j = await open(dir, manualClock().now, { fs, warnings });
    expect(j.report.tornTail).toEqual([{ file: FILE, bytesDropped: 10 }]);
    expect(warnings.some((w) => w.includes('will retry'))).toBe(true);
    faults.truncate = undefined;
    await j.append(attempt('A3'));
    await j.close();
    const j2 = await open(dir, manualClock().now);
    expect(j2.report).toMatchObject({ records: 3, tornTail: [], corrupt: [] });
    await j2.close();
  });
});
