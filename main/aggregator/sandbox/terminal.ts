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
 * Vendor-signed. The test activation code has unlimited uses. A device_id already activated in
 * the store is refused (设备号重复, zh-cn/api/interface/activate.md FAQ 4): the merchant must
 * unbind the old terminal first (here: POST /__control/reset with terminals).
 */
export function activate(ctx: Ctx, body: Fields): Reply {
  const appId = str(body, 'app_id');
  const code = str(body, 'code');
  const deviceId = str(body, 'device_id');
  if (!appId || !code || !deviceId) return invalidParams('app_id, code, device_id 必填');
  if (appId !== TEST_APP_ID) return transportError('INVALID_APP_ID', 'app_id 不存在');
  if (code !== TEST_ACTIVATION_CODE) return transportError('INVALID_ACTIVATION_CODE', '激活码不存在');
  if (ctx.store.findTerminalByDevice(deviceId)) return transportError('DEVICE_ID_DUPLICATED', '设备号重复：该设备已激活过终端，请联系商务解绑后再激活');
  const t: Terminal = { sn: makeTerminalSn(ctx.store.nextSeq()), key: makeKey(), deviceId, activatedAt: ctx.now, name: str(body, 'name') };
  ctx.store.terminals.set(t.sn, t);
  ctx.store.save();
  return credentials(t);
}

/**
 * Rotates the key. The replaced key stays valid for every call (only the current and the last
 * key are, en/api/terminal/checkin.md), so a client whose answer was lost can retry with it.
 */
export function checkin(ctx: Ctx, body: Fields, t: Terminal): Reply {
  const deviceId = str(body, 'device_id');
  if (!deviceId) return invalidParams('device_id 必填');
  if (deviceId !== t.deviceId) return invalidParams('device_id 与终端不符');
  t.prevKey = t.key;
  t.key = makeKey();
  ctx.store.save();
  return credentials(t);
}
