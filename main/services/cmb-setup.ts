/**
 * The counter on 招商银行 聚合收款 (polypay): `--aggregator cmb-sandbox` (embedded sandbox with its
 * test-only keys), `--aggregator cmb-sandbox+URL` (a standalone one: `npm run sandbox:cmb`), or
 * the engineer's settings (aggregator.platform = cmb) with the keys from secrets.ts.
 */
import { join } from 'node:path';
import { UAT_BASE_URL, type CmbConfig, type createCmbDriver } from '../aggregator/cmb';
import { createAggregator } from '../aggregator/create-aggregator';
import { UAT_QR_HOST } from '../aggregator/cmb/config';
import { sandboxCmbConfig } from '../aggregator/cmb/sandbox-config';
import { startCmbSandbox, type CmbSandbox } from '../aggregator/cmb/sandbox';
import type { AggregatorSetup, AggregatorSetupOptions } from './aggregator-setup';
import { isMsg, msg, type MessageCode, type Msg } from '../../preload/messages';
import { zhText } from '../shared/zh-text';

/** The polypay config from settings + secrets, or a message saying what is missing. */
export function cmbConfigFromSettings(opts: AggregatorSetupOptions): CmbConfig | Msg {
  const s = opts.settings.cmb;
  const sec = opts.secrets.cmbSecrets();
  const fields: Array<[MessageCode, string]> = [['cmb.fieldMerId', s.merId], ['cmb.fieldUserId', s.userId], ['cmb.fieldAppId', s.appId], ['cmb.fieldBankPublic', s.bankPublic], ['cmb.fieldNotifyUrl', s.notifyUrl], ['cmb.fieldTermId', s.termId], ['cmb.fieldDeviceId', s.deviceId]];
  const missing = fields.filter(([, v]) => !v).map(([k]) => ({ code: k }) as Msg);
  if (!sec) missing.push(msg('cmb.fieldSecrets'));
  if (missing.length > 0 || !sec) return msg('cmb.incomplete', { fieldsMsgs: missing });
  const baseUrl = s.baseUrl || UAT_BASE_URL;
  return {
    baseUrl, merId: s.merId, userId: s.userId, appId: s.appId, appSecret: sec.appSecret, privateKeyHex: sec.privateKeyHex,
    cmbPublicKey: s.bankPublic, notifyUrl: s.notifyUrl, termId: s.termId,
    terminalInfo: { device_type: s.deviceType, device_id: s.deviceId, ...(s.serialNum ? { serial_num: s.serialNum } : {}), ...(s.location ? { location: s.location } : {}) },
    payValidTimeSeconds: opts.settings.checkout.qrExpirySeconds,
    // [ref cmb-polypay.md §3 UAT] render UAT QRs through the UAT payment host.
    ...(baseUrl === UAT_BASE_URL ? { qrHostRewrite: UAT_QR_HOST } : {}),
  };
}

export async function setupCmb(opts: AggregatorSetupOptions): Promise<AggregatorSetup> {
  let sandbox: CmbSandbox | undefined;
  let config: CmbConfig | Msg;
  const qrSeconds = opts.settings.checkout.qrExpirySeconds;
  if (opts.aggregatorUrl === 'cmb-sandbox') {
    sandbox = await startCmbSandbox({ port: 0, dataDir: join(opts.dataDir, 'sandbox') });
    config = sandboxCmbConfig(sandbox.url, qrSeconds);
  } else if (opts.aggregatorUrl?.startsWith('cmb-sandbox+')) {
    config = sandboxCmbConfig(opts.aggregatorUrl.slice('cmb-sandbox+'.length), qrSeconds);
  } else {
    config = cmbConfigFromSettings(opts);
  }
  const message = isMsg(config) ? config : undefined;
  if (message) opts.log(zhText(message));
  const cfg: CmbConfig = isMsg(config) ? { ...sandboxCmbConfig('https://invalid.invalid'), baseUrl: 'https://invalid.invalid' } : config;
  const aggregator = await createAggregator({ ...opts.settings.aggregator, platform: 'cmb' }, { baseUrl: cfg.baseUrl, gatewayUrl: '', credentials: opts.secrets, vendorKey: () => null, deviceId: '', http: opts.http, cmb: cfg });
  const probe = (aggregator as Partial<ReturnType<typeof createCmbDriver>>).testConnection;
  const isSandbox = opts.aggregatorUrl?.startsWith('cmb-sandbox') ?? false;
  return {
    aggregator,
    baseUrl: cfg.baseUrl,
    gatewayUrl: '',
    mode: isSandbox ? 'sandbox' : opts.settings.aggregator.mode,
    platform: 'cmb',
    testConnection: () => (probe ? probe() : Promise.resolve({ ok: false, message: '此平台没有连接测试' })),
    status: () => ({ activated: message === undefined, terminalSn: message === undefined ? `${cfg.merId}/${cfg.userId}` : undefined, message }),
    prepare: () => Promise.resolve(),
    async close() { await sandbox?.close(); },
  };
}
