/**
 * Cash e2e kit: a counter with a file printer sink (drawer kicks land there too), optionally
 * with mixed tender switched on in its settings file, and helpers a cashier's hands would use.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test as base, expect, typeAmount } from '../fixtures';
import { startHarnessProcess, type HarnessProcess } from '../../support/harness-process';
import { DEFAULT_SETTINGS } from '../../../main/settings/schema';

export { MANAGER_PIN } from '../manager/manager-kit';

export interface CashKit { page: Page; app: HarnessProcess; sinkDir: string }

export const test = base.extend<{ mixedTender: boolean; cashKit: CashKit }>({
  mixedTender: [false, { option: true }],
  cashKit: async ({ page, dataDir, sandbox, mixedTender }, use) => {
    const sinkDir = join(dataDir, 'printer-sink');
    const counterDir = join(dataDir, 'counter');
    await mkdir(sinkDir, { recursive: true });
    await mkdir(counterDir, { recursive: true });
    if (mixedTender) {
      const settings = { ...DEFAULT_SETTINGS, checkout: { ...DEFAULT_SETTINGS.checkout, mixedTender: true } };
      await writeFile(join(counterDir, 'settings.json'), JSON.stringify(settings, null, 2));
    }
    const app = await startHarnessProcess({ dataDir: counterDir, aggregatorUrl: sandbox.url, extraArgs: ['--printer', `file:${sinkDir}`] });
    await page.goto(app.url);
    await expect(page.getByTestId('aggregator-status')).toContainText('沙箱');
    await use({ page, app, sinkDir });
    await app.kill();
  },
});

export { expect, typeAmount };

/** Every file the printer received, raw bytes, oldest first. */
export async function sinkFiles(dir: string): Promise<{ name: string; bytes: Buffer }[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.bin')).sort();
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(dir, name)) })));
}

/** Waits for a drawer kick (ESC p = 1B 70) in the sink and returns how many arrived. */
export async function drawerKicks(dir: string): Promise<number> {
  return (await sinkFiles(dir)).filter((f) => f.bytes.includes(Buffer.from([0x1b, 0x70]))).length;
}

/** Takes a cash payment through the 现金 dialog (F8), typing the cash received. */
export async function payCash(page: Page, yuan: string, received: string): Promise<void> {
  await typeAmount(page, yuan);
  await page.keyboard.press('F8');
  await expect(page.getByTestId('cash-dialog')).toBeVisible();
  await page.getByTestId('cash-received').fill(received);
  await page.getByTestId('cash-received').press('Enter');
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
}
