/**
 * Issue 14 item 1: one owner per data directory. Two real harness processes on one --data-dir:
 * the second exits non-zero naming the directory and the first one's URL and pid, and the first
 * one's paid order, journal and terminal key are untouched. A lock left by a killed process is
 * taken over; a lock held by a live Electron instance keeps the browser mode out too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox } from '../../../main/aggregator/sandbox';
import { startHarnessProcess, type HarnessProcess } from '../../support/harness-process';
import { pollUntil } from '../../support/poll-until';

const built = existsSync(join(process.cwd(), 'out/main/harness.js'));
const CODE = '134567890123456780';

describe.skipIf(!built)('two copies of Yima on one data directory', { timeout: 60_000 }, () => {
  let dir: string;
  let sandbox: Sandbox;
  const apps: HarnessProcess[] = [];

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yima-two-'));
    sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'aggregator') });
  });
  afterEach(async () => {
    for (const a of apps.splice(0)) await a.kill('SIGKILL');
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  });

  const counterDir = () => join(dir, 'counter');
  const start = async () => {
    const a = await startHarnessProcess({ dataDir: counterDir(), aggregatorUrl: sandbox.url });
    apps.push(a);
    await pollUntil(async () => (await a.call<{ recovery: { done: boolean } }>('getSnapshot')).value!, (s) => s.recovery.done);
    return a;
  };
  /** Starts a second copy and returns how it ended (it must not come up). */
  const secondStart = async (): Promise<string> => {
    try {
      const b = await startHarnessProcess({ dataDir: counterDir(), aggregatorUrl: sandbox.url, timeoutMs: 15_000 });
      apps.push(b);
      return 'started';
    } catch (err) {
      return String(err instanceof Error ? err.message : err);
    }
  };
  const payOnce = async (a: HarnessProcess) => {
    await a.call('setPendingAmount', { amount: '12.30' });
    await a.call('startScanPayment', { amount: '12.30', code: CODE, requestId: 'two-instances-1', source: 'wedge' });
    await pollUntil(async () => (await a.call<{ checkout: { result?: { outcome: string } } }>('getSnapshot')).value!, (s) => s.checkout.result?.outcome === 'PAID');
  };
  const secrets = () => readFileSync(join(counterDir(), 'secrets.json'), 'utf8');

  it('the second copy exits (3) naming the directory, the URL and the pid; the first keeps its paid order and key', async () => {
    const a = await start();
    await payOnce(a);
    const journalDir = join(counterDir(), 'journal');
    const file = readdirSync(journalDir).find((n) => n.endsWith('.jsonl'))!;
    const sizeBefore = (await stat(join(journalDir, file))).size;
    const keyBefore = secrets();

    const ended = await secondStart();
    expect(ended).toMatch(/harness exited \(3\)/);
    expect(ended).toContain(counterDir());
    expect(ended).toContain(a.origin);
    expect(ended).toContain(`pid ${a.child.pid}`);

    // The first copy is unharmed: same journal bytes, same order, same terminal key.
    expect((await stat(join(journalDir, file))).size).toBe(sizeBefore);
    expect(secrets()).toBe(keyBefore);
    const list = (await a.call<{ status: string }[]>('listOrders')).value!;
    expect(list.map((o) => o.status)).toEqual(['paid']);
    expect((await a.call<{ count: number; paidFen: number }>('dayTotals')).value).toMatchObject({ count: 1, paidFen: 1230 });
    // …and it still takes payments after the refused start.
    expect((await a.call('setPendingAmount', { amount: '1.00' })).ok).toBe(true);
  });

  it('a lock left by a copy killed with kill -9 is taken over: the next start comes up with the order', async () => {
    const a = await start();
    await payOnce(a);
    await a.kill('SIGKILL');
    expect(existsSync(join(counterDir(), 'yima.lock'))).toBe(true); // the dead owner could not remove it
    const c = await start();
    expect(c.output.join('')).toContain(`took over a stale lock of pid ${a.child.pid}`);
    expect((await c.call<{ status: string }[]>('listOrders')).value!.map((o) => o.status)).toEqual(['paid']);
  });

  it('a live Electron copy holding the directory keeps the browser mode out', async () => {
    const a = await start();
    await a.kill('SIGTERM'); // a clean stop removes its lock
    expect(existsSync(join(counterDir(), 'yima.lock'))).toBe(false);
    // The Electron app's lock: a live pid (this test process) from this boot.
    const bootId = existsSync('/proc/sys/kernel/random/boot_id') ? readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim() : undefined;
    writeFileSync(join(counterDir(), 'yima.lock'), JSON.stringify({ pid: process.pid, bootId, startedAt: Date.now(), mode: 'electron' }));
    const ended = await secondStart();
    expect(ended).toMatch(/harness exited \(3\)/);
    expect(ended).toContain(`pid ${process.pid}`);
    expect(ended).toContain(counterDir());
  });
});
