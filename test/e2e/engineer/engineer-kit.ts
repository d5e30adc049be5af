/** Shared steps of the engineer's e2e: open the engineer screen the way a field engineer does (F4, PIN). */
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The factory engineer PIN of a fresh counter (main/settings/pins.ts). */
export const ENGINEER_PIN = '6666';

export async function openEngineer(page: Page): Promise<void> {
  await expect(page.getByTestId('aggregator-status')).toBeVisible(); // the app is up and listens for F4
  await page.keyboard.press('F4');
  await page.getByTestId('eng-pin').fill(ENGINEER_PIN);
  await page.getByTestId('eng-pin-submit').click();
  await expect(page.getByTestId('engineer')).toBeVisible();
}
