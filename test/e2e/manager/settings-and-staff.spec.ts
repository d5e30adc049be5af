/**
 * Settings need the manager PIN too: the engineer screen (F4) opens with the manager's PIN when
 * 店长 is chosen. A signed-in manager removes an operator (with a confirmation and the manager
 * PIN); the last manager has no remove button.
 */
import { test, expect, addCashier, firstManagerSignIn, switchOperator } from './manager-kit';

test('the engineer screen opens with the manager PIN when 店长 is chosen', async ({ shop }) => {
  const { page } = shop;
  await page.keyboard.press('F4');
  await page.getByTestId('eng-pin').fill('8888');
  await page.getByTestId('eng-pin-submit').click(); // the engineer's role: the manager PIN is wrong there
  await expect(page.getByTestId('eng-pin-message')).toContainText('PIN 错误');
  await page.getByTestId('eng-role-manager').click();
  await expect(page.getByTestId('eng-role-manager')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('eng-pin').fill('8888');
  await page.getByTestId('eng-pin-submit').click();
  await expect(page.getByTestId('engineer')).toBeVisible();
});

test('a manager removes a cashier after confirming with the manager PIN', async ({ shop }) => {
  const { page } = shop;
  const button = page.getByTestId('operator-button');
  await firstManagerSignIn(page, '2468');
  await expect(button).toHaveText('店长 · 店长');
  await addCashier(page, '小王', '1357', '2468');
  const row = page.getByTestId('op-profile-cashier-小王');
  await expect(row).toBeVisible();
  // the only manager cannot be removed: no button on that row
  await expect(page.getByTestId('op-profile-manager-店长').getByTestId('op-remove')).toHaveCount(0);

  await row.getByTestId('op-remove').click();
  await expect(page.getByTestId('op-remove-confirm')).toContainText('小王');
  await page.getByTestId('op-remove-cancel').click();
  await expect(row).toBeVisible();
  await row.getByTestId('op-remove').click();
  await page.getByTestId('op-remove-pin').fill('2468');
  await page.getByTestId('op-remove-yes').click();
  await expect(page.getByTestId('op-staff-message')).toHaveText('已删除 小王');
  await expect(row).toHaveCount(0);
  await page.keyboard.press('Escape');

  // 小王's PIN no longer signs in
  await switchOperator(page, 'cashier', '1357');
  await expect(page.getByTestId('op-message')).toContainText('PIN 错误');
});
