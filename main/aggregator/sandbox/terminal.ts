/** /terminal/activate and /terminal/checkin. */
import type { Ctx } from './orders';
import { type Fields, type Reply, invalidParams, json, str, transportError } from './protocol';
import type { Terminal } from './state';
import { TEST_ACTIVATION_CODE, TEST_APP_ID } from './test-vendor';
import { makeKey, makeTerminalSn } from './wallets';

/** Real Upay puts terminal_sn/terminal_key straight in biz_response; the sandbox mirrors them in data. */
function credentials(t: Terminal): Reply {
  const creds = { terminal_sn: t.sn, terminal_key: t.key };
  return json(200, { result_code: '200', biz_response: { result_code: 'SUCCESS', ...creds, data: creds } });
}

/**
 * Vendor-signed. The test activation code has unlimited uses. Activating again with a known
 * device_id returns the same terminal_sn with a fresh key (older keys stop working).
 */
export function activate(ctx: Ctx, body: Fields): Reply {
  const appId = str(body, 'app_id');
  const code = str(body, 'code');
  const deviceId = str(body, 'device_id');
  if (!appId || !code || !deviceId) return invalidParams('app_id, code, device_id 必填');
  if (appId !== TEST_APP_ID) return transportError('INVALID_APP_ID', 'app_id 不存在');
  if (code !== TEST_ACTIVATION_CODE) return transportError('INVALID_ACTIVATION_CODE', '激活码不存在');
  const existing = ctx.store.findTerminalByDevice(deviceId);
  const t: Terminal = existing ?? {
    sn: makeTerminalSn(ctx.store.nextSeq()), key: '', deviceId, activatedAt: ctx.now,
  };
  t.key = makeKey();
  t.prevKey = undefined;
  t.name = str(body, 'name') ?? t.name;
  ctx.store.terminals.set(t.sn, t);
  ctx.store.save();
  return credentials(t);
}

/**
 * Rotates the key. The key that signed this check-in stays valid for check-in only, so a
 * client whose answer was lost can retry with its old key.
 */
export function checkin(ctx: Ctx, body: Fields, t: Terminal, signedWith: string): Reply {
  const deviceId = str(body, 'device_id');
  if (!deviceId) return invalidParams('device_id 必填');
  if (deviceId !== t.deviceId) return invalidParams('device_id 与终端不符');
  t.prevKey = signedWith;
  t.key = makeKey();
  ctx.store.save();
  return credentials(t);
}
