/**
 * The field engineer in English: the PIN, the settings screen with its forms, a field the form
 * refuses, a printer address that is not a full path, a wrong activation code and a save. Each step
 * checks that nothing visible is Chinese outside the by-design areas, naming the element.
 */
import { test, expect } from '../fixtures';
import { noChinese, toEnglish } from './english-kit';

test('the engineer screen in English: PIN, forms, refusals named per field, activation and a save', async ({ counter: page }) => {
  await toEnglish(page);
  await page.keyboard.press('F4');
  await noChinese(page, 'engineer PIN');
  await page.getByTestId('eng-pin').fill('1234');
  await page.getByTestId('eng-pin-submit').click();
  await expect(page.getByTestId('eng-pin-message')).toContainText('Wrong PIN');
  await noChinese(page, 'engineer PIN, wrong');
  await page.getByTestId('eng-pin').fill('6666');
  await page.getByTestId('eng-pin-submit').click();
  await expect(page.getByTestId('engineer')).toBeVisible();
  await noChinese(page, 'engineer screen');

  // A field out of range is named in English and nothing is saved.
  await page.getByTestId('eng-scanner-interCharTimeoutMs').fill('5');
  await page.getByTestId('eng-scanner-save').click();
  await expect(page.getByTestId('eng-scanner-interCharTimeoutMs-error')).toHaveText('Frame gap without a terminator (ms) must be between 10 and 1000');
  await noChinese(page, 'scanner form, a field refused');

  // A receipt folder that is not a full path.
  await page.getByTestId('eng-printer-transport').selectOption('file');
  await page.getByTestId('eng-printer-address').fill('receipts-b');
  await page.getByTestId('eng-printer-save').click();
  await expect(page.getByTestId('eng-printer-address-error')).toBeVisible();
  await noChinese(page, 'printer form, a relative folder refused');

  // The platform's answer to a wrong activation code, in the app's English words.
  await page.getByTestId('eng-activation-code').fill('12345678');
  await page.getByTestId('eng-activate').click();
  await expect(page.getByTestId('eng-terminal-feedback')).toHaveText(/^Activation failed/);
  await noChinese(page, 'wrong activation code');

  await page.getByTestId('eng-aggregator-vendorKey').fill('secret-vendor-key-1');
  await page.getByTestId('eng-aggregator-save').click();
  await expect(page.getByTestId('eng-aggregator-feedback')).toBeVisible();
  await noChinese(page, 'payment settings saved');
});
