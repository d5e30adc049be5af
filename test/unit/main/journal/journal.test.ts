import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeLine, openJournal } from '../../../../main/journal/index';
import { attempt, DAY0, HOUR, manualClock, open, paid, T0, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

describe('journal append and replay', () => {
  it('round-trips records through the file and rebuilds the index', async () => {
    const clock = manualClock();
    const j = await open(dir, clock.now);
    expect(j.report).toEqual({ files: 0, records: 0, tornTail: [], corrupt: [], readOnlyFiles: [] });
    const r1 = await j.append(attempt('A1', 1500));
    clock.advance(1000);
    const r2 = await j.append({ type: 'REQUEST_SENT', clientSn: 'A1', op: 'pay' });
    clock.advance(1000);
    const r3 = await j.append(paid('A1', 1500));
    expect([r1.seq, r2.seq, r3.seq]).toEqual([1, 2, 3]);
    expect(r3.ts).toBe(T0 + 2000);
    await j.close();

    const text = await readFile(join(dir, `journal-${DAY0}.jsonl`), 'utf8');
    // The shop's payments are readable by its own user only (issue 14 item 10).
    expect((await stat(join(dir, `journal-${DAY0}.jsonl`))).mode & 0o777).toBe(0o600);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => decodeLine(l))).toEqual([r1, r2, r3].map((r) => ({ ...r, crc: expect.stringMatching(/^[0-9a-f]{8}$/) })));

    const j2 = await open(dir, clock.now);
    expect(j2.report).toMatchObject({ files: 1, records: 3, tornTail: [], corrupt: [] });
    expect(j2.orders.get('A1')).toMatchObject({ status: 'paid', amountFen: 1500, day: DAY0, sn: 'SNA1', tradeNo: 'TA1', wallet: 'wechat', finishedAt: T0 + 2000, createdAt: T0 });
    expect(j2.orders.totals(DAY0)).toMatchObject({ count: 1, paidFen: 1500, netFen: 1500 });
    await j2.close();
  });

  it('continues the sequence after a restart, across files', async () => {
    const clock = manualClock();
    const j = await open(dir, clock.now);
    await j.append(attempt('A1'));
    await j.append(attempt('A2'));
    await j.close();
    clock.advance(24 * HOUR);
    const j2 = await open(dir, clock.now);
    expect((await j2.append(attempt('A3'))).seq).toBe(3);
    await j2.close();
    const j3 = await open(dir, clock.now);
    expect(j3.report.records).toBe(3);
    expect((await j3.append(attempt('A4'))).seq).toBe(4);
    await j3.close();
  });

  it('continues the sequence when the last records are of a type replay does not parse (REQUEST_SENT)', async () => {
    const j = await open(dir, manualClock().now);
    await j.append(attempt('A1'));
    await j.append({ type: 'REQUEST_SENT', clientSn: 'A1', op: 'pay' });
    await j.append({ type: 'OPERATOR_ACTION', operator: '001', action: 'login' });
    await j.append({ type: 'REQUEST_SENT', clientSn: 'A1', op: 'query' });
    await j.close();
    const j2 = await open(dir, manualClock().now);
    expect(j2.report.records).toBe(4);
    expect((await j2.append(attempt('A2'))).seq).toBe(5);
    await j2.close();
  });

  it('feeds other folds through onReplay (shift records included; all types with replayAllTypes)', async () => {
    const j = await open(dir, manualClock().now);
    await j.append(attempt('A1'));
    await j.append({ type: 'REQUEST_SENT', clientSn: 'A1', op: 'pay' });
    await j.append({ type: 'SHIFT_OPENED', shiftNo: 1, operator: '001' });
    await j.close();
    const seen: string[] = [];
    const j2 = await openJournal({ dir, clock: Date.now, onReplay: (r) => seen.push(r.type) });
    expect(seen).toEqual(['ATTEMPT_CREATED', 'SHIFT_OPENED']);
    await j2.close();
    const all: string[] = [];
    const j3 = await openJournal({ dir, clock: Date.now, onReplay: (r) => all.push(r.type), replayAllTypes: true });
    expect(all).toEqual(['ATTEMPT_CREATED', 'REQUEST_SENT', 'SHIFT_OPENED']);
    await j3.close();
  });

  it('creates one file per business day (day rollover), and the directory if missing', async () => {
    const clock = manualClock(new Date(2026, 2, 10, 23, 59, 59).getTime());
    const sub = join(dir, 'nested', 'journal');
    const j = await openJournal({ dir: sub, clock: clock.now, warn: () => undefined });
    await j.append(attempt('A1'));
    clock.advance(2000);
    await j.append(attempt('A2'));
    expect((await readdir(sub)).sort()).toEqual(['journal-2026-03-10.jsonl', 'journal-2026-03-11.jsonl']);
    expect(j.orders.get('A1')?.day).toBe('2026-03-10');
    expect(j.orders.get('A2')?.day).toBe('2026-03-11');
    expect(j.orders.list({ day: '2026-03-11' }).map((o) => o.clientSn)).toEqual(['A2']);
    await j.close();
  });

  it('uses an injected businessDay (e.g. a day that starts at 04:00)', async () => {
    const clock = manualClock(new Date(2026, 2, 11, 2, 0, 0).getTime());
    const businessDay = (ts: number) => {
      const d = new Date(ts - 4 * HOUR);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    };
    const j = await openJournal({ dir, clock: clock.now, businessDay, warn: () => undefined });
    await j.append(attempt('A1'));
    expect(await readdir(dir)).toEqual(['journal-2026-03-10.jsonl']);
    expect(j.orders.get('A1')?.day).toBe('2026-03-10');
    await j.close();
  });

  it('serializes concurrent appends in call order', async () => {
    const j = await open(dir, manualClock().now);
    const recs = await Promise.all(Array.from({ length: 50 }, (_, i) => j.append(attempt(`C${i}`))));
    expect(recs.map((r) => r.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    await j.close();
    const lines = (await readFile(join(dir, `journal-${DAY0}.jsonl`), 'utf8')).trim().split('\n');
    expect(lines.map((l) => (decodeLine(l) as { clientSn: string }).clientSn)).toEqual(recs.map((r) => (r as { clientSn: string }).clientSn));
  });

  it('notifies listeners after the record is saved, and stops after unsubscribe', async () => {
    const j = await open(dir, manualClock().now);
    const seen: number[] = [];
    const off = j.onRecord((r) => {
      seen.push(r.seq);
      expect(j.orders.get('A1')).toBeDefined();
    });
    j.onRecord(() => {
      throw new Error('listener bug');
    });
    await j.append(attempt('A1'));
    off();
    await j.append(attempt('A2'));
    expect(seen).toEqual([1]);
    await j.close();
  });

  it('rejects appends after close, but finishes those queued before', async () => {
    const j = await open(dir, manualClock().now);
    const p = j.append(attempt('A1'));
    const closing = j.close();
    await expect(j.append(attempt('A2'))).rejects.toMatchObject({ name: 'JournalClosedError' });
    await expect(p).resolves.toMatchObject({ seq: 1 });
    await closing;
  });

  it('ignores files that are not journal files', async () => {
    const j = await open(dir, manualClock().now);
    await j.append(attempt('A1'));
    await j.close();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await writeFile(join(dir, 'journal-2026-03-10.jsonl.bak'), 'junk');
    const j2 = await open(dir, manualClock().now);
    expect(j2.report).toMatchObject({ files: 1, records: 1, corrupt: [] });
    await j2.close();
  });
});
