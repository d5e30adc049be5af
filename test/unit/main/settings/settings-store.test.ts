import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { zhText } from '../../../../main/i18n/zh-text';
import { DEFAULT_SETTINGS } from '../../../../main/settings/schema';
import { openSettings, type ConfFactory } from '../../../../main/settings/settings-store';
import { makeReadOnly } from '../../../support/read-only-dir';

// electron-store takes Electron's app paths only when no cwd is given; everything else is conf. Outside
// Electron, `require('electron')` is just the binary's path — pointed somewhere so nothing is downloaded.
process.env.ELECTRON_OVERRIDE_DIST_PATH ??= tmpdir();
const { default: Store } = await import('electron-store');

type ConfStore = { store: Record<string, unknown>; path: string };
/** The two stores the app really uses, built with the same options as main/harness/cli.ts and main/app/index.ts. */
const FACTORIES: [string, ConfFactory][] = [
  ['conf (harness)', (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as unknown as ConfStore],
  ['electron-store (Electron app)', (o) => new Store({ cwd: o.cwd, name: o.configName }) as unknown as ConfStore],
];
const NOW = 1_773_100_000_000;

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'yima-settings-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const file = () => join(dir, 'settings.json');
const onDisk = async () => JSON.parse(await readFile(file(), 'utf8')) as typeof DEFAULT_SETTINGS;

describe.each(FACTORIES)('openSettings over %s', (_name, factory) => {
  it('first start: the defaults, written to <dataDir>/settings.json, and no warning', async () => {
    const s = openSettings(dir, factory, () => NOW);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(s.warnings).toEqual([]);
    expect(s.path).toBe(file());
    expect(await onDisk()).toEqual(DEFAULT_SETTINGS);
  });

  it('a valid update is saved and survives a restart', async () => {
    const s = openSettings(dir, factory, () => NOW);
    const r = s.update((cur) => ({ ...cur, shop: { ...cur.shop, name: '老王便利店' }, checkout: { ...cur.checkout, maxAmountFen: 20_000_00 } }));
    expect(r).toMatchObject({ ok: true, settings: { shop: { name: '老王便利店' } } });
    const again = openSettings(dir, factory, () => NOW);
    expect(again.get().shop.name).toBe('老王便利店');
    expect(again.get().checkout.maxAmountFen).toBe(2_000_000);
    expect(again.warnings).toEqual([]);
  });

  it('an invalid update is refused with the field named, and nothing is saved', async () => {
    const s = openSettings(dir, factory, () => NOW);
    const before = await readFile(file(), 'utf8');
    const bad = s.update((cur) => ({ ...cur, scanner: { ...cur.scanner, baudRate: 12345 } }));
    expect(bad).toEqual({ ok: false, message: 'scanner.baudRate：波特率须为 1200 / 2400 / 4800 / 9600 / 19200 / 38400 / 57600 / 115200 之一' });
    const zero = s.update((cur) => ({ ...cur, checkout: { ...cur.checkout, maxAmountFen: 0 } }));
    expect(zero.ok).toBe(false);
    if (!zero.ok) expect(zero.message).toMatch(/^checkout\.maxAmountFen：/);
    const url = s.update((cur) => ({ ...cur, aggregator: { ...cur.aggregator, baseUrl: 'ftp://x' } }));
    expect(url.ok).toBe(false);
    expect(await readFile(file(), 'utf8')).toBe(before);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('a patch that mutates its argument and then fails validation leaves the current settings untouched', () => {
    const s = openSettings(dir, factory, () => NOW);
    const r = s.update((cur) => { cur.checkout.maxAmountFen = -1; cur.shop.name = '改了'; return cur; });
    expect(r.ok).toBe(false);
    expect(s.get().checkout.maxAmountFen).toBe(5_000_000);
    expect(s.get().shop.name).toBe(DEFAULT_SETTINGS.shop.name);
    expect(DEFAULT_SETTINGS.checkout.maxAmountFen).toBe(5_000_000);
  });

  it('a corrupt (non-JSON) file is moved aside byte for byte, a warning names it, and the defaults are used', async () => {
    const garbage = '{"version":1,"shop":{"name":"老王\u0000\u0000 — truncated';
    await writeFile(file(), garbage);
    const s = openSettings(dir, factory, () => NOW);
    const aside = `${file()}.corrupt-${NOW}`;
    expect(existsSync(aside)).toBe(true);
    expect(await readFile(aside, 'utf8')).toBe(garbage);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toContain('设置文件已损坏');
    expect(s.warnings[0]).toContain(aside);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(await onDisk()).toEqual(DEFAULT_SETTINGS);
  });

  it('a file that is JSON but fails the schema is moved aside too, with the bad field named', async () => {
    const invalid = JSON.stringify({ ...DEFAULT_SETTINGS, checkout: { ...DEFAULT_SETTINGS.checkout, maxAmountFen: 'lots' } }, null, 2);
    await writeFile(file(), invalid);
    const s = openSettings(dir, factory, () => NOW);
    const aside = `${file()}.corrupt-${NOW}`;
    expect(await readFile(aside, 'utf8')).toBe(invalid);
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toContain('设置文件内容无效');
    expect(s.warnings[0]).toContain('checkout.maxAmountFen');
    expect(s.warnings[0]).toContain(aside);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
    expect(await onDisk()).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every bad file when it happens twice (each aside file has its own name)', async () => {
    await writeFile(file(), 'not json 1');
    openSettings(dir, factory, () => NOW);
    await writeFile(file(), 'not json 2');
    openSettings(dir, factory, () => NOW + 1);
    const asides = (await readdir(dir)).filter((n) => n.includes('.corrupt-')).sort();
    expect(asides).toEqual([`settings.json.corrupt-${NOW}`, `settings.json.corrupt-${NOW + 1}`]);
  });

  it('an empty object file (older, unversioned) is completed with defaults without a warning', async () => {
    await writeFile(file(), '{}');
    const s = openSettings(dir, factory, () => NOW);
    expect(s.warnings).toEqual([]);
    expect(s.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('a version 1 file keeps the shop and scanner port it had and gains the new serial settings', async () => {
    const v1 = { ...DEFAULT_SETTINGS, version: 1, shop: { ...DEFAULT_SETTINGS.shop, name: '老王便利店' }, scanner: { path: '/dev/ttyUSB0', baudRate: 115200, suffix: 'CRLF' } };
    await writeFile(file(), JSON.stringify(v1));
    const s = openSettings(dir, factory, () => NOW);
    expect(s.warnings).toEqual([]);
    expect(s.get().version).toBe(2);
    expect(s.get().shop.name).toBe('老王便利店');
    expect(s.get().scanner).toEqual({ ...DEFAULT_SETTINGS.scanner, path: '/dev/ttyUSB0', baudRate: 115200, suffix: 'CRLF' });
    expect((await onDisk()).scanner.parity).toBe('none');
  });

  describe('read-only data directory', () => {
    let undo: (() => void) | null = null;
    afterEach(() => { undo?.(); undo = null; });
    const readOnly = (ctx: { skip: (note?: string) => void }) => {
      undo = makeReadOnly(dir);
      if (!undo) ctx.skip('cannot make a read-only directory here');
    };

    it('the saved settings are used, a warning says they cannot be saved, and an update is refused without changing anything', async (ctx) => {
      openSettings(dir, factory, () => NOW).update((cur) => ({ ...cur, shop: { ...cur.shop, name: '老王便利店' } }));
      const before = await readFile(file(), 'utf8');
      readOnly(ctx);
      const s = openSettings(dir, factory, () => NOW);
      expect(s.get().shop.name).toBe('老王便利店');
      expect(s.warnings).toHaveLength(1);
      expect(s.warnings[0]).toMatch(/^数据目录不可写（E(ROFS|ACCES|PERM)/);
      expect(s.warnings[0]).toContain('设置无法保存');
      const r = s.update((cur) => ({ ...cur, shop: { ...cur.shop, name: '改名' } }));
      expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^设置未保存：E(ROFS|ACCES|PERM)/) });
      expect(s.get().shop.name).toBe('老王便利店');
      expect(await readFile(file(), 'utf8')).toBe(before);
    });

    it('a corrupt file that cannot be moved aside is left byte for byte, reported, and never overwritten', async (ctx) => {
      const garbage = '{"version":1,"shop":{"name":"老王\u0000 — truncated';
      await writeFile(file(), garbage);
      readOnly(ctx);
      const s = openSettings(dir, factory, () => NOW);
      expect(s.warnings).toHaveLength(1);
      expect(s.warnings[0]).toContain('设置文件已损坏');
      expect(s.warnings[0]).toContain('无法移到一旁');
      expect(s.warnings[0]).toContain('原文件未改动');
      expect(s.get()).toEqual(DEFAULT_SETTINGS);
      expect(s.update((cur) => cur).ok).toBe(false);
      expect(await readFile(file(), 'utf8')).toBe(garbage);
      expect((await readdir(dir)).filter((n) => n.includes('.corrupt-'))).toEqual([]);
    });

    it('a fresh read-only directory starts on the defaults with a warning instead of failing', async (ctx) => {
      readOnly(ctx);
      const s = openSettings(dir, factory, () => NOW);
      expect(s.get()).toEqual(DEFAULT_SETTINGS);
      expect(s.warnings.map(zhText).join('')).toContain('设置无法保存');
      expect(existsSync(file())).toBe(false);
    });
  });
});
