/**
 * A data directory that is read-only at start (disk remounted read-only, permissions changed):
 * the journal still opens and shows its history, says clearly that it cannot record, refuses
 * every append without changing anything, and records again once the disk is writable.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JournalWriteError } from '../../../../main/journal/index';
import { makeReadOnly } from '../../../support/read-only-dir';
import { attempt, DAY0, manualClock, open, paid, tempDir } from './helpers';

let root: string;
let cleanup: () => Promise<void>;
let undo: (() => void) | null = null;
beforeEach(async () => ({ dir: root, cleanup } = await tempDir()));
afterEach(async () => {
  undo?.();
  undo = null;
  await cleanup();
});

const FILE = `journal-${DAY0}.jsonl`;
const READ_ONLY_MESSAGE = /数据目录只读.*read-only|没有写入数据目录的权限.*permission denied/;

function readOnly(ctx: { skip: (note?: string) => void }, dir: string): void {
  undo = makeReadOnly(dir);
  if (!undo) ctx.skip('cannot make a read-only directory here');
}

describe('read-only data directory at start', () => {
  it('an existing journal opens with its history and totals, reports that it cannot record, and refuses appends', async (ctx) => {
    const dir = join(root, 'journal');
    const j = await open(dir, manualClock().now);
    await j.append(attempt('A1', 1230));
    await j.append(paid('A1', 1230));
    await j.close();
    const before = await readFile(join(dir, FILE), 'utf8');

    readOnly(ctx, dir);
    const warnings: string[] = [];
    const ro = await open(dir, manualClock().now, { warnings });
    expect(ro.report.records).toBe(2);
    expect(ro.orders.totals(DAY0)).toMatchObject({ count: 1, paidFen: 1230 });
    expect(ro.report.notWritable).toMatch(READ_ONLY_MESSAGE);
    expect(warnings.some((w) => READ_ONLY_MESSAGE.test(w))).toBe(true);

    const err = await ro.append(attempt('A2', 500)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JournalWriteError);
    expect((err as Error).message).toMatch(READ_ONLY_MESSAGE);
    expect(ro.orders.list().map((o) => o.clientSn)).toEqual(['A1']);
    expect(ro.orders.totals(DAY0)).toMatchObject({ count: 1, paidFen: 1230 });
    expect(await readFile(join(dir, FILE), 'utf8')).toBe(before);

    // the engineer fixes the disk: the same journal records again, continuing the sequence
    undo?.();
    undo = null;
    expect((await ro.append(attempt('A2', 500))).seq).toBe(3);
    await ro.close();
  });

  it('a journal directory that cannot even be created: opens empty instead of failing, and creates it once it can', async (ctx) => {
    const dataDir = join(root, 'data');
    await mkdir(dataDir);
    const dir = join(dataDir, 'journal');
    readOnly(ctx, dataDir);
    const j = await open(dir, manualClock().now);
    expect(j.report).toMatchObject({ files: 0, records: 0, notWritable: expect.stringMatching(READ_ONLY_MESSAGE) });
    await expect(j.append(attempt('A1'))).rejects.toThrow(READ_ONLY_MESSAGE);
    expect(j.orders.list()).toEqual([]);

    undo?.();
    undo = null;
    expect((await j.append(attempt('A1'))).seq).toBe(1);
    await j.close();
    expect(await readdir(dir)).toEqual([FILE]);
  });
});
