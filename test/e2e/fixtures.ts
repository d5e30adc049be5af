/**
 * Playwright fixtures: every test gets its own data directory, its own sandbox aggregator
 * (in-process, real HTTP) and its own harness process talking to it.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { DEFAULT_SETTINGS, type Settings } from '../../main/settings/schema';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { startSandbox, type Sandbox } from '../../main/aggregator/sandbox';
import { startHarnessProcess, type HarnessProcess } from '../support/harness-process';
import { sandboxControl } from '../support/sandbox-control';
import { openPtyPair, ptySkipReason } from '../support/pty-pair';
import { open } from 'node:fs/promises';
import { startCmbSandbox, type CmbSandbox } from '../../main/aggregator/cmb/sandbox';
import { cmbSandboxControl } from '../support/cmb-sandbox-control';


export interface ScanKit {
  page: Page;
  app: HarnessProcess;
  /** Writes bytes into the scanner's end of the pty pair, as the scanner would. */
  scan(text: string, suffix?: string): Promise<void>;
}

export interface Fixtures {
  scanKit: ScanKit;
  dataDir: string;
  sandbox: { server: Sandbox; url: string; control: ReturnType<typeof sandboxControl> };
  app: HarnessProcess;
  counter: Page;
  /** Checkout settings written before the counter starts (`test.use({ checkoutSettings: … })`): short windows instead of real waits. */
  checkoutSettings: Partial<Settings['checkout']>;
  /** Which platform the counter runs on: `test.use({ platform: 'cmb' })` starts it on the 招商银行 polypay sandbox. */
  platform: 'upay' | 'cmb';
  cmbSandbox: { server: CmbSandbox; url: string; control: ReturnType<typeof cmbSandboxControl> };
}

/** A settings.json with the given checkout values, so the counter starts with them. */
async function writeCheckoutSettings(counterDir: string, checkout: Partial<Settings['checkout']>): Promise<void> {
  if (!Object.keys(checkout).length) return;
  await mkdir(counterDir, { recursive: true });
  await writeFile(join(counterDir, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, checkout: { ...DEFAULT_SETTINGS.checkout, ...checkout } }));
}

export const test = base.extend<Fixtures>({
  checkoutSettings: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'yima-e2e-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  sandbox: async ({ dataDir }, use) => {
    const server = await startSandbox({ port: 0, dataDir: join(dataDir, 'aggregator') });
    await use({ server, url: server.url, control: sandboxControl(server.url) });
    await server.close();
  },
  platform: ['upay', { option: true }],
  cmbSandbox: async ({ dataDir }, use) => {
    const server = await startCmbSandbox({ port: 0, dataDir: join(dataDir, 'cmb-bank') });
    await use({ server, url: server.url, control: cmbSandboxControl(server.url) });
    await server.close();
  },
  // The polypay sandbox is an idle HTTP server unless the platform option picks it.
  app: async ({ dataDir, sandbox, platform, cmbSandbox, checkoutSettings }, use) => {
    await writeCheckoutSettings(join(dataDir, 'counter'), checkoutSettings);
    const aggregatorUrl = platform === 'cmb' ? `cmb-sandbox+${cmbSandbox.url}` : sandbox.url;
    const app = await startHarnessProcess({ dataDir: join(dataDir, 'counter'), aggregatorUrl });
    await use(app);
    await app.kill();
  },
  scanKit: async ({ page, dataDir, sandbox, platform, cmbSandbox, checkoutSettings }, use, testInfo) => {
    const skip = ptySkipReason();
    testInfo.skip(!!skip, skip);
    await writeCheckoutSettings(join(dataDir, 'counter'), checkoutSettings);
    const pty = await openPtyPair();
    const aggregatorUrl = platform === 'cmb' ? `cmb-sandbox+${cmbSandbox.url}` : sandbox.url;
    const app = await startHarnessProcess({ dataDir: join(dataDir, 'counter'), aggregatorUrl, extraArgs: ['--scanner', pty.a, '--baud', '9600'] });
    const writer = await open(pty.b, 'r+');
    await page.goto(app.url);
    await expect(page.getByTestId('scanner-status')).toHaveText('扫码枪已连接');
    await use({ page, app, scan: async (text, suffix = '\r') => { await writer.write(Buffer.from(text + suffix)); } });
    await writer.close();
    await app.kill();
    await pty.close();
  },
  counter: async ({ page, app }, use) => {
    await page.goto(app.url);
    await expect(page.getByTestId('aggregator-status')).toContainText('沙箱');
    await use(page);
  },
});

export { expect };

/** Types an amount with the keyboard, as a cashier does. */
export async function typeAmount(page: Page, yuan: string): Promise<void> {
  await page.keyboard.press('Escape');
  for (const ch of yuan) await page.keyboard.press(ch);
  await expect(page.getByTestId('amount')).toHaveText(`¥${yuan}`);
}

/** Decodes the QR on screen from a screenshot, as the customer's phone would. */
export async function readQrFromScreen(page: Page): Promise<string> {
  const qr = page.getByTestId('qr');
  await expect(qr).toBeVisible();
  const png = PNG.sync.read(await qr.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  if (!code) throw new Error('no QR code could be decoded from the screen');
  return code.data;
}
