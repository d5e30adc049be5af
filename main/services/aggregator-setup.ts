/**
 * Which aggregator the counter talks to, and getting the terminal ready: the embedded sandbox
 * by default (auto-activated with its documented test vendor, nothing asked), a given URL with
 * `--aggregator`, or production with the engineer's activation. A daily check-in rotates the key.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { HttpPost } from '../aggregator/upay';
import { createAggregator } from '../aggregator/create-aggregator';
import { startSandbox, TEST_ACTIVATION_CODE, type Sandbox } from '../aggregator/sandbox';
import type { Aggregator } from '../aggregator/types';
import type { SecretsHandle } from '../settings/secrets';
import type { Settings } from '../settings/schema';
import { msg, type Msg } from '../../preload/messages';
import { activationFailureMsg } from '../checkout/platform-msg';

export interface AggregatorSetup {
  aggregator: Aggregator;
  baseUrl: string;
  /** WAP gateway the unified QR points at. */
  gatewayUrl: string;
  sandbox?: Sandbox;
  mode: Settings['aggregator']['mode'];
  /** Which platform's driver runs (issue 18); absent = upay. */
  platform?: Settings['aggregator']['platform'];
  /** A signed round trip proving keys and reachability, where the platform has one (cmb). */
  testConnection?: () => Promise<{ ok: boolean; message: string }>;
  /** Activation / check-in state for the status line. */
  status(): { activated: boolean; terminalSn?: string; message?: Msg };
  /** Activates (sandbox: with the test code) or checks in; never throws. */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

export interface AggregatorSetupOptions {
  dataDir: string;
  settings: Settings;
  secrets: SecretsHandle;
  /** `--aggregator URL`; absent = embedded sandbox in sandbox mode. */
  aggregatorUrl?: string;
  /** `--gateway URL`; absent = `<aggregator URL>/gateway`, the embedded sandbox's own, or the setting. */
  gatewayUrl?: string;
  clock: () => number;
  http?: HttpPost;
  log: (msg: string) => void;
}

export async function setupAggregator(opts: AggregatorSetupOptions): Promise<AggregatorSetup> {
  // 招商银行 polypay (cmb-setup.ts): imported only when chosen, with its driver, sandbox and SM2.
  if (wantsCmb(opts)) return (await import('./cmb-setup')).setupCmb(opts);
  const mode = opts.settings.aggregator.mode;
  let sandbox: Sandbox | undefined;
  let baseUrl = opts.aggregatorUrl ?? opts.settings.aggregator.baseUrl;
  if (!baseUrl && mode === 'sandbox') {
    sandbox = await startSandbox({ port: 0, dataDir: join(opts.dataDir, 'sandbox'), qrExpirySeconds: opts.settings.checkout.qrExpirySeconds });
    baseUrl = sandbox.url;
  }
  const deviceId = loadDeviceId(opts.dataDir);
  const gatewayUrl = resolveGatewayUrl(opts, baseUrl);
  const aggregator = await createAggregator(opts.settings.aggregator, { baseUrl, gatewayUrl, credentials: opts.secrets, vendorKey: () => opts.secrets.vendorKey(), deviceId, http: opts.http });
  let message: Msg | undefined;

  return {
    aggregator, baseUrl, gatewayUrl, sandbox, mode,
    status: () => ({ activated: opts.secrets.isSet(), terminalSn: opts.secrets.get()?.terminalSn, message }),
    async prepare() {
      if (opts.secrets.isSet()) {
        const checkin = await aggregator.checkin();
        if (checkin.ok) { message = undefined; return; }
        // A sandbox started on a fresh data directory does not know our terminal: activate again.
        if (mode !== 'sandbox' || !checkin.definite) { message = msg('aggregator.checkinFailed', { reasonMsg: activationFailureMsg(checkin) }); opts.log(`check-in failed: ${checkin.errorCode} ${checkin.message}`); return; }
      }
      if (mode !== 'sandbox') { message = msg('aggregator.notActivated'); return; }
      // A damaged key file is the engineer's to resolve (issue 14 item 7): no silent re-activation.
      if (opts.secrets.damaged()) { message = opts.secrets.damaged() ?? undefined; return; }
      const act = await aggregator.activate({ code: TEST_ACTIVATION_CODE, deviceId, name: opts.settings.shop.terminalName });
      message = act.ok ? undefined : msg('aggregator.sandboxActivationFailed', { reasonMsg: activationFailureMsg(act) });
      if (!act.ok) opts.log(`sandbox activation failed: ${act.errorCode} ${act.message}`);
    },
    async close() { await sandbox?.close(); },
  };
}

/** Whether these options select 招商银行 polypay. */
export function wantsCmb(opts: Pick<AggregatorSetupOptions, 'aggregatorUrl' | 'settings'>): boolean {
  if (opts.aggregatorUrl !== undefined) return opts.aggregatorUrl.startsWith('cmb-sandbox');
  return opts.settings.aggregator.platform === 'cmb';
}

/** --gateway wins; then a given or embedded aggregator's own /gateway; production: the setting. */
export function resolveGatewayUrl(opts: Pick<AggregatorSetupOptions, 'gatewayUrl' | 'aggregatorUrl' | 'settings'>, baseUrl: string): string {
  if (opts.gatewayUrl) return opts.gatewayUrl;
  if (opts.aggregatorUrl || opts.settings.aggregator.mode === 'sandbox') return `${baseUrl.replace(/\/+$/, '')}/gateway`;
  return opts.settings.aggregator.gatewayUrl;
}

function loadDeviceId(dir: string): string {
  const file = join(dir, 'device-id');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const id = `yima-${randomUUID()}`;
  writeFileSync(file, id);
  return id;
}
