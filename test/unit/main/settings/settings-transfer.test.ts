import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { DEFAULT_SETTINGS } from '../../../../main/settings/schema';
import { exportSettings, parseSettingsImport, settingsExportName } from '../../../../main/settings/settings-transfer';

const NOW = Date.UTC(2026, 2, 10, 8, 0, 0);
const shop = { ...DEFAULT_SETTINGS, shop: { ...DEFAULT_SETTINGS.shop, name: '老王便利店' }, scanner: { ...DEFAULT_SETTINGS.scanner, path: '/dev/ttyUSB0', baudRate: 115200 } };

describe('settings export / import', () => {
  it('round trip: what was exported imports back exactly', () => {
    const text = exportSettings(shop, NOW);
    expect(JSON.parse(text)).toMatchObject({ kind: 'yima-settings', exportedAt: '2026-03-10T08:00:00.000Z' });
    expect(parseSettingsImport(text)).toEqual({ ok: true, settings: shop });
    expect(settingsExportName(NOW)).toBe('yima-settings-2026-03-10.json');
  });

  it('the export never carries a key (keys are not settings)', () => {
    const text = exportSettings({ ...shop, aggregator: { mode: 'production', baseUrl: 'https://api.example.com', vendorSn: '91800000000', appId: '2026000000000001', gatewayUrl: 'https://qr.shouqianba.com/gateway', platform: 'upay' } }, NOW);
    expect(text).not.toMatch(/key|pin|password/i);
  });

  it('a bare settings.json copied from a data folder imports too, and an older version is migrated', () => {
    const v1 = { ...shop, version: 1, scanner: { path: '/dev/ttyACM0', baudRate: 9600, suffix: 'CRLF' } };
    const r = parseSettingsImport(JSON.stringify(v1));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.settings.scanner).toEqual({ ...DEFAULT_SETTINGS.scanner, path: '/dev/ttyACM0', suffix: 'CRLF' });
  });

  it('refuses a file with a key in it instead of importing half of it', () => {
    const withKey = { kind: 'yima-settings', settings: { ...shop, aggregator: { ...shop.aggregator, vendorKey: 'abc' } } };
    const r = parseSettingsImport(JSON.stringify(withKey));
    expect(r).toEqual({ ok: false, message: '设置文件里不应有密钥（aggregator.vendorKey），已拒绝导入；密钥请在工程师界面重新输入' });
  });

  it('says what is wrong with a broken, foreign or invalid file', () => {
    expect(parseSettingsImport('{"kind":')).toMatchObject({ ok: false, message: expect.stringContaining('不是有效的 JSON 文件') });
    expect(parseSettingsImport('[1,2]')).toMatchObject({ ok: false, message: '文件不是一码收银的设置文件（缺少 version）' });
    expect(parseSettingsImport('{"hello":"world"}')).toMatchObject({ ok: false, message: '文件不是一码收银的设置文件（缺少 version）' });
    const bad = parseSettingsImport(JSON.stringify({ ...shop, scanner: { ...shop.scanner, baudRate: 12345 } }));
    expect(bad).toEqual({ ok: false, message: '设置文件无效：scanner.baudRate：波特率须为 1200 / 2400 / 4800 / 9600 / 19200 / 38400 / 57600 / 115200 之一' });
  });
});
