/**
 * Replays recorded request/response pairs through an injected HttpPost. Each call must match
 * the next recorded request byte for byte; the signature is re-checked with an independent md5.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HttpTransportError, type HttpPost, type TransportErrorKind } from '../../../../../main/aggregator/upay/http';
import type { CredentialStore, TerminalCredentials } from '../../../../../main/aggregator/types';

export const BASE_URL = 'http://upay.test/';
export const VENDOR = { sn: '91800123', key: 'vendorkey0123456789abcdef01234567', appId: '2019041100001234' };
export const TERMINAL: TerminalCredentials = { terminalSn: '100044250000123456', terminalKey: '4f8e6a2b0c1d3e5f7a9b8c6d4e2f0a1b', deviceId: 'yima-test-device-01' };
export const NEW_KEY = '9c1b7e3d5a2f4c6e8b0d1f3a5c7e9b2d';

export interface RecordedRequest { path: string; sn: string; key: string; body: string }
export interface Exchange { request: RecordedRequest; response?: { status: number; body: string }; transportError?: TransportErrorKind }
export interface Fixture { description: string; call: { method: string; args: unknown }; exchanges: Exchange[] }

export function loadFixture<T = Fixture>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T;
}

export interface SentRequest { url: string; body: string; headers: Record<string, string>; timeoutMs: number }

export function md5Hex(s: string): string {
  return createHash('md5').update(s, 'utf8').digest('hex');
}

/**
 * An HttpPost that answers from `exchanges` in order and records what was sent. Mismatches are
 * collected (not thrown) because the driver would turn a throw into an `unknown` outcome.
 */
export function replay(exchanges: Exchange[]): { http: HttpPost; sent: SentRequest[]; mismatches: string[]; remaining: () => number } {
  const queue = [...exchanges];
  const sent: SentRequest[] = [];
  const mismatches: string[] = [];
  const http: HttpPost = async (url, body, headers, timeoutMs) => {
    sent.push({ url, body, headers, timeoutMs });
    const next = queue.shift();
    if (next === undefined) {
      mismatches.push(`unexpected extra request to ${url}: ${body}`);
      throw new Error('unexpected request');
    }
    const n = sent.length;
    const wantUrl = `http://upay.test${next.request.path}`;
    const wantAuth = `${next.request.sn} ${md5Hex(next.request.body + next.request.key)}`;
    if (url !== wantUrl) mismatches.push(`#${n} url ${url} != ${wantUrl}`);
    if (body !== next.request.body) mismatches.push(`#${n} body ${body} != ${next.request.body}`);
    if (headers['Content-Type'] !== 'application/json') mismatches.push(`#${n} content-type ${headers['Content-Type']}`);
    if (headers.Authorization !== wantAuth) mismatches.push(`#${n} authorization ${headers.Authorization} != ${wantAuth}`);
    if (next.transportError !== undefined) throw new HttpTransportError(next.transportError, `recorded ${next.transportError}`);
    if (next.response === undefined) throw new Error('fixture exchange has neither response nor transportError');
    return next.response;
  };
  return { http, sent, mismatches, remaining: () => queue.length };
}

export function memoryStore(initial: TerminalCredentials | null): CredentialStore & { history: TerminalCredentials[] } {
  let current = initial;
  const history: TerminalCredentials[] = [];
  return {
    history,
    get: () => current,
    set: (c) => { current = c; history.push(c); },
  };
}

/** Every leaf of a parsed JSON value is a string (the Upay wire rule). */
export function allLeavesAreStrings(v: unknown): boolean {
  if (typeof v === 'string') return true;
  if (Array.isArray(v)) return v.every(allLeavesAreStrings);
  if (typeof v === 'object' && v !== null) return Object.values(v).every(allLeavesAreStrings);
  return false;
}

export const ALL_FIXTURES = [
  'activate-success', 'activate-code-expired', 'checkin-success', 'checkin-lost-answer', 'checkin-lost-twice',
  'pay-success', 'pay-in-progress', 'pay-fail-expired-barcode', 'pay-fail-error', 'pay-client-sn-conflict',
  'pay-illegal-sign-retry', 'precreate-wechat', 'query-paid-alipay', 'query-not-exists',
  'cancel-success', 'revoke-success', 'refund-partial', 'statement-day', 'statement-not-offered',
] as const;
