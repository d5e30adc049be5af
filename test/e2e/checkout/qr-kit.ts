/**
 * QR e2e kit (issue 13): a counter whose settings file picks the QR mode and a shorter late-payment
 * watch, and a customer's phone that opens the QR's URL inside a wallet app (its User-Agent) or in a
 * plain browser, as the sandbox's /gateway tells them apart (main/aggregator/sandbox/gateway.ts).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { test as base, expect, typeAmount, readQrFromScreen } from '../fixtures';
import { startHarnessProcess, type HarnessProcess } from '../../support/harness-process';
import { DEFAULT_SETTINGS } from '../../../main/settings/schema';
import { USER_AGENTS } from '../../support/wallet-app';

export interface QrCounter { page: Page; app: HarnessProcess }

export const test = base.extend<{ qrMode: 'unified' | 'per-wallet'; lateWatchSeconds: number; qrCounter: QrCounter }>({
  qrMode: ['unified', { option: true }],
  lateWatchSeconds: [600, { option: true }],
  qrCounter: async ({ page, dataDir, sandbox, qrMode, lateWatchSeconds }, use) => {
    const counterDir = join(dataDir, 'counter');
    await mkdir(counterDir, { recursive: true });
    const settings = { ...DEFAULT_SETTINGS, checkout: { ...DEFAULT_SETTINGS.checkout, qrMode, lateWatchSeconds } };
    await writeFile(join(counterDir, 'settings.json'), JSON.stringify(settings, null, 2));
    const app = await startHarnessProcess({ dataDir: counterDir, aggregatorUrl: sandbox.url });
    await page.goto(app.url);
    await expect(page.getByTestId('aggregator-status')).toContainText('沙箱');
    await use({ page, app });
    await app.kill();
  },
});

export { expect, typeAmount, readQrFromScreen };


/** Opens `url` on a phone with that User-Agent; returns the phone's page (close it when done). */
export async function phoneOpens(browser: Browser, url: string, as: keyof typeof USER_AGENTS): Promise<Page> {
  const ctx = await browser.newContext({ userAgent: USER_AGENTS[as], viewport: { width: 390, height: 844 } });
  const phone = await ctx.newPage();
  await phone.goto(url);
  return phone;
}
