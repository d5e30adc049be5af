/** Builds a driver wired to a replayed fixture and runs the fixture's call. */
import { expect } from 'vitest';
import { createUpayDriver, type UpayDriverOptions } from '../../../../../main/aggregator/upay/driver';
import type { Aggregator, TerminalCredentials } from '../../../../../main/aggregator/types';
import { BASE_URL, TERMINAL, VENDOR, loadFixture, memoryStore, replay, type Exchange, type Fixture, type SentRequest } from './replay';

export function makeDriver(http: UpayDriverOptions['http'], store = memoryStore({ ...TERMINAL }), extra: Partial<UpayDriverOptions> = {}): Aggregator {
  return createUpayDriver({
    baseUrl: BASE_URL, vendor: VENDOR, credentials: store, deviceId: TERMINAL.deviceId, http,
    osInfo: 'test-os', sdkVersion: 'yima-upay-1', ...extra,
  });
}

export async function invoke(driver: Aggregator, method: string, args: unknown): Promise<unknown> {
  const fn = (driver as unknown as Record<string, (a: unknown) => Promise<unknown>>)[method];
  if (fn === undefined) throw new Error(`no method ${method}`);
  return fn.call(driver, args);
}

export interface Run<T> { result: T; sent: SentRequest[]; store: ReturnType<typeof memoryStore>; fixture: Fixture }

/** Replay `exchanges` (default: the fixture's own) and assert every recorded request was sent exactly. */
export async function runFixture<T = unknown>(
  name: string,
  opts: { creds?: TerminalCredentials | null; exchanges?: Exchange[] } = {},
): Promise<Run<T>> {
  const fixture = loadFixture(name);
  const store = memoryStore(opts.creds === undefined ? { ...TERMINAL } : opts.creds);
  const r = replay(opts.exchanges ?? fixture.exchanges);
  const result = (await invoke(makeDriver(r.http, store), fixture.call.method, fixture.call.args)) as T;
  expect(r.mismatches).toEqual([]);
  expect(r.remaining()).toBe(0);
  return { result, sent: r.sent, store, fixture };
}
