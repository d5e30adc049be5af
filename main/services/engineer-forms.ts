/**
 * The engineer's forms, validated field by field with a message a field engineer can act on.
 * Pure: text in, either typed settings or `{ field: message }` out. The settings schema checks
 * the whole object again when it is saved; this gives the clear per-field wording first.
 */
import type { Settings } from '../settings/schema';
import { formatPrinterSpec, parsePrinterSpec } from '../devices/printer';
import type { AggregatorForm, PrinterForm, ScannerForm, ShopForm } from '../../preload/contract-engineer';
import { msg, type Msg } from '../../preload/messages';

export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, Msg> };

export const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200] as const;

function intIn(errors: Record<string, Msg>, field: string, raw: string, min: number, max: number, what: Msg): number {
  const t = raw.trim();
  // Bounds as the form takes them: no digit grouping (1000, not 1,000).
  if (!/^\d+$/.test(t)) { errors[field] = msg('form.intRange', { fieldMsg: what, min: String(min), max: String(max) }); return 0; }
  const n = Number(t);
  if (n < min || n > max) errors[field] = msg('form.between', { fieldMsg: what, min: String(min), max: String(max) });
  return n;
}

function oneOf<T extends string>(errors: Record<string, Msg>, field: string, raw: string, allowed: readonly T[], what: Msg): T {
  if (!(allowed as readonly string[]).includes(raw)) errors[field] = msg('form.oneOf', { fieldMsg: what, allowed: allowed.join(' / ') });
  return raw as T;
}

function result<T>(errors: Record<string, Msg>, value: T): FormResult<T> {
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

export function parseScannerForm(f: ScannerForm): FormResult<Settings['scanner']> {
  const e: Record<string, Msg> = {};
  const path = f.path.trim();
  if (path && !/^(\/[^\0]*|COM\d+|\\\\\.\\COM\d+)$/i.test(path)) e.path = msg('form.serialPath');
  const baud = Number(f.baudRate.trim());
  if (!(BAUD_RATES as readonly number[]).includes(baud)) e.baudRate = msg('form.baudRate', { allowed: BAUD_RATES.join(' / ') });
  const dataBits = Number(f.dataBits);
  if (dataBits !== 7 && dataBits !== 8) e.dataBits = msg('form.dataBits');
  const parity = oneOf(e, 'parity', f.parity, ['none', 'even', 'odd'] as const, msg('field.parity'));
  const stopBits = Number(f.stopBits);
  if (stopBits !== 1 && stopBits !== 2) e.stopBits = msg('form.stopBits');
  const suffix = oneOf(e, 'suffix', f.suffix, ['CR', 'LF', 'CRLF', 'none'] as const, msg('field.suffix'));
  const interCharTimeoutMs = intIn(e, 'interCharTimeoutMs', f.interCharTimeoutMs, 10, 1000, msg('field.interCharTimeout'));
  const dedupeMs = intIn(e, 'dedupeMs', f.dedupeMs, 0, 10_000, msg('field.dedupe'));
  const wedgeMaxGapMs = intIn(e, 'wedgeMaxGapMs', f.wedgeMaxGapMs, 5, 200, msg('field.wedgeGap'));
  return result(e, { path, baudRate: baud, dataBits: dataBits as 7 | 8, parity, stopBits: stopBits as 1 | 2, suffix, interCharTimeoutMs, dedupeMs, wedgeMaxGapMs });
}

/** transport + address → the printer spec the queue understands (file:DIR, tcp://HOST:PORT, serial:PATH:BAUD). */
export function parsePrinterForm(f: PrinterForm): FormResult<Settings['printer']> {
  const e: Record<string, Msg> = {};
  const width = Number(f.width);
  if (width !== 58 && width !== 80) e.width = msg('form.paperWidth');
  const address = f.address.trim();
  let spec = '';
  if (f.transport === 'none') spec = '';
  // The OS printer: the address is the printer's name as the system lists it; empty = default printer.
  else if (f.transport === 'os') spec = formatPrinterSpec(parsePrinterSpec(address ? `os:${address}` : 'os'));
  else if (!['file', 'tcp', 'serial'].includes(f.transport)) e.transport = msg('form.transport');
  else if (!address) e.address = msg(({ file: 'form.fileDir', tcp: 'form.tcpAddress', serial: 'form.serialAddress' } as const)[f.transport as 'file' | 'tcp' | 'serial']);
  else {
    const raw = f.transport === 'file' ? `file:${address}` : f.transport === 'tcp' ? `tcp://${address.replace(/^tcp:\/\//, '')}` : `serial:${address.replace(/^serial:/, '')}`;
    try {
      const parsed = parsePrinterSpec(raw);
      if (parsed.kind === 'file' && !address.startsWith('/') && !/^[a-z]:[\\/]/i.test(address)) e.address = msg('form.fileDirAbsolute');
      spec = formatPrinterSpec(parsed);
    } catch (err) {
      e.address = msg('form.addressInvalid', { detail: (err instanceof Error ? err.message : String(err)).replace(/^Invalid printer "[^"]*": /, '') });
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
  const e: Record<string, Msg> = {};
  const mode = oneOf(e, 'mode', f.mode, ['sandbox', 'production'] as const, msg('field.mode'));
  const baseUrl = f.baseUrl.trim().replace(/\/+$/, '');
  if (baseUrl) {
    let u: URL | null = null;
    try { u = new URL(baseUrl); } catch { /* reported below */ }
    if (!u || !/^https?:$/.test(u.protocol) || u.username || u.password) e.baseUrl = msg('form.baseUrl');
    else if (mode === 'production' && u.protocol !== 'https:') e.baseUrl = msg('form.baseUrlHttps');
  } else if (mode === 'production') e.baseUrl = msg('form.baseUrlRequired');
  const vendorSn = f.vendorSn.trim();
  const appId = f.appId.trim();
  if (vendorSn && !/^\d{6,32}$/.test(vendorSn)) e.vendorSn = msg('form.vendorSn');
  if (appId && !/^\d{6,32}$/.test(appId)) e.appId = msg('form.appId');
  const vendorKey = f.vendorKey.trim();
  if (vendorKey && !/^[\x21-\x7e]{8,128}$/.test(vendorKey)) e.vendorKey = msg('form.vendorKey');
  if (mode === 'production') {
    if (!vendorSn) e.vendorSn = msg('form.vendorSnRequired');
    if (!appId) e.appId = msg('form.appIdRequired');
    if (!vendorKey && !vendorKeyStored) e.vendorKey = msg('form.vendorKeyRequired');
  }
  const qrMode = f.qrMode === undefined ? undefined : oneOf(e, 'qrMode', f.qrMode, ['unified', 'per-wallet'] as const, msg('field.qrMode'));
  return result(e, { aggregator: { mode, baseUrl, vendorSn, appId }, vendorKey: vendorKey || null, ...(qrMode ? { qrMode } : {}) });
}

export function parseShopForm(f: ShopForm): FormResult<{ name: string; terminalName: string }> {
  const e: Record<string, Msg> = {};
  const name = f.name.trim();
  const terminalName = f.terminalName.trim();
  if (!name) e.name = msg('form.shopName');
  else if ([...name].length > 40) e.name = msg('form.shopNameLong');
  if (!terminalName) e.terminalName = msg('form.terminalName');
  else if ([...terminalName].length > 40) e.terminalName = msg('form.terminalNameLong');
  return result(e, { name, terminalName });
}
