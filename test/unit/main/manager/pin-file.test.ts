/**
 * Issue 14 item 3: pins.json fails closed. A truncated (power cut) or deleted PIN file never
 * brings back the factory PINs: every PIN action is refused with PIN_FILE_DAMAGED, the file is
 * left as it is, and the message says how the engineer restores it (pins.json.bak).
 */
import { afterEach, beforeEach, describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openOperators } from '../../../../main/manager/operators';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'yima-pins-')); });
afterEach(async () => rm(dir, { recursive: true, force: true }));

const open = () => openOperators({ dataDir: dir, append: async () => undefined, clock: () => 1_000, log: () => undefined, pinCost: 1024 });
const pinsFile = () => join(dir, 'pins.json');
const codeOf = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code ?? String(e));

describe('pins.json on disk', () => {
  it('first start: factory PINs, written durably (0600, no temp file left) with a marker and a .bak', async () => {
    const ops = open();
    expect(ops.pinFileProblem()).toBeNull();
    expect((await ops.pins.verify('manager', '8888')).ok).toBe(true);
    expect(statSync(pinsFile()).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dir, 'pins.created'))).toBe(true);
    expect(readFileSync(join(dir, 'pins.json.bak'), 'utf8')).toBe(readFileSync(pinsFile(), 'utf8'));
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('a truncated file: login, PIN changes and profiles are refused (PIN_FILE_DAMAGED); the file is not rewritten', async () => {
    const first = open();
    expect((await first.pins.setPin('manager', '王店长', '2468')).ok).toBe(true);
    const size = statSync(pinsFile()).size;
    truncateSync(pinsFile(), Math.floor(size / 2)); // the power went while it was written
    const damaged = readFileSync(pinsFile());

    const ops = open();
    expect(ops.pinFileProblem()).toMatch(/PIN 文件已损坏/);
    expect(ops.pinFileProblem()).toContain('pins.json.bak');
    expect(await codeOf(ops.pins.verify('manager', '8888'))).toBe('PIN_FILE_DAMAGED');
    expect(await codeOf(ops.pins.verify('manager', '2468'))).toBe('PIN_FILE_DAMAGED');
    expect(await codeOf(ops.session.login('manager', '8888'))).toBe('PIN_FILE_DAMAGED');
    expect(await codeOf(ops.pins.setPin('manager', '新店长', '1357'))).toBe('PIN_FILE_DAMAGED');
    expect(await codeOf(ops.pins.profiles())).toBe('PIN_FILE_DAMAGED');
    expect(readFileSync(pinsFile()).equals(damaged)).toBe(true);

    // The engineer restores the backup: the manager's own PIN works again, the factory one does not.
    copyFileSync(join(dir, 'pins.json.bak'), pinsFile());
    const restored = open();
    expect(restored.pinFileProblem()).toBeNull();
    expect((await restored.pins.verify('manager', '2468')).ok).toBe(true);
    expect((await restored.pins.verify('manager', '8888')).ok).toBe(false);
  });

  it('a deleted file where one existed is not a first start: refused, nothing recreated', async () => {
    const first = open();
    expect((await first.pins.setPin('manager', '王店长', '2468')).ok).toBe(true);
    unlinkSync(pinsFile());
    const ops = open();
    expect(ops.pinFileProblem()).toMatch(/missing/);
    expect(await codeOf(ops.pins.verify('manager', '8888'))).toBe('PIN_FILE_DAMAGED');
    expect(existsSync(pinsFile())).toBe(false);
  });

  it('valid JSON that is not a PIN book (no manager left, bad hash) is damaged too', async () => {
    const first = open();
    await first.pins.profiles();
    const s = JSON.parse(readFileSync(pinsFile(), 'utf8')) as { profiles: { role: string }[] };
    s.profiles = s.profiles.filter((p) => p.role !== 'manager');
    writeFileSync(pinsFile(), JSON.stringify(s));
    expect(await codeOf(open().pins.verify('manager', '8888'))).toBe('PIN_FILE_DAMAGED');
  });
});
