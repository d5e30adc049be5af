/**
 * Devices behind the checkout: the serial scanner (its codes start a scan payment with the amount
 * on the keypad) and the receipt printer queue (a receipt for every PAID payment). Their status
 * is pushed to the screen; neither ever blocks or changes a payment.
 */
import { join } from 'node:path';
import { createScannerReader, type ScannerReader } from '../devices/scanner/scanner-reader';
import { createPrintQueue, createTransport, createNullTransport, parsePrinterSpec, type OsPrinting, type PrintQueue, type ReceiptDoc } from '../devices/printer';
import type { FinalEvent } from '../checkout/checkout-service';
import type { Clock } from '../shared/time';
import type { Settings } from '../settings/schema';
import type { DeviceStatus, EventPayload } from '../../preload/contract';
import type { EventBus } from './event-bus';
import { paperColumns, shopInfo } from './receipt-docs';
import { msg, type Msg } from '../../preload/messages';
import { maskSecrets } from '../logs/mask';

export interface DeviceOptions {
  dataDir: string;
  settings: () => Settings;
  override?: { scanner?: { path: string; baudRate: number }; printer?: string };
  clock: Clock;
  bus: EventBus;
  onScan: (code: string) => void;
  /** Every scanner frame unmasked, for the engineer's monitor only (never the bus). */
  onRawFrame?: (frame: EventPayload<'scannerFrame'>) => void;
  /** Who took the payment (journaled with the attempt); the receipt names them. */
  cashierOf?: (clientSn: string) => string | undefined;
  /** The OS printer (Electron's webContents.print); absent in the browser harness. */
  osPrinting?: OsPrinting;
  log: (msg: string, err?: unknown) => void;
}

export interface Devices {
  status(): DeviceStatus;
  printSale(e: FinalEvent): void;
  scanner: ScannerReader | null;
  printer: PrintQueue | null;
  /** Applies the saved scanner settings to the running reader (starts, reconfigures or stops it). */
  applyScanner(): Msg;
  /** Switches the running print queue to the saved printer (or to none); false when the --printer start flag wins. */
  applyPrinter(): boolean;
  /** The queue itself, configured or not, for its job events. */
  printQueue: PrintQueue;
  close(): Promise<void>;
}

