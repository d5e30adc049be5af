import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32Range } from '../../../../main/journal/crc-line';
import { decodeLine, encodeLine, localBusinessDay, type JournalRecord } from '../../../../main/journal/index';

const rec: JournalRecord = { type: 'ATTEMPT_CREATED', clientSn: 'C1', method: 'qr', amountFen: 1234, operator: '张三', subject: '咖啡 ☕', windowMs: 45000, seq: 7, ts: 1_700_000_000_000 };

describe('crc line', () => {
  it('encodes one line ending with the crc field and a newline, and decodes it back', () => {
    const line = encodeLine(rec);
    const text = line.toString('utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(2);
    expect(text).toMatch(/,"crc":"[0-9a-f]{8}"\}\n$/);
    expect(decodeLine(line)).toMatchObject(rec);
  });

  it('checksums the exact bytes before the crc field', () => {
    const text = encodeLine(rec).toString('utf8');
    const head = text.slice(0, text.indexOf(',"crc":"'));
    const crc = text.slice(text.indexOf(',"crc":"') + 8, text.indexOf(',"crc":"') + 16);
    expect(crc32(Buffer.from(head, 'utf8')).toString(16).padStart(8, '0')).toBe(crc);
  });

  it('detects any flipped byte, including a change a re-serialization would hide', () => {
    const line = encodeLine(rec);
    for (let i = 0; i < line.length - 1; i++) {
      const bad = Buffer.from(line);
      bad[i] = bad[i]! ^ 0x01;
      expect(typeof decodeLine(bad), `byte ${i}`).toBe('string');
    }
    const spaced = line.toString('utf8').replace('"seq":7', '"seq": 7');
    expect(decodeLine(spaced)).toMatch(/crc mismatch/);
  });

  it('rejects empty, short and crc-less lines', () => {
    expect(decodeLine('')).toBe('empty line');
    expect(decodeLine('{}')).toBe('line too short');
    expect(decodeLine(JSON.stringify(rec))).toBe('missing crc field');
  });

  it('crc32Range equals zlib.crc32 for every length and offset', () => {
    const data = Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff));
    for (let len = 0; len <= 40; len++) {
      for (const off of [0, 1, 3, 7]) expect(crc32Range(data, off, off + len)).toBe(crc32(data.subarray(off, off + len)));
    }
    expect(crc32Range(data, 5, 300)).toBe(crc32(data.subarray(5)));
  });

  it('localBusinessDay gives the local date, also around midnight and in any order', () => {
    const days = [new Date(2026, 2, 10, 23, 59, 59, 999), new Date(2026, 2, 11, 0, 0, 0), new Date(2026, 2, 10, 0, 0, 0), new Date(2025, 11, 31, 12)];
    for (const d of days) {
      const want = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      expect(localBusinessDay(d.getTime())).toBe(want);
      expect(localBusinessDay(d.getTime())).toBe(want);
    }
  });
});
