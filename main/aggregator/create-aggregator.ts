/**
 * The one place an aggregator driver is built (the running counter and the engineer's
 * activation both come here, with the same timeout). It switches on the platform setting so a
 * second platform plugs in as one more `case`; absent = Upay (收钱吧).
 */
import { createUpayDriver, type HttpPost } from './upay';
import { TEST_APP_ID, TEST_VENDOR_KEY, TEST_VENDOR_SN } from './sandbox/test-vendor';
import type { Aggregator, CredentialStore } from './types';
import type { CmbConfig } from './cmb/config';

/** The aggregator part of the settings (structural, so this folder does not import settings/). */
export interface AggregatorSettings {
  platform?: string;
  mode: 'sandbox' | 'production';
  vendorSn: string;
  appId: string;
}

export interface AggregatorDeps {
  /** Resolved URL: the embedded sandbox's, `--aggregator`, or the saved one. */
  baseUrl: string;
  /** WAP gateway the unified QR points at (Upay). */
  gatewayUrl: string;
  credentials: CredentialStore;
  /** The vendor key from the secrets store (production only; sandbox uses the test vendor). */
  vendorKey: () => string | null | undefined;
  deviceId: string;
  http?: HttpPost;
  /** 招商银行 polypay (platform 'cmb'): its resolved terminal config (services/cmb-setup.ts). */
  cmb?: CmbConfig;
}

/** One timeout for every request of the counter (the engineer's activation included). */
export const AGGREGATOR_TIMEOUT_MS = 10_000;

export function vendorOf(settings: AggregatorSettings, vendorKey: () => string | null | undefined): { sn: string; key: string; appId: string } {
  return settings.mode === 'sandbox'
    ? { sn: TEST_VENDOR_SN, key: TEST_VENDOR_KEY, appId: TEST_APP_ID }
    : { sn: settings.vendorSn, key: vendorKey() ?? '', appId: settings.appId };
}

/** Async: a platform's driver (and its crypto: sm-crypto for cmb) is imported only when that platform is chosen. */
export async function createAggregator(settings: AggregatorSettings, deps: AggregatorDeps): Promise<Aggregator> {
  const platform = settings.platform ?? 'upay';
  switch (platform) {
    case 'upay':
      return createUpayDriver({ baseUrl: deps.baseUrl, gatewayUrl: deps.gatewayUrl, vendor: vendorOf(settings, deps.vendorKey), credentials: deps.credentials, deviceId: deps.deviceId, http: deps.http, timeoutMs: AGGREGATOR_TIMEOUT_MS });
    case 'cmb': {
      if (!deps.cmb) throw new Error('aggregator platform cmb needs its terminal config');
      const { createCmbDriver } = await import('./cmb/driver');
      return createCmbDriver({ config: deps.cmb, http: deps.http, timeoutMs: AGGREGATOR_TIMEOUT_MS });
    }
    default:
      throw new Error(`unknown aggregator platform: ${platform}`);
  }
}
