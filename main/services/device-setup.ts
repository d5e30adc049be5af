/**
 * Devices behind the checkout: the serial scanner (its codes start a scan payment with the amount
 * on the keypad) and the receipt printer queue (a receipt for every PAID payment). Their status
 * is pushed to the screen; neither ever blocks or changes a payment.
 */
import { join } from 'node:path';
import { createScannerReader, type ScannerReader } from '../devices/scanner/scanner-reader';
import { createPrintQueue, createTransport, createNullTransport, parsePrinterSpec, type PrintQueue, type ReceiptDoc } from '../devices/printer';
import type { FinalEvent } from '../checkout/checkout-service';
import type { Clock } from '../checkout/time';
import type { Settings } from '../settings/schema';
import type { DeviceStatus, EventPayload } from '../../preload/contract';
import type { EventBus } from './event-bus';
import { paperColumns, shopInfo } from './receipt-docs';

export interface DeviceOptions {
  dataDir: string;
  settings: () => Settings;
  override?: { scanner?: { path: string; baudRate: number }; printer?: string };
  clock: Clock;
  bus: EventBus;
  onScan: (code: string) => void;
  log: (msg: string, err?: unknown) => void;
}

export interface Devices {
  status(): DeviceStatus;
  printSale(e: FinalEvent): void;
  scanner: ScannerReader | null;
  printer: PrintQueue | null;
  /** Applies the saved scanner settings to the running reader (starts, reconfigures or stops it). */
  applyScanner(): string;
  /** Switches the running print queue to the saved printer; false when only a restart can (no queue yet, width changed). */
  applyPrinter(): boolean;
  close(): Promise<void>;
}

export async function setupDevices(opts: DeviceOptions): Promise<Devices> {
  const state: DeviceStatus = {
    scanner: { state: 'not_configured', message: '未配置串口扫码枪' },
    printer: { state: 'not_configured', message: '未配置打印机', pending: 0 },
  };
  const push = () => opts.bus.emit('devices', structuredClone(state));
  let scanner = setupScanner(opts, state, push);
  const printer = await setupPrinter(opts, state, push);
  const printerWidth = opts.settings().printer.width;
  push();
  return {
    status: () => structuredClone(state),
    get scanner() { return scanner; },
    printer,
    applyScanner() {
      if (opts.override?.scanner) return `启动参数 --scanner ${opts.override.scanner.path} 优先，重启后使用新设置`;
      const cfg = opts.settings().scanner;
      if (!cfg.path) {
        scanner?.stop();
        state.scanner = { state: 'not_configured', message: '未配置串口扫码枪' };
        push();
        return '扫码枪已停用';
      }
      if (!scanner) {
        scanner = setupScanner(opts, state, push);
        push();
        return `正在连接扫码枪（${cfg.path}）`;
      }
      scanner.reconfigure({ path: cfg.path, baudRate: cfg.baudRate, dataBits: cfg.dataBits, parity: cfg.parity, stopBits: cfg.stopBits, suffix: cfg.suffix, interCharTimeoutMs: cfg.interCharTimeoutMs, dedupeMs: cfg.dedupeMs });
      scanner.start();
      state.scanner = { state: 'not_found', path: cfg.path, message: `正在连接扫码枪（${cfg.path}）` };
      push();
      return `扫码枪已按新设置重新打开（${cfg.path}，${cfg.baudRate}）`;
    },
    applyPrinter() {
      const s = opts.settings().printer;
      if (opts.override?.printer || !printer || !s.spec || s.width !== printerWidth) return false;
      printer.setTransport(createTransport(parsePrinterSpec(s.spec)));
      return true;
    },
    printSale(e) {
      if (!printer || e.outcome !== 'PAID') return;
      const s = opts.settings();
      const doc: ReceiptDoc = {
        kind: 'sale', shop: shopInfo(s),
        terminal: s.shop.terminalName, cashier: s.operator.name, time: opts.clock.now(),
        amountFen: e.amountFen, wallet: e.wallet ?? 'other', sn: e.sn, clientSn: e.clientSn, paymentCode: e.codeMasked,
        marks: e.recovered ? ['recovered'] : undefined,
      };
      void printer.enqueue({ kind: 'sale', doc, orderRef: e.clientSn }).catch((err) => opts.log('receipt not queued', err));
    },
    async close() {
      scanner?.stop();
      await printer?.close();
    },
  };
}

function setupScanner(opts: DeviceOptions, state: DeviceStatus, push: () => void): ScannerReader | null {
  const cfg = opts.settings().scanner;
  const path = opts.override?.scanner?.path ?? cfg.path;
  if (!path) return null;
  const reader = createScannerReader({
    path, baudRate: opts.override?.scanner?.baudRate ?? cfg.baudRate, dataBits: cfg.dataBits, parity: cfg.parity, stopBits: cfg.stopBits,
    suffix: cfg.suffix, interCharTimeoutMs: cfg.interCharTimeoutMs, dedupeMs: cfg.dedupeMs,
  });
  state.scanner = { state: 'not_found', path, message: `扫码枪未找到（${path}）` };
  reader.on('connected', () => { const p = reader.status().path; state.scanner = { state: 'connected', path: p, message: `扫码枪已连接（${p}）` }; push(); });
  reader.on('disconnected', (e) => { state.scanner = { state: 'not_found', path: reader.status().path, message: `扫码枪已断开（${e.reason}），正在重连…` }; push(); });
  reader.on('error', (e) => opts.log(`scanner: ${e.message}`));
  reader.on('code', (e) => opts.onScan(e.text));
  reader.on('frame', (f) => opts.bus.emit('scannerFrame', { status: f.status, text: f.text, hex: f.hex, at: f.at } satisfies EventPayload<'scannerFrame'>));
  reader.start();
  return reader;
}

async function setupPrinter(opts: DeviceOptions, state: DeviceStatus, push: () => void): Promise<PrintQueue | null> {
  const s = opts.settings().printer;
  const specText = opts.override?.printer ?? s.spec;
  if (!specText) return null;
  let transport;
  try {
    transport = createTransport(parsePrinterSpec(specText));
  } catch (err) {
    state.printer = { state: 'offline', message: `打印机设置无效：${err instanceof Error ? err.message : String(err)}`, pending: 0 };
    transport = createNullTransport();
  }
  const queue = await createPrintQueue({ dir: join(opts.dataDir, 'print-queue'), transport, clock: opts.clock, width: paperColumns(opts.settings()), log: opts.log });
  queue.onStatus((q) => { state.printer = { state: q.state, message: q.message, pending: q.pending }; push(); });
  const q = queue.status();
  if (state.printer.state === 'not_configured') state.printer = { state: q.state, message: q.message, pending: q.pending };
  return queue;
}
