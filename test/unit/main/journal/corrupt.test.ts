import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { attempt, DAY0, HOUR, manualClock, open, paid, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const FILE = `journal-${DAY0}.jsonl`;
const SEG2 = `journal-${DAY0}.2.jsonl`;

async function writeOrders(n: number): Promise<void> {
  const j = await open(dir, manualClock().now);
  for (let i = 1; i <= n; i++) {
    await j.append(attempt(`A${i}`, 100 * i));
    await j.append(paid(`A${i}`, 100 * i));
  }
  await j.close();
}

/** Replace one byte inside line `lineNo` (1-based) of the file. */
async function damageLine(file: string, lineNo: number, how: (line: string) => string): Promise<Buffer> {
  const lines = (await readFile(join(dir, file), 'utf8')).split('\n');
  lines[lineNo - 1] = how(lines[lineNo - 1]!);
  const out = Buffer.from(lines.join('\n'), 'utf8');
  await writeFile(join(dir, file), out);
  return out;
}

describe('corrupt line in the middle', () => {
  it('is reported with file and line, the file stays untouched, appends go to a segment file', async () => {
    await writeOrders(3); // 6 lines
    const damaged = await damageLine(FILE, 3, (l) => l.replace('"amountFen":200', '"amountFen":900'));
    const warnings: string[] = [];
    const clock = manualClock();
    const j = await open(dir, clock.now, { warnings });
    expect(j.report.corrupt).toEqual([{ file: FILE, line: 3, reason: expect.stringMatching(/crc mismatch/) }]);
    expect(j.report.readOnlyFiles).toEqual([FILE]);
    expect(j.report.tornTail).toEqual([]);
    expect(j.report.records).toBe(5);
    expect(warnings.some((w) => w.includes(FILE) && w.includes('line 3'))).toBe(true);
    // records after the corrupt line are still replayed; A2's attempt was on the corrupt line,
    // so the order is rebuilt from its PAYMENT_FINAL (still counted exactly once)
    expect(j.orders.get('A2')).toMatchObject({ status: 'paid', amountFen: 200, reconstructed: true });
    expect(j.orders.totals(DAY0)).toMatchObject({ count: 3, paidFen: 600 });
    expect(j.orders.get('A3')?.status).toBe('paid');
    expect(j.orders.get('A1')?.status).toBe('paid');

    const rec = await j.append(attempt('A4', 400));
    expect(rec.seq).toBe(7);
    await j.close();
    expect(await readFile(join(dir, FILE))).toEqual(damaged);
    expect((await readdir(dir)).sort()).toEqual([SEG2, FILE].sort());

    const j2 = await open(dir, clock.now);
    expect(j2.report.corrupt).toEqual([{ file: FILE, line: 3, reason: expect.any(String) }]);
    expect(j2.report.records).toBe(6);
    expect(j2.orders.get('A4')?.amountFen).toBe(400);
    expect((await j2.append(attempt('A5'))).seq).toBe(8);
    await j2.close();
    expect(await readFile(join(dir, FILE))).toEqual(damaged);
    expect((await readFile(join(dir, SEG2), 'utf8')).trim().split('\n')).toHaveLength(2);
  });

  it('reports an unparsable line and an empty line in the middle', async () => {
    await writeOrders(3);
    await damageLine(FILE, 2, () => 'garbage {');
    await damageLine(FILE, 4, () => '');
    const j = await open(dir, manualClock().now);
    expect(j.report.corrupt.map((c) => c.line)).toEqual([2, 4]);
    expect(j.report.records).toBe(4);
    // the finals of A1 and A2 are on the bad lines → recovery must re-query both
    expect(j.orders.unfinished().map((o) => o.clientSn)).toEqual(['A1', 'A2']);
    expect(j.orders.get('A3')?.status).toBe('paid');
    await j.close();
  });

  it('treats a bad last line of an older file as corruption, not a torn tail', async () => {
    const clock = manualClock();
    const j = await open(dir, clock.now);
    await j.append(attempt('A1'));
    await j.append(attempt('A2'));
    clock.advance(24 * HOUR);
    await j.append(attempt('B1'));
    await j.close();
    const damaged = await damageLine(FILE, 2, (l) => l.slice(0, 20));
    const j2 = await open(dir, clock.now);
    expect(j2.report.tornTail).toEqual([]);
    expect(j2.report.corrupt).toEqual([{ file: FILE, line: 2, reason: expect.any(String) }]);
    expect(j2.report.readOnlyFiles).toEqual([FILE]);
    await j2.close();
    expect(await readFile(join(dir, FILE))).toEqual(damaged);
  });

  it('a read-only file with a torn tail is reported but not cut', async () => {
    await writeOrders(2);
    await damageLine(FILE, 1, (l) => l.replace('A1', 'X1'));
    const full = await readFile(join(dir, FILE));
    const torn = full.subarray(0, full.length - 5);
    await writeFile(join(dir, FILE), torn);
    const j = await open(dir, manualClock().now);
    expect(j.report.corrupt.map((c) => c.line)).toEqual([1]);
    expect(j.report.tornTail).toEqual([{ file: FILE, bytesDropped: expect.any(Number) }]);
    await j.append(attempt('A9'));
    await j.close();
    expect(await readFile(join(dir, FILE))).toEqual(torn);
    expect(await readdir(dir)).toContain(SEG2);
  });
});
