/**
 * Fills a ShiftBook from the journal files already on disk (only SHIFT_ records are parsed),
 * then keeps it current from journal.onRecord. Read-only: the journal itself owns its files.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeLine } from '../journal/crc-line';
import { journalFiles } from '../journal/journal-file';
import type { JournalRecord } from '../journal/records';
import { ShiftBook } from '../reports/shift';

const MARKS = ['{"type":"SHIFT_', '{"type":"CASH_PAYOUT"'];

export async function loadShiftBook(dir: string, onRecord: (l: (rec: JournalRecord) => void) => unknown, warn: (msg: string) => void): Promise<ShiftBook> {
  const book = new ShiftBook();
  const live: JournalRecord[] = [];
  let loaded = false;
  onRecord((rec) => {
    if (rec.type !== 'SHIFT_OPENED' && rec.type !== 'SHIFT_CLOSED' && rec.type !== 'CASH_PAYOUT') return;
    if (loaded) book.apply(rec);
    else live.push(rec);
  });
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    names = []; // a fresh install has no journal yet
  }
  let maxSeq = 0;
  for (const f of journalFiles(names)) {
    const text = await readFile(join(dir, f.name), 'utf8');
    for (const line of text.split('\n')) {
      if (!MARKS.some((m) => line.startsWith(m))) continue;
      const rec = decodeLine(line);
      if (typeof rec === 'string') {
        warn(`交班记录无法读取（${f.name}）：${rec}`);
        continue;
      }
      book.apply(rec);
      maxSeq = Math.max(maxSeq, rec.seq);
    }
  }
  for (const rec of live) if (rec.seq > maxSeq) book.apply(rec);
  loaded = true;
  return book;
}
