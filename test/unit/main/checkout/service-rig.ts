/**
 * A real checkout rig: the in-process sandbox over HTTP, the real Upay driver (activated with the
 * test vendor), the real journal in a temp dir, real timers. Torn down after each test.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { CheckoutView } from '../../../../preload/contract';
import type { Aggregator, CredentialStore, TerminalCredentials } from '../../../../main/aggregator/types';
import { startSandbox, TEST_ACTIVATION_CODE, TEST_VENDOR, type Sandbox } from '../../../../main/aggregator/sandbox';
import { createUpayDriver } from '../../../../main/aggregator/upay';
import { CheckoutService, type CheckoutConfig, type CheckoutDeps, type FinalEvent, type JournalPort } from '../../../../main/checkout/checkout-service';
import { systemClock, systemTimers } from '../../../../main/checkout/time';
import { openJournal, type Journal, type JournalRecord } from '../../../../main/journal';
import { sandboxControl } from '../../../support/sandbox-control';
import { recordViews } from '../../../support/view-recorder';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

export async function tempDir(prefix = 'yima-checkout-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

export function memoryCredentials(): CredentialStore {
  let creds: TerminalCredentials | null = null;
  return { get: () => creds, set: (c) => { creds = c; } };
}

export async function sandbox(): Promise<{ sb: Sandbox; ctl: ReturnType<typeof sandboxControl> }> {
  const sb = await startSandbox({ port: 0 });
  cleanups.push(() => sb.close());
  return { sb, ctl: sandboxControl(sb.url) };
}

/** The real Upay driver against the sandbox, activated with the test vendor. */
export async function activatedDriver(url: string, timeoutMs = 3_000): Promise<Aggregator> {
  const driver = createUpayDriver({
    baseUrl: url,
    gatewayUrl: `${url}/gateway`, // the unified QR points at the sandbox's own WAP gateway
    vendor: { sn: TEST_VENDOR.vendorSn, key: TEST_VENDOR.vendorKey, appId: TEST_VENDOR.appId },
    credentials: memoryCredentials(),
    deviceId: 'yima-test-counter',
    timeoutMs,
  });
  const act = await driver.activate({ code: TEST_ACTIVATION_CODE, deviceId: 'yima-test-counter' });
  expect(act.ok).toBe(true);
  return driver;
}

export async function journalIn(dir: string, clock: () => number = Date.now): Promise<Journal> {
  const j = await openJournal({ dir, clock, warn: () => undefined });
  cleanups.push(() => j.close());
  return j;
}

/** Every record on disk, in file order (what survives a power cut). */
export async function recordsOnDisk(dir: string): Promise<JournalRecord[]> {
  const out: JournalRecord[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort()) {
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) if (line) out.push(JSON.parse(line) as JournalRecord);
  }
  return out;
}

let sn = 0;
export const newClientSn = (): string => `YMT${Date.now()}${String(++sn).padStart(4, '0')}`;
let rid = 0;
export const requestId = (): string => `req-${Date.now()}-${++rid}`;

export interface Rig {
  service: CheckoutService;
  views: CheckoutView[];
  finals: FinalEvent[];
  /** Resolves with the first view (already shown or coming) that matches. */
  until(pred: (v: CheckoutView) => boolean, timeoutMs?: number): Promise<CheckoutView>;
  result(timeoutMs?: number): Promise<NonNullable<CheckoutView['result']>>;
}

export function makeService(opts: { aggregator: Aggregator; journal: JournalPort; config?: Partial<CheckoutConfig>; closeOutRetryMs?: number; extra?: Partial<CheckoutDeps> }): Rig {
  const rec = recordViews();
  const views = rec.views;
  const finals: FinalEvent[] = [];
  const config: CheckoutConfig = { qrExpiryMs: 240_000, scanWindowMs: 45_000, maxAmountFen: 5_000_000, operator: '收银员', subject: '一码小店-1号收银台', ...opts.config };
  const service = new CheckoutService({
    aggregator: opts.aggregator,
    journal: opts.journal,
    clock: systemClock,
    timers: systemTimers,
    newClientSn,
    config: () => config,
    onView: rec.onView,
    onFinal: (e) => finals.push(e),
    closeOutRetryMs: opts.closeOutRetryMs ?? 200,
    ...opts.extra,
  });
  cleanups.push(async () => {
    await service.stop();
  });
  const until = (pred: (v: CheckoutView) => boolean, timeoutMs = 8_000) => rec.until(pred, timeoutMs);
  return {
    service, views, finals, until,
    result: async (timeoutMs) => (await until((v) => v.phase === 'result', timeoutMs)).result!,
  };
}

/** WeChat customer code (18 digits starting 13) whose last two digits script the sandbox. */
export const wechatCode = (suffix = '00'): string => `1346${String(Date.now() % 1e10).padStart(10, '0')}${String(++sn % 100).padStart(2, '0')}${suffix}`;
