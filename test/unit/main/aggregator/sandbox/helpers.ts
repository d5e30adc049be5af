import { afterEach } from 'vitest';
import { type Sandbox, type SandboxOptions, startSandbox } from '../../../../../main/aggregator/sandbox/server';
import { sign } from '../../../../../main/aggregator/sandbox/protocol';
import { TEST_ACTIVATION_CODE, TEST_APP_ID, TEST_VENDOR_KEY, TEST_VENDOR_SN } from '../../../../../main/aggregator/sandbox/test-vendor';

export interface Answer {
  status: number;
  text: string;
  json: Record<string, unknown> & { result_code?: string; error_code?: string; error_message?: string };
  biz: { result_code: string; error_code?: string; error_message?: string; data?: Record<string, string> };
}

const started: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

/** A sandbox closed automatically after the test. */
export async function sandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const s = await startSandbox(opts);
  started.push(s);
  return s;
}

export async function postRaw(url: string, raw: string, authorization?: string, timeoutMs = 5000): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(url, { method: 'POST', headers, body: raw, signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let json: Answer['json'] = {};
  try {
    json = JSON.parse(text) as Answer['json'];
  } catch {
    // left empty for malformed answers
  }
  return { status: res.status, text, json, biz: (json.biz_response ?? {}) as Answer['biz'] };
}

export function signedPost(base: string, path: string, body: object, sn: string, key: string, timeoutMs?: number): Promise<Answer> {
  const raw = JSON.stringify(body);
  return postRaw(base + path, raw, `${sn} ${sign(raw, key)}`, timeoutMs);
}

export async function control(base: string, method: string, route: string, body?: object): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/__control/${route}`, {
    method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

export interface Terminal { sn: string; key: string; deviceId: string }

export async function activate(base: string, deviceId = 'device-1'): Promise<Terminal> {
  const a = await signedPost(base, '/terminal/activate', { app_id: TEST_APP_ID, code: TEST_ACTIVATION_CODE, device_id: deviceId }, TEST_VENDOR_SN, TEST_VENDOR_KEY);
  const sn = a.biz.data?.terminal_sn;
  const key = a.biz.data?.terminal_key;
  if (!sn || !key) throw new Error(`activation failed: ${a.text}`);
  return { sn, key, deviceId };
}

/** A terminal-signed Upay call; terminal_sn is filled in. */
export function upay(base: string, t: Terminal, op: string, fields: Record<string, string>, timeoutMs?: number): Promise<Answer> {
  return signedPost(base, `/upay/v2/${op}`, { terminal_sn: t.sn, ...fields }, t.sn, t.key, timeoutMs);
}

let seq = 0;
export const newClientSn = (): string => `T${Date.now()}${(seq += 1)}`;

export function payFields(clientSn: string, dynamicId: string, amount = '1000'): Record<string, string> {
  return { client_sn: clientSn, total_amount: amount, dynamic_id: dynamicId, subject: '测试商品', operator: 'cashier-1' };
}

/** A documented precreate: payway is required (precreate.md); '3' WeChat, sub_payway '2' QR. */
export function precreateFields(clientSn: string, amount = '1230', payway = '3'): Record<string, string> {
  return { client_sn: clientSn, total_amount: amount, payway, sub_payway: '2', subject: '测试商品', operator: 'cashier-1' };
}

/** Customer codes: WeChat 18 digits starting 13, with the behaviour in the last two digits. */
export const wechatCode = (suffix = '00'): string => `1346000000000000${suffix}`;
export const alipayCode = (suffix = '00'): string => `28000000000000${suffix}`;
export const unionpayCode = (suffix = '00'): string => `62120000000000000${suffix}`;

export async function orders(base: string): Promise<Array<Record<string, unknown>>> {
  return (await control(base, 'GET', 'orders')).body.orders as Array<Record<string, unknown>>;
}

export async function orderByClientSn(base: string, clientSn: string): Promise<Record<string, unknown> | undefined> {
  return (await orders(base)).find((o) => o.clientSn === clientSn);
}
