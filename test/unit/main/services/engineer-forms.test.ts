import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { parseAggregatorForm, parsePrinterForm, parseScannerForm, parseShopForm, printerFormOf } from '../../../../main/services/engineer-forms';

const scanner = { path: '/dev/ttyUSB0', baudRate: '9600', dataBits: '8', parity: 'none', stopBits: '1', suffix: 'CR', interCharTimeoutMs: '50', dedupeMs: '1500', wedgeMaxGapMs: '30' };

describe('scanner form', () => {
  it('valid text becomes typed settings', () => {
    expect(parseScannerForm({ ...scanner, path: ' COM3 ', baudRate: '115200', parity: 'even', dataBits: '7' })).toEqual({
      ok: true, value: { path: 'COM3', baudRate: 115200, dataBits: 7, parity: 'even', stopBits: 1, suffix: 'CR', interCharTimeoutMs: 50, dedupeMs: 1500, wedgeMaxGapMs: 30 },
    });
    expect(parseScannerForm({ ...scanner, path: '' }).ok).toBe(true); // wedge-only counter
  });

  it('every bad field gets its own message', () => {
    const r = parseScannerForm({ path: 'ttyUSB0', baudRate: '9601', dataBits: '9', parity: 'mark', stopBits: '3', suffix: 'TAB', interCharTimeoutMs: '5', dedupeMs: 'abc', wedgeMaxGapMs: '500' });
    expect(r).toEqual({ ok: false, errors: {
      path: '串口须为 /dev/… 路径或 COMn（留空表示不用串口扫码枪）',
      baudRate: '波特率须为 1200 / 2400 / 4800 / 9600 / 19200 / 38400 / 57600 / 115200 之一',
      dataBits: '数据位须为 7 或 8',
      parity: '校验位须为 none / even / odd',
      stopBits: '停止位须为 1 或 2',
      suffix: '结束符须为 CR / LF / CRLF / none',
      interCharTimeoutMs: '无结束符时的帧间隔（毫秒）须在 10–1000 之间',
      dedupeMs: '重复读取过滤时间（毫秒）须为整数（0–10000）',
      wedgeMaxGapMs: '键盘扫码枪按键间隔（毫秒）须在 5–200 之间',
    } });
  });
});

describe('printer form', () => {
  it('transport + address → the printer spec, and back', () => {
    expect(parsePrinterForm({ transport: 'tcp', address: '192.168.1.87', width: '80' })).toEqual({ ok: true, value: { spec: 'tcp://192.168.1.87:9100', width: 80 } });
    expect(parsePrinterForm({ transport: 'serial', address: '/dev/ttyS0:19200', width: '58' })).toEqual({ ok: true, value: { spec: 'serial:/dev/ttyS0:19200', width: 58 } });
    expect(parsePrinterForm({ transport: 'file', address: '/var/lib/yima/receipts', width: '58' })).toEqual({ ok: true, value: { spec: 'file:/var/lib/yima/receipts', width: 58 } });
    expect(parsePrinterForm({ transport: 'none', address: 'ignored', width: '58' })).toEqual({ ok: true, value: { spec: '', width: 58 } });
    expect(printerFormOf('tcp://192.168.1.87:9100')).toEqual({ transport: 'tcp', address: '192.168.1.87:9100' });
    expect(printerFormOf('')).toEqual({ transport: 'none', address: '' });
  });

  it('says what to type when the address is missing or wrong', () => {
    expect(parsePrinterForm({ transport: 'tcp', address: '', width: '58' })).toMatchObject({ ok: false, errors: { address: expect.stringContaining('打印机 IP') } });
    expect(parsePrinterForm({ transport: 'tcp', address: '10.0.0.5:99999', width: '58' })).toMatchObject({ ok: false, errors: { address: expect.stringContaining('out of range') } });
    expect(parsePrinterForm({ transport: 'serial', address: 'ttyS0', width: '58' })).toMatchObject({ ok: false, errors: { address: expect.stringContaining('not a serial port path') } });
    expect(parsePrinterForm({ transport: 'file', address: 'receipts', width: '58' })).toMatchObject({ ok: false, errors: { address: '文件夹须为完整路径（如 /var/lib/yima/receipts）' } });
    expect(parsePrinterForm({ transport: 'usb', address: 'x', width: '72' })).toEqual({ ok: false, errors: { transport: '连接方式须为 不使用 / 文件 / 网络 / 串口 / 系统打印机', width: '纸宽须为 58 或 80 毫米' } });
  });
});

describe('aggregator form', () => {
  const prod = { mode: 'production', baseUrl: 'https://vsi-api.shouqianba.com/', vendorSn: '91800000000', appId: '2026000000000001', vendorKey: 'vendor-key-123' };
  it('production with everything filled in; the key is handed over separately, never as a setting', () => {
    expect(parseAggregatorForm(prod, false)).toEqual({ ok: true, value: { aggregator: { mode: 'production', baseUrl: 'https://vsi-api.shouqianba.com', vendorSn: '91800000000', appId: '2026000000000001' }, vendorKey: 'vendor-key-123' } });
  });
  it('an empty key keeps the stored one; without a stored one production needs it', () => {
    expect(parseAggregatorForm({ ...prod, vendorKey: '' }, true)).toMatchObject({ ok: true, value: { vendorKey: null } });
    expect(parseAggregatorForm({ ...prod, vendorKey: '' }, false)).toEqual({ ok: false, errors: { vendorKey: '生产模式须填写服务商密钥' } });
  });
  it('production refuses plain http and missing ids; sandbox may leave everything empty', () => {
    expect(parseAggregatorForm({ ...prod, baseUrl: 'http://api.example.com', vendorSn: '', appId: '12ab' }, true)).toEqual({ ok: false, errors: {
      baseUrl: '生产模式必须使用 https:// 接口地址', vendorSn: '生产模式须填写服务商序列号', appId: '应用编号须为 6–32 位数字',
    } });
    expect(parseAggregatorForm({ mode: 'sandbox', baseUrl: '', vendorSn: '', appId: '', vendorKey: '' }, false).ok).toBe(true);
    expect(parseAggregatorForm({ mode: 'sandbox', baseUrl: 'ftp://x', vendorSn: '', appId: '', vendorKey: '' }, false)).toEqual({ ok: false, errors: { baseUrl: '接口地址须为 http(s):// 开头的网址' } });
  });
});

describe('shop form', () => {
  it('names are trimmed, required and at most 40 characters', () => {
    expect(parseShopForm({ name: ' 老王便利店 ', terminalName: '2号台' })).toEqual({ ok: true, value: { name: '老王便利店', terminalName: '2号台' } });
    expect(parseShopForm({ name: '  ', terminalName: '店'.repeat(41) })).toEqual({ ok: false, errors: { name: '请填写门店名称', terminalName: '收银台名称最多 40 个字' } });
  });
});

describe('the OS printer in the engineer form', () => {
  it('a printer name becomes os:NAME, an empty one the default printer, and both come back to the form', async () => {
    const { parsePrinterForm, printerFormOf } = await import('../../../../main/services/engineer-forms');
    expect(parsePrinterForm({ transport: 'os', address: ' EPSON TM-T82 ', width: '80' })).toMatchObject({ ok: true, value: { spec: 'os:EPSON TM-T82', width: 80 } });
    expect(parsePrinterForm({ transport: 'os', address: '', width: '58' })).toMatchObject({ ok: true, value: { spec: 'os' } });
    expect(printerFormOf('os:EPSON TM-T82')).toEqual({ transport: 'os', address: 'EPSON TM-T82' });
  });
});
