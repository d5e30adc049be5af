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

export interface OsPrinting {
  /** Prints one HTML page on the named printer (the default printer when absent); rejects with the OS's reason. */
  printHtml(html: string, printerName?: string): Promise<void>;
  /** The printers the OS knows, for status; absent where it cannot tell. */
  listPrinters?(): Promise<{ name: string; isDefault?: boolean }[]>;
}

export interface OsTransportOptions { printerName?: string; width: ReceiptWidth; os?: OsPrinting }

const ONLY_DESKTOP = '系统打印机只能在桌面版（Electron）中使用';

export function createOsTransport(opts: OsTransportOptions): PrinterTransport {
  const name = opts.printerName ? `os:${opts.printerName}` : 'os';
  return {
    name,
    async write(_bytes: Uint8Array, meta?: WriteMeta) {
      if (!opts.os) throw new PrinterUnavailableError(ONLY_DESKTOP);
      if (!meta?.doc) throw new PrinterUnavailableError('系统打印机需要收据内容，这个任务只有原始字节');
      await opts.os.printHtml(renderReceiptHtml(meta.doc, { width: opts.width }), opts.printerName);
      return 'sent';
    },
    async status(): Promise<PrinterStatus> {
      if (!opts.os) return printerStatus('offline', ONLY_DESKTOP);
      if (!opts.os.listPrinters) return printerStatus('unknown', '系统打印机不报告状态');
      try {
        const printers = await opts.os.listPrinters();
        const found = opts.printerName ? printers.some((p) => p.name === opts.printerName) : printers.some((p) => p.isDefault);
        return found ? printerStatus('unknown', '系统打印机已找到（不报告缺纸）') : printerStatus('offline', opts.printerName ? `系统中没有打印机“${opts.printerName}”` : '系统没有默认打印机');
      } catch (e) {
        return printerStatus('unknown', `无法列出系统打印机：${e instanceof Error ? e.message : String(e)}`);
      }
    },
    async close() { /* nothing held open */ },
  };
}
