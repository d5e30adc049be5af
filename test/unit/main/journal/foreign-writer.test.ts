/**
 * Issue 14 item 1: the writer never cuts bytes it did not write. Two journals open on one
 * directory (what a second copy of Yima did): the later writer finds a complete, CRC-valid line
 * past what its replay saw, refuses to append, and leaves the first writer's record in place.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JournalWriteError } from '../../../../main/journal/errors';
import { attempt, manualClock, open, paid, tempDir } from './helpers';

describe('journal: bytes another writer appended', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDir()));
  afterEach(async () => cleanup());

  it('a second writer refuses to append instead of cutting the first writer\'s acknowledged records', async () => {
    const clock = manualClock();
    const first = await open(dir, clock.now);
    const warnings: string[] = [];
    const second = await open(dir, clock.now, { warnings });
    await first.append(attempt('YM-A'));
    await first.append(paid('YM-A'));
    const file = join(dir, readdirSync(dir).find((n) => n.endsWith('.jsonl'))!);
    const before = readFileSync(file);

    const err = await second.append(attempt('YM-B')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JournalWriteError);
    expect((err as JournalWriteError).code).toBe('EFOREIGN');
    expect((err as Error).message).toMatch(/another program/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(warnings.join('\n')).not.toMatch(/cutting/);
    await first.close();
    await second.close();

    const again = await open(dir, clock.now);
    expect(again.orders.get('YM-A')?.status).toBe('paid');
    await again.close();
  });
});
