/** Where the unified QR points: --gateway, else the aggregator's own /gateway, else the production setting. */
import { describe, expect, it } from 'vitest';
import { resolveGatewayUrl } from '../../../../main/services/aggregator-setup';
import { DEFAULT_SETTINGS, type Settings } from '../../../../main/settings/schema';

const settings = (mode: Settings['aggregator']['mode'], gatewayUrl = 'https://qr.shouqianba.com/gateway'): Settings =>
  ({ ...DEFAULT_SETTINGS, aggregator: { ...DEFAULT_SETTINGS.aggregator, mode, gatewayUrl } });

describe('resolveGatewayUrl', () => {
  it('--gateway wins in both modes', () => {
    expect(resolveGatewayUrl({ gatewayUrl: 'http://127.0.0.1:7/gw', aggregatorUrl: 'http://127.0.0.1:8', settings: settings('sandbox') }, 'http://127.0.0.1:8')).toBe('http://127.0.0.1:7/gw');
    expect(resolveGatewayUrl({ gatewayUrl: 'http://127.0.0.1:7/gw', settings: settings('production') }, 'https://vsi-api.shouqianba.com')).toBe('http://127.0.0.1:7/gw');
  });

  it('--aggregator URL → its /gateway (a sandbox started by the tests)', () => {
    expect(resolveGatewayUrl({ aggregatorUrl: 'http://127.0.0.1:8', settings: settings('production') }, 'http://127.0.0.1:8/')).toBe('http://127.0.0.1:8/gateway');
  });

  it('embedded sandbox → its own /gateway; production → the setting (default qr.shouqianba.com)', () => {
    expect(resolveGatewayUrl({ settings: settings('sandbox') }, 'http://127.0.0.1:43210')).toBe('http://127.0.0.1:43210/gateway');
    expect(resolveGatewayUrl({ settings: settings('production') }, 'https://vsi-api.shouqianba.com')).toBe('https://qr.shouqianba.com/gateway');
    expect(DEFAULT_SETTINGS.aggregator.gatewayUrl).toBe('https://qr.shouqianba.com/gateway');
  });
});
