/**
 * The OS printer for the Electron build: a receipt rendered as HTML is loaded into a hidden,
 * script-less window and printed silently with webContents.print on the named (or default) printer.
 */
import { BrowserWindow } from 'electron';
import type { OsPrinting } from '../devices/printer';
import { SECURE_WEB_PREFERENCES } from './security-policy';

export function electronOsPrinting(): OsPrinting {
  return {
    async printHtml(html, printerName) {
      const win = new BrowserWindow({ show: false, webPreferences: { ...SECURE_WEB_PREFERENCES, javascript: false } });
      try {
        await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
        await new Promise<void>((resolve, reject) => {
          win.webContents.print({ silent: true, printBackground: false, ...(printerName ? { deviceName: printerName } : {}) }, (ok, reason) => {
            if (ok) resolve(); else reject(new Error(reason || 'system print failed'));
          });
        });
      } finally {
        win.destroy();
      }
    },
    async listPrinters() {
      const any = BrowserWindow.getAllWindows()[0];
      if (!any) return [];
      const printers = await any.webContents.getPrintersAsync();
      // Electron no longer flags the default printer; CUPS and Windows expose it as an option.
      return printers.map((p) => ({ name: p.name, isDefault: (p.options as Record<string, string> | undefined)?.['printer-is-default'] === 'true' || printers.length === 1 }));
    },
  };
}
