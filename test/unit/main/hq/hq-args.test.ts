/** Start flags for head office: the counter's --hq/--store, `npm run hq`'s own flags, and which store a statement file is for. */
import { expect, test } from 'vitest';
import { parseStartArgs } from '../../../../main/harness/cli-args';
import { parseHqArgs } from '../../../../main/hq/cli';
import { storeOfFile } from '../../../../main/hq/ledger';

test('counter: --hq and --store go together and are checked', () => {
  const ok = parseStartArgs(['--hq', 'postgres://yima_store_s1:pw@db/yima', '--store', 'S1', '--store-name', '一号店'], {});
  expect(ok).toMatchObject({ ok: true, args: { hq: { url: 'postgres://yima_store_s1:pw@db/yima', storeId: 'S1', storeName: '一号店' } } });
  expect(parseStartArgs(['--hq', 'postgres://r@db/yima'], {})).toMatchObject({ ok: false, message: expect.stringContaining('--store') });
  const bad = parseStartArgs(['--hq', 'mysql://r:secret@db/x', '--store', 'S1'], {});
  expect(bad).toMatchObject({ ok: false });
  expect(JSON.stringify(bad)).not.toContain('secret'); // never echo a password
  expect(parseStartArgs(['--hq', 'postgres://r@db/yima', '--store', 'S 1'], {})).toMatchObject({ ok: false });
});

test('npm run hq: provisioning needs a password; unknown flags are refused', () => {
  expect(parseHqArgs(['--add-store', 'S1'], {})).toMatchObject({ ok: false, message: expect.stringContaining('--password') });
  expect(parseHqArgs(['--database', 'postgres://o@h/d', '--port', '9000'], {})).toMatchObject({ ok: true, args: { database: 'postgres://o@h/d', port: 9000 } });
  expect(parseHqArgs(['--bogus'], {})).toMatchObject({ ok: false });
});

test('a statement file belongs to the store whose id stands alone in its name', () => {
  const ids = ['S1', 'S10', 'NJ-01'];
  expect(storeOfFile('statement-S10-2026-12-01.csv', ids)).toBe('S10');
  expect(storeOfFile('S1.csv', ids)).toBe('S1');
  expect(storeOfFile('对账单_NJ-01_20261201.csv', ids)).toBe('NJ-01');
  expect(storeOfFile('statement-2026-12-01.csv', ids)).toBeNull();
});
