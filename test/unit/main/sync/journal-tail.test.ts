/** The outbox reader: records after a sequence, across day files, never past the acknowledged head, never a half-written line. */
import { appendFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { nodeJournalFs, openJournal } from '../../../../main/journal';
import { JournalTail } from '../../../../main/sync/journal-tail';
import { parseHqUrl, redactUrl } from '../../../../main/sync/pg-connect';

test('reads records after a seq across day files, up to the acknowledged head, skipping an incomplete last line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'yima-tail-'));
  let now = new Date(2026, 11, 1, 21, 0).getTime();
  const journal = await openJournal({ dir, clock: () => now, warn: () => undefined });
  for (let i = 0; i < 5; i++) await journal.append({ type: 'OPERATOR_ACTION', operator: 'x', action: `a${i}` });
  now = new Date(2026, 11, 2, 9, 0).getTime(); // the next business day: a new file
  for (let i = 5; i < 8; i++) await journal.append({ type: 'OPERATOR_ACTION', operator: 'x', action: `a${i}` });
  await journal.close();
  appendFileSync(join(dir, 'journal-2026-12-02.jsonl'), '{"type":"OPERATOR_ACTION","operator":"x"'); // an append in progress

  const tail = new JournalTail(nodeJournalFs, dir, () => undefined);
  expect(await tail.headSeq()).toBe(8);
  const first = await tail.read(3, 100, 6);
  expect(first.map((r) => [r.seq, r.day])).toEqual([[4, '2026-12-01'], [5, '2026-12-01'], [6, '2026-12-02']]);
  const rest = await tail.read(6, 100);
  expect(rest.map((r) => r.seq)).toEqual([7, 8]);
  expect(JSON.parse(rest[0]!.json)).toMatchObject({ type: 'OPERATOR_ACTION', action: 'a6', seq: 7 });
  // The server knows less than was handed out (a restart): the reader finds the place again.
  expect((await tail.read(1, 2)).map((r) => r.seq)).toEqual([2, 3]);
});

test('HQ URL: store role and sslmode parsed, password kept out of what is saved, bad input explained', () => {
  const p = parseHqUrl('postgres://yima_store_s1:p%40ss@db.example:6432/yima?sslmode=require');
  expect(p).toEqual({ ok: true, password: 'p@ss', target: { host: 'db.example', port: 6432, database: 'yima', user: 'yima_store_s1', sslmode: 'require' } });
  expect(redactUrl('postgres://r:secret@h:5432/d')).toBe('postgres://r@h:5432/d');
  expect(parseHqUrl('postgres://r@h/d')).toMatchObject({ ok: true, target: { sslmode: 'prefer', port: 5432 } });
  expect(parseHqUrl('http://h/d')).toMatchObject({ ok: false, message: { code: 'hq.urlInvalid' } });
  expect(parseHqUrl('postgres://h/d')).toMatchObject({ ok: false, message: { code: 'hq.urlNoUser' } });
  expect(parseHqUrl('postgres://r@h/d?sslmode=allow')).toMatchObject({ ok: false, message: { code: 'hq.sslmodeInvalid', params: { mode: 'allow' } } });
});
