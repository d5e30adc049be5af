/**
 * The manager's cash tools on the Reports screen (F3): a payout (支出) lowers the X report's
 * expected cash at once, mixed tender switched on from the screen, and a shift close refused
 * while a mixed sale is still owed money.
 */
import { walletOpens } from '../../support/wallet-app';
import type { Page } from '@playwright/test';
import { drawerKicks, expect, MANAGER_PIN, test, typeAmount } from './cash-kit';
import { readQrFromScreen } from '../fixtures';

async function enterPin(page: Page): Promise<void> {
  const pin = page.getByTestId('pin-input');
  await expect(pin).toBeEnabled();
  await pin.fill(MANAGER_PIN);
  await pin.press('Enter');
  await expect(page.getByTestId('pin-dialog')).toHaveCount(0);
}

/** ¥100 with ¥20 cash taken as the cash part; ¥80 left for a wallet. */
async function startMixedSale(page: Page): Promise<void> {
  await typeAmount(page, '100');
  await page.keyboard.press('F8');
  await page.getByTestId('cash-received').fill('20');
  await page.getByTestId('cash-partial').click();
  await expect(page.getByTestId('sale-open')).toContainText('¥80.00');
}

test('a payout with the manager PIN lowers the expected cash on the X report at once', async ({ cashKit }) => {
  const { page, sinkDir } = cashKit;
  await page.keyboard.press('F3');
  await page.getByTestId('float-input').fill('100');
  await page.getByTestId('open-shift').click();
  await expect(page.getByTestId('x-cash-expected')).toHaveText('¥100.00');
  await page.getByTestId('payout-form').locator('summary').click();
  await page.getByTestId('payout-amount').fill('12.5');
  await page.getByTestId('payout-submit').click();
  await expect(page.getByTestId('payout-message')).toHaveText('请填写支出原因'); // no PIN asked without a reason
  await page.getByTestId('payout-reason').fill('买零钱袋');
  await page.getByTestId('payout-submit').click();
  await enterPin(page);
  await expect(page.getByTestId('payout-message')).toContainText('已记录支出 ¥12.50：买零钱袋');
  await expect(page.getByTestId('x-cash-expected')).toHaveText('¥87.50');
  await expect(page.getByTestId('x-cash')).toContainText('支出');
  await expect.poll(() => drawerKicks(sinkDir)).toBe(1);
});

test('mixed tender switched on from the Reports screen, then a mixed sale goes through', async ({ cashKit, sandbox }) => {
  const { page } = cashKit;
  await page.keyboard.press('F3');
  await expect(page.getByTestId('mixed-tender-state')).toHaveText('已关闭');
  await page.getByTestId('mixed-tender-toggle').click();
  await enterPin(page);
  await expect(page.getByTestId('mixed-tender-state')).toHaveText('已开启');
  await page.keyboard.press('F1');
  await startMixedSale(page);
  await page.getByTestId('collect').click();
  await walletOpens(await readQrFromScreen(page), 'wechat'); // the customer scans the QR
  const open = (await sandbox.control.orders()).filter((o) => o.orderStatus === 'CREATED');
  expect(open).toHaveLength(1);
  expect(open[0]!.totalFen).toBe(8_000);
  await sandbox.control.walletPay({ sn: open[0]!.sn }, 'wechat');
  await expect(page.getByTestId('result-message')).toHaveText('支付成功（混合支付，现金 ¥20.00）');
  await expect(page.getByTestId('result-amount')).toHaveText('¥100.00');
});

test.describe('with mixed tender on', () => {
  test.use({ mixedTender: true });
  test('shift close is refused while a mixed sale is open, saying which sale and how much is due', async ({ cashKit }) => {
    const { page } = cashKit;
    await startMixedSale(page);
    await page.keyboard.press('F3');
    await expect(page.getByTestId('shift-sale-open')).toContainText('还差 ¥80.00');
    await page.getByTestId('close-shift').click();
    await enterPin(page);
    await expect(page.getByTestId('shift-error')).toHaveText(/^不能交班：混合支付 S\w+ 尚未收完（应收 ¥100\.00，已收 ¥20\.00，还差 ¥80\.00）/);
    await expect(page.getByTestId('z-report')).toHaveCount(0);
  });
});
