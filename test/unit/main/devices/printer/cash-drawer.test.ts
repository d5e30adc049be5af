import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, it } from 'vitest';
import { expect } from '../../../../support/zh-expect';
import { createFileTransport, createPrintQueue, drawerKick, kickDrawer } from '../../../../../main/devices/printer';

const dirs: string[] = [];
const tmp = async () => { const d = await mkdtemp(join(tmpdir(), 'yima-drawer-')); dirs.push(d); return d; };
afterEach(async () => { await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true }))); });

describe('cash drawer kick (ESC p)', () => {
  it('is ESC p 0 with a 50 ms pulse and 500 ms rest by default', () => {
    expect([...drawerKick()]).toEqual([0x1b, 0x70, 0x00, 25, 250]);
    expect([...drawerKick(1, 100, 100)]).toEqual([0x1b, 0x70, 0x01, 50, 50]);
  });

  it('goes straight to the printer, not through the persistent queue', async () => {
    const sink = await tmp();
    const queue = await createPrintQueue({ dir: await tmp(), transport: createFileTransport({ dir: sink }), clock: { now: () => Date.now() } });
    expect(await kickDrawer(queue)).toEqual({ opened: true, message: '钱箱已打开' });
    const files = await readdir(sink);
    expect(files).toHaveLength(1);
    expect([...(await readFile(join(sink, files[0]!)))]).toEqual([0x1b, 0x70, 0x00, 25, 250]);
    expect(queue.jobs()).toHaveLength(0);
    await queue.close();
  });

  it('with no printer or an offline one it only says so: no exception, nothing queued for later', async () => {
    expect((await kickDrawer(null)).opened).toBe(false);
    const queue = await createPrintQueue({ dir: await tmp(), transport: createFileTransport({ dir: join(await tmp(), 'missing') }), clock: { now: () => Date.now() } });
    const r = await kickDrawer(queue);
    expect(r.opened).toBe(false);
    expect(r.message).toMatch(/钱箱未能打开/);
    expect(queue.jobs()).toHaveLength(0);
    await queue.close();
  });
});
