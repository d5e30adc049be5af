/**
 * The OS printer (any printer the operating system knows, e.g. an A4 laser or a thermal printer
 * with a Windows driver): the receipt goes as rendered HTML through an injected `printHtml`,
 * which the Electron build supplies (webContents.print in main/app/). ESC/POS bytes are useless
 * to such a printer, so the job's document travels in the write's meta.
 */
import { renderReceiptHtml } from '../receipt-html';
import { printerStatus, type PrinterStatus } from '../printer-status';
import type { ReceiptWidth } from '../receipt-types';
import { PrinterUnavailableError, type PrinterTransport, type WriteMeta } from './transport-types';
import { msg } from '../../../../preload/messages';

export interface OsPrinting {
  /** Prints one HTML page on the named printer (the default printer when absent); rejects with the OS's reason. */
  printHtml(html: string, printerName?: string): Promise<void>;
  /** The printers the OS knows, for status; absent where it cannot tell. */
  listPrinters?(): Promise<{ name: string; isDefault?: boolean }[]>;
}

export interface OsTransportOptions { printerName?: string; width: ReceiptWidth; os?: OsPrinting }

// Thrown errors are technical text for the log and the job list; statuses carry message codes.
const ONLY_DESKTOP = 'the system printer works only in the desktop app (Electron)';

export function createOsTransport(opts: OsTransportOptions): PrinterTransport {
  const name = opts.printerName ? `os:${opts.printerName}` : 'os';
  return {
    name,
    async write(_bytes: Uint8Array, meta?: WriteMeta) {
      if (!opts.os) throw new PrinterUnavailableError(ONLY_DESKTOP);
      if (!meta?.doc) throw new PrinterUnavailableError('the system printer needs the receipt content; this job has raw bytes only');
      await opts.os.printHtml(renderReceiptHtml(meta.doc, { width: opts.width }), opts.printerName);
      return 'sent';
    },
    async status(): Promise<PrinterStatus> {
      if (!opts.os) return printerStatus('offline', msg('printer.osDesktopOnly'));
      if (!opts.os.listPrinters) return printerStatus('unknown', msg('printer.osNoStatus'));
      try {
        const printers = await opts.os.listPrinters();
        const found = opts.printerName ? printers.some((p) => p.name === opts.printerName) : printers.some((p) => p.isDefault);
        return found ? printerStatus('unknown', msg('printer.osFound')) : printerStatus('offline', opts.printerName ? msg('printer.osMissing', { name: opts.printerName }) : msg('printer.osNone'));
      } catch (e) {
        return printerStatus('unknown', msg('printer.osListFailed', { detail: e instanceof Error ? e.message : String(e) }));
      }
    },
    async close() { /* nothing held open */ },
  };
}
