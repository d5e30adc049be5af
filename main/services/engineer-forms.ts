/**
 * The engineer's forms, validated field by field with a message a field engineer can act on.
 * Pure: text in, either typed settings or `{ field: message }` out. The settings schema checks
 * the whole object again when it is saved; this gives the clear per-field wording first.
 */
import type { Settings } from '../settings/schema';
import { formatPrinterSpec, parsePrinterSpec } from '../devices/printer';
import type { AggregatorForm, PrinterForm, ScannerForm, ShopForm } from '../../preload/contract-engineer';

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

function intIn(errors: Record<string, string>, field: string, raw: string, min: number, max: number, what: string): number {
  const t = raw.trim();
  if (!/^\d+$/.test(t)) { errors[field] = `${what}须为整数（${min}–${max}）`; return 0; }
  const n = Number(t);
  if (n < min || n > max) errors[field] = `${what}须在 ${min}–${max} 之间`;
  return n;
}

function oneOf<T extends string>(errors: Record<string, string>, field: string, raw: string, allowed: readonly T[], what: string): T {
  if (!(allowed as readonly string[]).includes(raw)) errors[field] = `${what}须为 ${allowed.join(' / ')}`;
  return raw as T;
}

function result<T>(errors: Record<string, string>, value: T): FormResult<T> {
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

export function parseScannerForm(f: ScannerForm): FormResult<Settings['scanner']> {
  const e: Record<string, string> = {};
  const path = f.path.trim();
  if (path && !/^(\/[^\0]*|COM\d+|\\\\\.\\COM\d+)$/i.test(path)) e.path = '串口须为 /dev/… 路径或 COMn（留空表示不用串口扫码枪）';
  const baud = Number(f.baudRate.trim());
  if (!(BAUD_RATES as readonly number[]).includes(baud)) e.baudRate = `波特率须为 ${BAUD_RATES.join(' / ')} 之一`;
  const dataBits = Number(f.dataBits);
  if (dataBits !== 7 && dataBits !== 8) e.dataBits = '数据位须为 7 或 8';
  const parity = oneOf(e, 'parity', f.parity, ['none', 'even', 'odd'] as const, '校验位');
  const stopBits = Number(f.stopBits);
  if (stopBits !== 1 && stopBits !== 2) e.stopBits = '停止位须为 1 或 2';
  const suffix = oneOf(e, 'suffix', f.suffix, ['CR', 'LF', 'CRLF', 'none'] as const, '结束符');
  const interCharTimeoutMs = intIn(e, 'interCharTimeoutMs', f.interCharTimeoutMs, 10, 1000, '无结束符时的帧间隔（毫秒）');
  const dedupeMs = intIn(e, 'dedupeMs', f.dedupeMs, 0, 10_000, '重复读取过滤时间（毫秒）');
  const wedgeMaxGapMs = intIn(e, 'wedgeMaxGapMs', f.wedgeMaxGapMs, 5, 200, '键盘扫码枪按键间隔（毫秒）');
  return result(e, { path, baudRate: baud, dataBits: dataBits as 7 | 8, parity, stopBits: stopBits as 1 | 2, suffix, interCharTimeoutMs, dedupeMs, wedgeMaxGapMs });
}

/** transport + address → the printer spec the queue understands (file:DIR, tcp://HOST:PORT, serial:PATH:BAUD). */
export function parsePrinterForm(f: PrinterForm): FormResult<Settings['printer']> {
  const e: Record<string, string> = {};
  const width = Number(f.width);
  if (width !== 58 && width !== 80) e.width = '纸宽须为 58 或 80 毫米';
  const address = f.address.trim();
  let spec = '';
  if (f.transport === 'none') spec = '';
  // The OS printer: the address is the printer's name as the system lists it; empty = default printer.
  else if (f.transport === 'os') spec = formatPrinterSpec(parsePrinterSpec(address ? `os:${address}` : 'os'));
  else if (!['file', 'tcp', 'serial'].includes(f.transport)) e.transport = '连接方式须为 不使用 / 文件 / 网络 / 串口 / 系统打印机';
  else if (!address) e.address = { file: '请填写保存小票的文件夹', tcp: '请填写打印机 IP 地址（如 192.168.1.87 或 192.168.1.87:9100）', serial: '请填写串口（如 /dev/ttyS0 或 COM3，可加 :波特率）' }[f.transport]!;
  else {
    const raw = f.transport === 'file' ? `file:${address}` : f.transport === 'tcp' ? `tcp://${address.replace(/^tcp:\/\//, '')}` : `serial:${address.replace(/^serial:/, '')}`;
    try {
      const parsed = parsePrinterSpec(raw);
      if (parsed.kind === 'file' && !address.startsWith('/') && !/^[a-z]:[\\/]/i.test(address)) e.address = '文件夹须为完整路径（如 /var/lib/yima/receipts）';
      spec = formatPrinterSpec(parsed);
    } catch (err) {
      e.address = `地址无效：${(err instanceof Error ? err.message : String(err)).replace(/^Invalid printer "[^"]*": /, '')}`;
    }
  }
  return result(e, { spec, width: width as 58 | 80 });
}

/** The saved spec back into the form's transport + address. */
export function printerFormOf(spec: string): { transport: 'none' | 'file' | 'tcp' | 'serial' | 'os'; address: string } {
  if (!spec || spec === 'none') return { transport: 'none', address: '' };
  if (spec.startsWith('file:')) return { transport: 'file', address: spec.slice(5) };
  if (spec.startsWith('tcp://')) return { transport: 'tcp', address: spec.slice(6) };
  if (spec.startsWith('serial:')) return { transport: 'serial', address: spec.slice(7) };
  if (spec === 'os' || spec.startsWith('os:')) return { transport: 'os', address: spec.slice(3) };
  return { transport: 'none', address: spec };
}

/** The form does not edit gatewayUrl (yet): saving keeps the stored one. qrMode is settings checkout.qrMode. The platform (issue 18) is its own setting. */
export interface AggregatorFormValue { aggregator: Omit<Settings['aggregator'], 'gatewayUrl' | 'platform'>; vendorKey: string | null; qrMode?: Settings['checkout']['qrMode'] }

export function parseAggregatorForm(f: AggregatorForm, vendorKeyStored: boolean): FormResult<AggregatorFormValue> {
  const e: Record<string, string> = {};
  const mode = oneOf(e, 'mode', f.mode, ['sandbox', 'production'] as const, '模式');
  const baseUrl = f.baseUrl.trim().replace(/\/+$/, '');
  if (baseUrl) {
    let u: URL | null = null;
    try { u = new URL(baseUrl); } catch { /* reported below */ }
    if (!u || !/^https?:$/.test(u.protocol) || u.username || u.password) e.baseUrl = '接口地址须为 http(s):// 开头的网址';
    else if (mode === 'production' && u.protocol !== 'https:') e.baseUrl = '生产模式必须使用 https:// 接口地址';
  } else if (mode === 'production') e.baseUrl = '生产模式须填写接口地址（如 https://vsi-api.shouqianba.com）';
  const vendorSn = f.vendorSn.trim();
  const appId = f.appId.trim();
  if (vendorSn && !/^\d{6,32}$/.test(vendorSn)) e.vendorSn = '服务商序列号须为 6–32 位数字';
  if (appId && !/^\d{6,32}$/.test(appId)) e.appId = '应用编号须为 6–32 位数字';
  const vendorKey = f.vendorKey.trim();
  if (vendorKey && !/^[\x21-\x7e]{8,128}$/.test(vendorKey)) e.vendorKey = '服务商密钥须为 8–128 个可见字符（不含空格）';
  if (mode === 'production') {
    if (!vendorSn) e.vendorSn = '生产模式须填写服务商序列号';
    if (!appId) e.appId = '生产模式须填写应用编号';
    if (!vendorKey && !vendorKeyStored) e.vendorKey = '生产模式须填写服务商密钥';
  }
  const qrMode = f.qrMode === undefined ? undefined : oneOf(e, 'qrMode', f.qrMode, ['unified', 'per-wallet'] as const, '收款码模式');
  return result(e, { aggregator: { mode, baseUrl, vendorSn, appId }, vendorKey: vendorKey || null, ...(qrMode ? { qrMode } : {}) });
}

export function parseShopForm(f: ShopForm): FormResult<{ name: string; terminalName: string }> {
  const e: Record<string, string> = {};
  const name = f.name.trim();
  const terminalName = f.terminalName.trim();
  if (!name) e.name = '请填写门店名称';
  else if ([...name].length > 40) e.name = '门店名称最多 40 个字';
  if (!terminalName) e.terminalName = '请填写收银台名称';
  else if ([...terminalName].length > 40) e.terminalName = '收银台名称最多 40 个字';
  return result(e, { name, terminalName });
}
