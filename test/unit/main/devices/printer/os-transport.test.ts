import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'vitest';
import { expect } from '../../../../support/zh-expect';
import { createPrintQueue } from '../../../../../main/devices/printer/print-queue';
import { createTransport, formatPrinterSpec, parsePrinterSpec } from '../../../../../main/devices/printer/transports/printer-spec';
import type { OsPrinting } from '../../../../../main/devices/printer/transports/os-transport';
import { SALE } from './fixtures';

/** Electron's webContents.print cannot run here: this stands in for it and keeps each page. */
function fakeOs(printers = [{ name: 'EPSON TM-T82', isDefault: true }]) {
  const pages: { html: string; printer?: string }[] = [];
  const os: OsPrinting = {
    async printHtml(html, printer) { pages.push({ html, printer }); },
    async listPrinters() { return printers; },
  };
  return { os, pages };
}

const clock = { now: () => Date.UTC(2024, 4, 1, 6, 0, 0) };
const tmp = () => mkdtempSync(path.join(tmpdir(), 'yima-os-print-'));

describe('OS printer (os / os:NAME)', () => {
  it('parses and formats the printer name, spaces included', () => {
    expect(parsePrinterSpec('os')).toEqual({ kind: 'os' });
    expect(parsePrinterSpec('os:EPSON TM-T82')).toEqual({ kind: 'os', printerName: 'EPSON TM-T82' });
    expect(formatPrinterSpec(parsePrinterSpec('os:EPSON TM-T82'))).toBe('os:EPSON TM-T82');
  });

  it('a sale goes to the named printer as a receipt page with the amount and the order QR; a reprint says so', async () => {
    const { os, pages } = fakeOs();
    const transport = createTransport(parsePrinterSpec('os:EPSON TM-T82'), { os, width: 48 });
    const queue = await createPrintQueue({ dir: tmp(), transport, clock });
    await queue.enqueue({ kind: 'sale', doc: SALE, orderRef: SALE.clientSn });
    await queue.enqueue({ kind: 'sale', doc: SALE, orderRef: SALE.clientSn, reprint: true });
    await queue.idle();
    expect(pages.map((p) => p.printer)).toEqual(['EPSON TM-T82', 'EPSON TM-T82']);
    expect(pages[0]!.html).toContain(SALE.shop.name);
    expect(pages[0]!.html).toContain(`data-payload="${SALE.sn}"`);
    expect(pages[0]!.html).toContain('80mm');
    expect(pages[0]!.html).not.toContain('重打印');
    expect(pages[1]!.html).toContain('重打印');
    expect(queue.status()).toMatchObject({ pending: 0 });
    await queue.close();
  });

  it('a printer the OS does not know is offline; in the browser harness the cashier is told why', async () => {
    const { os } = fakeOs([{ name: 'Other', isDefault: true }]);
    expect(await createTransport(parsePrinterSpec('os:EPSON TM-T82'), { os }).status()).toMatchObject({ state: 'offline', message: expect.stringContaining('EPSON TM-T82') });

    const transport = createTransport(parsePrinterSpec('os'), {});
    expect(await transport.status()).toMatchObject({ state: 'offline', message: expect.stringContaining('桌面版') });
    const queue = await createPrintQueue({ dir: tmp(), transport, clock, timers: { setTimeout: () => 0, clearTimeout: () => undefined } });
    await queue.enqueue({ kind: 'sale', doc: SALE, orderRef: SALE.clientSn });
    await queue.idle();
    expect(queue.status()).toMatchObject({ state: 'offline', pending: 1 });
    await queue.close();
  });
});
