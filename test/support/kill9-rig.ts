/**
 * The kill -9 rig shared by the recovery suites: per test, a temp directory, the platform's sandbox
 * (real HTTP, lives on across the counter's deaths) and the built harness as a real child process
 * on `<dir>/counter`. `start()` waits until recovery is done, as a cashier would before the next
 * sale; `powerCut()` is SIGKILL. Call it inside a `describe`: it registers its own before/after hooks.
 */
import { afterEach, beforeEach } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarnessProcess, type HarnessProcess } from './harness-process';
import { startPlatformSandbox, type Platform, type PlatformSandbox } from './platform-sandbox';
import { pollUntil } from './poll-until';

export interface Kill9Rig {
  /** This test's temp directory; the counter's data directory is `counterDir`. */
  readonly dir: string;
  readonly counterDir: string;
  readonly plat: PlatformSandbox;
  /** The running counter, or null after a power cut. */
  readonly app: HarnessProcess | null;
  /** Starts the counter on the same data directory and waits until its recovery is done. */
  start(): Promise<HarnessProcess>;
  /** SIGKILL: no shutdown hook runs. */
  powerCut(): Promise<void>;
}

export function kill9Rig(platform: Platform, o: { prefix?: string; beforeStart?: (rig: Kill9Rig) => Promise<void> } = {}): Kill9Rig {
  let dir = '';
  let plat: PlatformSandbox | null = null;
  let app: HarnessProcess | null = null;

  const rig: Kill9Rig = {
    get dir() { return dir; },
    get counterDir() { return join(dir, 'counter'); },
    get plat() {
      if (!plat) throw new Error('kill9Rig: the platform sandbox is started in beforeEach');
      return plat;
    },
    get app() { return app; },
    async start() {
      const a = await startHarnessProcess({ dataDir: rig.counterDir, aggregatorUrl: rig.plat.aggregatorUrl });
      app = a;
      await pollUntil(async () => (await a.call<{ recovery: { done: boolean } }>('getSnapshot')).value!, (s) => s.recovery.done);
      return a;
    },
    async powerCut() {
      await app?.kill('SIGKILL');
      app = null;
    },
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), o.prefix ?? 'yima-kill9-'));
    plat = await startPlatformSandbox(platform, dir);
    await o.beforeStart?.(rig);
  });
  afterEach(async () => {
    await rig.powerCut();
    await plat?.close();
    plat = null;
    await rm(dir, { recursive: true, force: true });
  });
  return rig;
}
