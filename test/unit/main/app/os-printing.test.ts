import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../../mocks/electron'));

import { BrowserWindow, fake } from '../../../mocks/electron';
import { electronOsPrinting } from '../../../../main/app/os-printing';

beforeEach(() => fake.reset());

describe('the OS printer through Electron', () => {
  it('prints the receipt silently in a hidden window without scripts, on the named printer, then closes it', async () => {
    await electronOsPrinting().printHtml('<p>小票</p>', 'Kitchen');
    const [win] = BrowserWindow.all;
    expect(win!.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true } });
    expect(decodeURIComponent(win!.loaded[0]!.url!)).toContain('<p>小票</p>');
    expect(win!.webContents.printed).toEqual([{ silent: true, printBackground: false, deviceName: 'Kitchen' }]);
    expect(win!.isDestroyed()).toBe(true);
  });

  it('a failed print says why and still closes the window', async () => {
    fake.printFails = '缺纸';
    await expect(electronOsPrinting().printHtml('<p>x</p>')).rejects.toThrow('缺纸');
    expect(BrowserWindow.all[0]!.isDestroyed()).toBe(true);
  });

  it('lists the printers with the default one flagged', async () => {
    expect(await electronOsPrinting().listPrinters!()).toEqual([]); // no window yet to ask
    new BrowserWindow({});
    fake.printers = [{ name: 'A' }, { name: 'B', options: { 'printer-is-default': 'true' } }];
    expect(await electronOsPrinting().listPrinters!()).toEqual([{ name: 'A', isDefault: false }, { name: 'B', isDefault: true }]);
  });
});
