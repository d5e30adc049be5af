/**
 * Operators at the counter: the manager's first sign-in asks to change the factory PIN, the
 * manager adds a cashier by name, the cashier signs in from the status bar and the payment and
 * the totals by cashier carry the name. Wrong PINs at sign-in lock with a countdown.
 */
import { test, expect, addCashier, firstManagerSignIn, switchOperator } from './manager-kit';

test('a cashier named 小王 signs in; the payment and the totals by cashier show 小王', async ({ shop }) => {
  const { page } = shop;
  const button = page.getByTestId('operator-button');
  await expect(button).toHaveText('登录');

  // The manager's first sign-in with the factory PIN asks for a new one.
  await firstManagerSignIn(page, '2468');
  await expect(button).toHaveText('店长 · 店长');

  // The manager adds cashier 小王 (manager PIN again).
  await addCashier(page, '小王', '1357', '2468');
  await expect(page.getByTestId('op-profiles')).toContainText('小王');
  await page.keyboard.press('Escape');

  // 小王 takes over the counter.
  await switchOperator(page, 'cashier', '1357');
  await expect(button).toHaveText('收银员 · 小王');

  await shop.payQr('6.60', 'wechat');
  await shop.openReports();
  await expect(page.getByTestId('cashier-小王')).toContainText('¥6.60');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('search-row')).toContainText('小王');
  await page.getByTestId('search-row').click();
  await expect(page.getByTestId('receipt-preview')).toContainText('小王');

  // Signed out, the counter goes on under the name in the settings.
  await button.click();
  await page.getByTestId('op-sign-out').click();
  await expect(button).toHaveText('登录');
});

test('five wrong PINs at sign-in lock that role with a countdown', async ({ shop }) => {
  const { page } = shop;
  await page.getByTestId('operator-button').click();
  for (let left = 4; left >= 1; left--) {
    await page.getByTestId('op-pin').fill('1111');
    await page.getByTestId('op-pin').press('Enter');
    await expect(page.getByTestId('op-message')).toHaveText(`PIN 错误，还可尝试 ${left} 次`);
  }
  await page.getByTestId('op-pin').fill('1111');
  await page.getByTestId('op-pin').press('Enter');
  await expect(page.getByTestId('op-locked')).toHaveText(/^已锁定，请 (60|59|58) 秒后再试$/);
  await expect(page.getByTestId('op-pin')).toBeDisabled();
  await expect(page.getByTestId('op-locked')).toHaveText(/^已锁定，请 5\d 秒后再试$/, { timeout: 5_000 });
  // The amount on the checkout was not touched by the PIN typing.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('amount')).toHaveText('¥0');
});
