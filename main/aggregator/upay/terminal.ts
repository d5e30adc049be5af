/**
 * Terminal lifecycle: activation (vendor key) and the daily check-in that rotates the terminal
 * key. A lost check-in answer may already have rotated the key on the platform, so we retry once
 * with the old key (the platform still accepts it for check-in) before giving up.
 */
import type { ActivateOutcome, ActivateRequest, CredentialStore } from '../types';
import type { UpayClient } from './client';
import { serializeBody } from './sign';
import type { Envelope } from './wire';

export interface TerminalDeps {
  client: UpayClient;
  credentials: CredentialStore;
  vendor: { sn: string; key: string; appId: string };
  deviceId: string;
  osInfo: string;
  sdkVersion: string;
}

type KeyAnswer = { ok: true; terminalSn: string; terminalKey: string } | { ok: false; env: Envelope };

/** Read terminal_sn/terminal_key out of an activate/checkin answer; a 200 without them is unusable. */
function readKeys(env: Envelope, fallbackSn?: string): KeyAnswer {
  if (env.kind !== 'ok') return { ok: false, env };
  const biz = env.biz;
  const key = typeof biz.terminal_key === 'string' && biz.terminal_key !== '' ? biz.terminal_key : undefined;
  const sn = typeof biz.terminal_sn === 'string' && biz.terminal_sn !== '' ? biz.terminal_sn : fallbackSn;
  if (key !== undefined && sn !== undefined) return { ok: true, terminalSn: sn, terminalKey: key };
  if (typeof biz.error_code === 'string') {
    const message = typeof biz.error_message === 'string' ? biz.error_message : biz.error_code;
    return { ok: false, env: { kind: 'rejected', errorCode: biz.error_code, message } };
  }
  return { ok: false, env: { kind: 'unknown', reason: 'malformed', message: '平台应答缺少终端密钥，结果未知 (biz_response without terminal_sn/terminal_key)' } };
}

function failure(env: Exclude<Envelope, { kind: 'ok' }>, what: string): ActivateOutcome {
  if (env.kind === 'rejected') return { ok: false, definite: true, errorCode: env.errorCode, message: `${what}失败：${env.message}` };
  return { ok: false, definite: false, errorCode: `UNKNOWN_${env.reason.toUpperCase()}`, message: `${what}结果未知：${env.message}` };
}

export async function activateTerminal(deps: TerminalDeps, req: ActivateRequest): Promise<ActivateOutcome> {
  const deviceId = req.deviceId || deps.deviceId;
  const body = serializeBody({
    app_id: deps.vendor.appId,
    code: req.code,
    device_id: deviceId,
    name: req.name ?? `Yima ${deviceId}`,
    os_info: deps.osInfo,
    sdk_version: deps.sdkVersion,
  });
  const env = await deps.client.post('/terminal/activate', body, deps.vendor.sn, deps.vendor.key);
  const keys = readKeys(env);
  if (!keys.ok) return failure(keys.env as Exclude<Envelope, { kind: 'ok' }>, '激活');
  deps.credentials.set({ terminalSn: keys.terminalSn, terminalKey: keys.terminalKey, deviceId });
  return { ok: true, terminalSn: keys.terminalSn, terminalKey: keys.terminalKey };
}

export async function checkinTerminal(deps: TerminalDeps): Promise<ActivateOutcome> {
  const creds = deps.credentials.get();
  if (creds === null) return { ok: false, definite: true, errorCode: 'INVALID_TERMINAL', message: '终端未激活' };
  const body = serializeBody({
    terminal_sn: creds.terminalSn,
    device_id: creds.deviceId || deps.deviceId,
    os_info: deps.osInfo,
    sdk_version: deps.sdkVersion,
  });
  // Never rotate a key that cannot be saved (issue 14 item 8): the pending state is written first.
  try {
    deps.credentials.beginCheckin?.();
  } catch (err) {
    return { ok: false, definite: false, errorCode: 'NOT_SAVED', message: `数据目录无法写入，未签到（密钥不变）：${err instanceof Error ? err.message : String(err)}` };
  }
  let keys = readKeys(await deps.client.post('/terminal/checkin', body, creds.terminalSn, creds.terminalKey), creds.terminalSn);
  if (!keys.ok && keys.env.kind === 'unknown') {
    const first = keys.env;
    // The first answer was lost: the platform may have rotated already; it accepts the old key once more.
    keys = readKeys(await deps.client.post('/terminal/checkin', body, creds.terminalSn, creds.terminalKey), creds.terminalSn);
    if (!keys.ok) {
      const second = keys.env as Exclude<Envelope, { kind: 'ok' }>;
      return {
        ok: false,
        definite: false,
        errorCode: 'CHECKIN_UNKNOWN',
        message: `签到两次均未得到确定结果，终端密钥可能已变更，请联系收钱吧客服（first: ${first.message}; retry: ${second.message}）`,
      };
    }
  }
  if (!keys.ok) return failure(keys.env as Exclude<Envelope, { kind: 'ok' }>, '签到');
  deps.credentials.set({ terminalSn: keys.terminalSn, terminalKey: keys.terminalKey, deviceId: creds.deviceId || deps.deviceId });
  return { ok: true, terminalSn: keys.terminalSn, terminalKey: keys.terminalKey };
}
