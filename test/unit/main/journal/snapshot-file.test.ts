import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeJournalFs } from '../../../../main/journal/index';
import { readSnapshot, SNAPSHOT_FILE, SnapshotWriter, type SnapshotHeader } from '../../../../main/journal/snapshot-file';
import { tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const header: SnapshotHeader = { files: [{ name: 'journal-2026-03-10.jsonl', size: 3, sha256: 'ab' }], lastSeq: 9, outOfOrder: 0, records: 9, corrupt: [], readOnlyFiles: [], warnings: ['一条警告'] };
const lines = ['1', JSON.stringify('短'), 'x'.repeat(100), JSON.stringify(['长'.repeat(40)]), '[]'];

async function write(scratchBytes: number): Promise<void> {
  const w = (await SnapshotWriter.begin(nodeJournalFs, dir, { buf: Buffer.alloc(scratchBytes) }))!;
  await w.line(JSON.stringify(header));
  for (const l of lines) await w.line(l);
  await w.end();
  await w.commit();
}

async function read(readerBytes: number): Promise<{ h: SnapshotHeader | undefined; got: string[]; ok: boolean }> {
  let h: SnapshotHeader | undefined;
  const got: string[] = [];
  const ok = await readSnapshot(nodeJournalFs, dir, { buf: Buffer.alloc(readerBytes) }, async (x) => { h = x; }, (l) => got.push(l));
  return { h, got, ok };
}

describe('snapshot file', () => {
  it('round-trips through buffers smaller than a line (flushes, growth), leaves no temporary file', async () => {
    await write(16);
    expect(await readdir(dir)).toEqual([SNAPSHOT_FILE]);
    const r = await read(8);
    expect(r).toEqual({ h: header, got: lines, ok: true });
  });

  it('a missing file is no snapshot; a changed byte anywhere is refused', async () => {
    expect((await read(64)).ok).toBe(false);
    await write(4096);
    const good = await readFile(join(dir, SNAPSHOT_FILE));
    for (let i = 0; i < good.length; i += 7) {
      const bad = Buffer.from(good);
      bad[i] = bad[i]! ^ 0x20;
      await writeFile(join(dir, SNAPSHOT_FILE), bad);
      await expect(read(64), `byte ${i}`).rejects.toThrow();
    }
  });
});
