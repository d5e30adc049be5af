/** A CmbConfig that talks to the polypay sandbox with its published test-only keys. */
import type { CmbConfig } from './config';
import { CMB_API_PREFIX } from './sandbox/server';
import { SANDBOX_BANK_KEYS, SANDBOX_MERCHANT } from './sandbox/test-keys';

export function sandboxCmbConfig(sandboxUrl: string, payValidTimeSeconds = 240): CmbConfig {
  const m = SANDBOX_MERCHANT;
  return {
    baseUrl: sandboxUrl + CMB_API_PREFIX.slice(0, -1), merId: m.merId, userId: m.userId, appId: m.appId, appSecret: m.appSecret,
    privateKeyHex: m.privateKeyHex, cmbPublicKey: SANDBOX_BANK_KEYS.publicKeyBase64, notifyUrl: 'https://yima.invalid/cmb/notify',
    termId: m.termId, terminalInfo: { ...m.terminalInfo }, payValidTimeSeconds, qrHostRewrite: sandboxUrl,
  };
}
