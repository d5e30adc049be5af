import { existsSync, lstatSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSerialPorts } from '../../../main/devices/scanner/port-list';
import { openPtyPair, ptySkipReason, type PtyPair } from '../../support/pty-pair';

/** Creating /dev/ttyUSB<N> needs a writable /dev (root in CI containers). */
function devSkipReason(): string | undefined {
  const pty = ptySkipReason();
  if (pty) return pty;
  if (process.platform !== 'linux') return 'the /dev fallback is Linux-only';
  try {
    const probe = '/dev/.yima-probe';
    symlinkSync('/dev/null', probe);
    rmSync(probe);
    return undefined;
  } catch (err) {
    return `cannot create links in /dev (${(err as Error).message})`;
  }
}

const skip = devSkipReason();
if (skip) console.warn(`[port-list pty test] skipped: ${skip}`);

describe.skipIf(skip !== undefined)('listSerialPorts without udevadm', () => {
  let pair: PtyPair;
  let link = '';

  beforeAll(async () => {
    pair = await openPtyPair();
    for (let n = 90; n < 200 && !link; n++) {
      const p = `/dev/ttyUSB${n}`;
      if (!existsSync(p) && !isLink(p)) link = p;
    }
    symlinkSync(realpathSync(pair.a), link); // like a USB adapter, but it is a socat pty
  });

  afterAll(async () => {
    if (link) rmSync(link, { force: true });
    await pair?.close();
  });

  it('lists the pty link when list() rejects with spawn udevadm ENOENT', async () => {
    const errors: unknown[] = [];
    const ports = await listSerialPorts({
      list: () => Promise.reject(Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' })),
      onListError: (e) => errors.push(e),
    });
    expect(ports).toContainEqual({ path: link, source: 'fallback' });
    expect(String(errors[0])).toContain('udevadm');
  });

  it('the real module still lists it with a PATH that has no udevadm', async () => {
    const saved = process.env.PATH;
    const empty = mkdtempSync(join(tmpdir(), 'yima-nopath-'));
    process.env.PATH = empty;
    const errors: unknown[] = [];
    try {
      const ports = await listSerialPorts({ onListError: (e) => errors.push(e) });
      expect(ports.map((p) => p.path)).toContain(link);
      expect(String(errors[0])).toMatch(/udevadm/);
    } finally {
      process.env.PATH = saved;
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

function isLink(p: string): boolean {
  try { return lstatSync(p).isSymbolicLink(); } catch { return false; }
}
