/**
 * Issue 14 item 6: the settings import goes through the same rules as the engineer's forms. A
 * hostile file (production over http://, a receipt folder with `..`, a scanner path outside /dev)
 * is refused with the reason, and a refused import changes nothing on disk or in memory.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { openOperators } from '../../../../main/manager/operators';
import { engineerHandlers } from '../../../../main/services/engineer-handlers';
import { EventBus } from '../../../../main/services/event-bus';
import { DEFAULT_SETTINGS, type Settings } from '../../../../main/settings/schema';
import { exportSettings } from '../../../../main/settings/settings-transfer';
import { openSettings } from '../../../../main/settings/settings-store';
import { journalIn, tempDir } from '../checkout/service-rig';

async function rig() {
  const dir = await tempDir('yima-import-rules-');
  const journal = await journalIn(join(dir, 'journal'));
  const settings = openSettings(dir, (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never);
  const operators = openOperators({ dataDir: dir, append: (b) => journal.append(b), clock: Date.now, log: () => undefined, pinCost: 1024 });
  const devices = { applyScanner: () => 'ok', status: () => ({}), printer: null } as never;
  const h = engineerHandlers({
    dataDir: dir, settings, secrets: { vendorKey: () => null, isSet: () => false, get: () => null, storedInClear: true } as never, aggregator: { status: () => ({ activated: false }), mode: 'sandbox', baseUrl: '' } as never, devices, bus: new EventBus(), clock: { now: Date.now }, warnings: [], extraPortDirs: [],
    verifyPin: async (role, pin) => ({ ok: true, value: await operators.session.verify(role, pin, 'verify') }),
  });
  expect(await h.engineerUnlock({ pin: '6666' })).toMatchObject({ ok: true });
  return { h, settings, file: settings.path };
}

const hostile: [string, (s: Settings) => Settings, RegExp][] = [
  ['production over http://', (s) => ({ ...s, aggregator: { ...s.aggregator, mode: 'production', baseUrl: 'http://vsi-api.shouqianba.com', vendorSn: '91800001', appId: '2018' } }), /https/],
  ['a receipt folder with ..', (s) => ({ ...s, printer: { ...s.printer, spec: 'file:/var/lib/yima/../../../etc/cron.d' } }), /\.\./],
  ['a scanner path outside /dev', (s) => ({ ...s, scanner: { ...s.scanner, path: '/etc/shadow' } }), /\/dev/],
  ['a scanner path climbing out of /dev', (s) => ({ ...s, scanner: { ...s.scanner, path: '/dev/../etc/shadow' } }), /\/dev/],
];

describe('settings import: the forms\' rules', () => {
  it.each(hostile)('refuses %s and changes nothing', async (_name, edit, why) => {
    const r = await rig();
    const before = readFileSync(r.file, 'utf8');
    const current = structuredClone(r.settings.get());
    const res = await r.h.importSettings({ json: exportSettings(edit(structuredClone(DEFAULT_SETTINGS)), Date.now()) });
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(why);
    expect(readFileSync(r.file, 'utf8')).toBe(before);
    expect(r.settings.get()).toEqual(current);
  });

  it('a clean file with a /dev scanner, a COM port or a plain folder imports', async () => {
    const r = await rig();
    for (const path of ['/dev/ttyUSB0', 'COM3']) {
      const s = { ...structuredClone(DEFAULT_SETTINGS), scanner: { ...DEFAULT_SETTINGS.scanner, path }, printer: { spec: 'file:/var/lib/yima/receipts', width: 58 as const } };
      expect(await r.h.importSettings({ json: exportSettings(s, Date.now()) }), path).toMatchObject({ ok: true });
      expect(r.settings.get().scanner.path).toBe(path);
    }
  });

  it('the form refuses the same production http:// address', async () => {
    const r = await rig();
    const res = await r.h.saveAggregator({ mode: 'production', baseUrl: 'http://vsi-api.shouqianba.com', vendorSn: '91800001', appId: '2018', vendorKey: 'k'.repeat(32) });
    expect(res).toMatchObject({ ok: false });
  });

  it('deeply nested JSON is refused with a clear message before anything walks it', async () => {
    const r = await rig();
    const res = await r.h.importSettings({ json: '{"a":'.repeat(5_000).slice(0, 59_000) });
    expect(res).toMatchObject({ ok: false });
    expect(res.message).toMatch(/嵌套|nested/);
  });
});