export async function setupDevices(opts: DeviceOptions): Promise<Devices> {
  const state: DeviceStatus = {
    scanner: { state: 'not_configured', message: msg('scanner.notConfigured') },
    printer: { state: 'not_configured', message: msg('printer.notConfigured'), pending: 0 },
  };
  const push = () => opts.bus.emit('devices', structuredClone(state));
  let scanner = setupScanner(opts, state, push);
  const printing = await setupPrinter(opts, state, push);
  push();
  return {
    status: () => structuredClone(state),
    get scanner() { return scanner; },
    get printer() { return printing.configured ? printing.queue : null; },
    printQueue: printing.queue,
    applyScanner() {
      if (opts.override?.scanner) return msg('scanner.overridden', { path: opts.override.scanner.path });
      const cfg = opts.settings().scanner;
      if (!cfg.path) {
        scanner?.stop();
        state.scanner = { state: 'not_configured', message: msg('scanner.notConfigured') };
        push();
        return msg('scanner.disabled');
      }
      if (!scanner) {
        scanner = setupScanner(opts, state, push);
        push();
        return msg('scanner.connecting', { path: cfg.path });
      }
      scanner.reconfigure({ path: cfg.path, baudRate: cfg.baudRate, dataBits: cfg.dataBits, parity: cfg.parity, stopBits: cfg.stopBits, suffix: cfg.suffix, interCharTimeoutMs: cfg.interCharTimeoutMs, dedupeMs: cfg.dedupeMs });
      scanner.start();
      state.scanner = { state: 'not_found', path: cfg.path, message: msg('scanner.connecting', { path: cfg.path }) };
      push();
      return msg('scanner.reopened', { path: cfg.path, baud: cfg.baudRate });
    },
    applyPrinter() {
      if (opts.override?.printer) return false;
      const s = opts.settings();
      printing.queue.setWidth(paperColumns(s));
      printing.configured = Boolean(s.printer.spec);
      printing.queue.setTransport(printing.configured ? createTransport(parsePrinterSpec(s.printer.spec), { os: opts.osPrinting, width: paperColumns(s) }) : createNullTransport());
      if (!printing.configured) { state.printer = NOT_CONFIGURED; push(); }
      return true;
    },
    printSale(e) {
      const printer = printing.configured ? printing.queue : null;
      if (!printer || e.outcome !== 'PAID') return;
      const s = opts.settings();
      const doc: ReceiptDoc = {
        kind: 'sale', shop: shopInfo(s),
        terminal: s.shop.terminalName, cashier: opts.cashierOf?.(e.clientSn) || s.operator.name, time: opts.clock.now(),
        amountFen: e.amountFen, wallet: e.wallet ?? 'other', sn: e.sn, clientSn: e.clientSn, paymentCode: e.codeMasked,
        marks: e.recovered ? ['recovered'] : undefined,
        ...(e.receivedFen !== undefined ? { cash: { receivedFen: e.receivedFen, changeFen: e.changeFen ?? 0 } } : {}),
      };
      void printer.enqueue({ kind: 'sale', doc, orderRef: e.clientSn }).catch((err) => opts.log('receipt not queued', err));
    },
    async close() {
      scanner?.stop();
      await printing.queue.close();
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
  state.scanner = { state: 'not_found', path, message: msg('scanner.notFound', { path }) };
  reader.on('connected', () => { const p = reader.status().path; state.scanner = { state: 'connected', path: p, message: msg('scanner.connected', { path: p }) }; push(); });
  reader.on('disconnected', (e) => { state.scanner = { state: 'not_found', path: reader.status().path, message: msg('scanner.disconnected', { detail: e.reason }) }; push(); });
  reader.on('error', (e) => opts.log(`scanner: ${e.message}`));
  reader.on('code', (e) => opts.onScan(e.text));
  reader.on('frame', (f) => {
    // Issue 14 item 4: the raw frame goes only to the engineer's monitor; every subscriber gets the masked code.
    opts.onRawFrame?.({ status: f.status, text: f.text, hex: f.hex, at: f.at });
    const text = maskSecrets(f.text);
    opts.bus.emit('scannerFrame', { status: f.status, text, hex: text === f.text ? f.hex : Buffer.from(text, 'utf8').toString('hex'), at: f.at } satisfies EventPayload<'scannerFrame'>);
  });
  reader.start();
  return reader;
}

const NOT_CONFIGURED: DeviceStatus['printer'] = { state: 'not_configured', message: msg('printer.notConfigured'), pending: 0 };

/**
 * The print queue always exists, so an engineer can set up a printer without a restart; with no
 * printer configured it holds a null transport and the status says 未配置打印机.
 */
async function setupPrinter(opts: DeviceOptions, state: DeviceStatus, push: () => void): Promise<{ queue: PrintQueue; configured: boolean }> {
  const specText = opts.override?.printer ?? opts.settings().printer.spec;
  let transport = createNullTransport();
  if (specText) {
    try {
      transport = createTransport(parsePrinterSpec(specText), { os: opts.osPrinting, width: paperColumns(opts.settings()) });
    } catch (err) {
      state.printer = { state: 'offline', message: msg('printer.invalid', { detail: err instanceof Error ? err.message : String(err) }), pending: 0 };
    }
  }
  const queue = await createPrintQueue({ dir: join(opts.dataDir, 'print-queue'), transport, clock: opts.clock, width: paperColumns(opts.settings()), log: opts.log });
  const printing = { queue, configured: Boolean(specText) };
  queue.onStatus((q) => {
    if (!printing.configured) return;
    state.printer = { state: q.state, message: q.message, pending: q.pending };
    push();
  });
  const q = queue.status();
  if (printing.configured && state.printer.state === 'not_configured') state.printer = { state: q.state, message: q.message, pending: q.pending };
  return printing;
}
