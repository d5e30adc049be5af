import { describe, expect, it } from 'vitest';
import { createAggregator, vendorOf } from '../../../../main/aggregator/create-aggregator';
import { TEST_ACTIVATION_CODE, TEST_VENDOR_SN } from '../../../../main/aggregator/sandbox/test-vendor';
import type { TerminalCredentials } from '../../../../main/aggregator/types';
import { sandbox } from './sandbox/helpers';

function memoryCredentials() {
  let creds: TerminalCredentials | null = null;
  return { get: () => creds, set: (c: TerminalCredentials) => { creds = c; } };
}

describe('createAggregator', () => {
  it('builds the Upay driver when no platform is set, signing with the sandbox test vendor', async () => {
    const s = await sandbox();
    const credentials = memoryCredentials();
    const agg = await createAggregator({ mode: 'sandbox', vendorSn: '', appId: '' }, { baseUrl: s.url, gatewayUrl: `${s.url}/gateway`, credentials, vendorKey: () => undefined, deviceId: 'dev-1' });
    const act = await agg.activate({ code: TEST_ACTIVATION_CODE, deviceId: 'dev-1', name: 'till 1' });
    expect(act.ok).toBe(true);
    expect(credentials.get()?.terminalSn).toBeTruthy();
  });

  it('uses the saved vendor and the stored key in production mode', () => {
    expect(vendorOf({ mode: 'production', vendorSn: 'V1', appId: 'A1' }, () => 'k')).toEqual({ sn: 'V1', key: 'k', appId: 'A1' });
    expect(vendorOf({ mode: 'sandbox', vendorSn: 'V1', appId: 'A1' }, () => 'k').sn).toBe(TEST_VENDOR_SN);
  });

  it('refuses a platform it does not know, by name', async () => {
    await expect(createAggregator({ platform: 'nope', mode: 'sandbox', vendorSn: '', appId: '' }, { baseUrl: 'http://127.0.0.1:1', gatewayUrl: 'http://127.0.0.1:1/gateway', credentials: memoryCredentials(), vendorKey: () => undefined, deviceId: 'd' }))
      .rejects.toThrow(/unknown aggregator platform: nope/);
  });
});
