/**
 * The dialogs and panels the main visual spec does not reach (issue 15 point 4): the per-wallet
 * QR pick and its wallet QR, the late-payment dialog (and its refund PIN), the drawer dialog, the
 * mixed-tender cash part, the printer panel, the operator menu, the staff list and its remove
 * confirmation. Same checks as visual.spec.ts: a reviewed 1024×768 screenshot per language and
 * the layout audit at 1024, 1366 and 1920 wide in both themes.
 */
import type { Page } from '@playwright/test';
import { test as qrTest, expect, typeAmount, readQrFromScreen, phoneOpens } from '../checkout/qr-kit';
import { test as cashTest } from '../cash/cash-kit';
import { MANAGER_PIN, firstManagerSignIn, addCashier } from '../manager/manager-kit';
import { checkView, type Lang } from './visual-kit';

const LANGS: Lang[] = ['zh', 'en'];

async function prepare(page: Page, lang: Lang): Promise<void> {
  await page.getByTestId('voice-toggle').click();
  await expect(page.getByTestId('voice-toggle')).toHaveAttribute('aria-pressed', 'false');
  if (lang === 'en') {
    await page.getByTestId('language-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
}

qrTest.describe('per-wallet QR', () => {
  qrTest.use({ qrMode: 'per-wallet', viewport: { width: 1024, height: 768 }, timezoneId: 'Asia/Shanghai' });
  qrTest.describe.configure({ timeout: 150_000 });
  for (const lang of LANGS) {
    qrTest(`the wallet pick and the wallet's own QR look right (${lang})`, async ({ qrCounter }) => {
      const page = qrCounter.page;
      await prepare(page, lang);
      await typeAmount(page, '128.5');
      await page.keyboard.press('Enter');
      await expect(page.getByTestId('wallet-pick')).toBeVisible();
      // Being collected, the amount is complete: two decimals on both sides, as everywhere else.
      await expect(page.getByTestId('amount')).toHaveText('¥128.50');
      await expect(page.getByTestId('pick-amount')).toHaveText('¥128.50');
      await checkView(page, 'wallet-pick', lang);
      await page.keyboard.press('2');
      await expect(page.getByTestId('qr')).toBeVisible();
      // One instruction under the QR, naming the picked wallet (not a second, generic one).
      const ask = lang === 'zh' ? /请顾客.*扫码/ : /Ask the customer to scan/;
      await expect(page.getByTestId('panel').getByText(ask)).toHaveCount(1);
      await expect(page.getByTestId('qr-wallets')).toHaveText(lang === 'zh' ? '请顾客用支付宝扫码' : 'Ask the customer to scan with Alipay');
      await checkView(page, 'wallet-qr', lang);
    });
  }
});

qrTest.describe('late payment', () => {
  qrTest.use({ viewport: { width: 1024, height: 768 }, timezoneId: 'Asia/Shanghai' });
  qrTest.describe.configure({ timeout: 150_000 });
  for (const lang of LANGS) {
    qrTest(`the late-payment dialog and its refund PIN look right (${lang})`, async ({ qrCounter, browser }) => {
      const page = qrCounter.page;
      await prepare(page, lang);
      await typeAmount(page, '8.8');
      await page.keyboard.press('Enter');
      const url = await readQrFromScreen(page);
      await page.keyboard.press('Escape'); // withdrawn before anyone scanned it
      await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', /.+/);
      await page.keyboard.press('Escape');
      const phone = await phoneOpens(browser, url, 'wechat');
      await phone.getByRole('button', { name: '确认支付' }).click();
      await expect(phone.getByText('支付成功')).toBeVisible();
      await phone.context().close();
      const late = page.getByTestId('late-payment');
      await expect(late).toBeVisible({ timeout: 15_000 });
      await expect(late.getByTestId('late-amount')).toHaveText('¥8.80');
      await expect(late.getByTestId('late-time')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
      await checkView(page, 'late-payment', lang);
      await late.getByTestId('late-refund').click();
      await expect(page.getByTestId('pin-dialog')).toBeVisible();
      await checkView(page, 'late-payment-pin', lang);
      await page.getByTestId('pin-input').fill(MANAGER_PIN);
      await page.getByTestId('pin-ok').click();
      await expect(late.getByTestId('late-refund-result')).toHaveText(lang === 'zh' ? '已退款 ¥8.80' : 'Refunded ¥8.80');
      await checkView(page, 'late-payment-refunded', lang);
    });
  }
});

cashTest.describe('cash, drawer and printer', () => {
  cashTest.use({ mixedTender: true, viewport: { width: 1024, height: 768 }, timezoneId: 'Asia/Shanghai' });
  cashTest.describe.configure({ timeout: 150_000 });
  for (const lang of LANGS) {
    cashTest(`the drawer dialog, a mixed sale and the printer panel look right (${lang})`, async ({ cashKit }) => {
      const page = cashKit.page;
      // The printer pill comes in once the devices are known; it moves the bar's buttons left.
      await expect(page.getByTestId('printer-status')).toBeVisible();
      await prepare(page, lang);
      await page.getByTestId('open-drawer').click();
      await expect(page.getByTestId('drawer-dialog')).toBeVisible();
      await checkView(page, 'drawer-dialog', lang);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('drawer-dialog')).toHaveCount(0);

      await typeAmount(page, '100');
      await page.keyboard.press('F8');
      await page.getByTestId('cash-received').fill('20');
      await expect(page.getByTestId('cash-partial')).toBeVisible();
      await checkView(page, 'cash-partial', lang);
      await page.getByTestId('cash-partial').click();
      await expect(page.getByTestId('sale-open')).toContainText('¥80.00');
      await checkView(page, 'mixed-open', lang);

      await page.getByTestId('printer-status').click();
      await expect(page.getByTestId('printer-panel')).toBeVisible();
      await checkView(page, 'printer-panel', lang);
    });
  }
});

cashTest.describe('operators', () => {
  cashTest.use({ viewport: { width: 1024, height: 768 }, timezoneId: 'Asia/Shanghai' });
  cashTest.describe.configure({ timeout: 150_000 });
  for (const lang of LANGS) {
    cashTest(`the operator menu, the staff list and removing a cashier look right (${lang})`, async ({ cashKit }) => {
      const page = cashKit.page;
      // The printer pill comes in once the devices are known; it moves the bar's buttons left.
      await expect(page.getByTestId('printer-status')).toBeVisible();
      await firstManagerSignIn(page, '2468');
      await addCashier(page, '小王', '1357', '2468');
      await page.keyboard.press('Escape');
      await prepare(page, lang);
      await page.getByTestId('operator-button').click();
      await expect(page.getByTestId('op-staff')).toBeVisible();
      await checkView(page, 'operator-menu', lang);
      await page.getByTestId('op-staff').click();
      const row = page.getByTestId('op-profile-cashier-小王');
      await expect(row).toBeVisible();
      await checkView(page, 'staff-list', lang);
      await row.getByTestId('op-remove').click();
      await expect(page.getByTestId('op-remove-confirm')).toContainText('小王');
      await checkView(page, 'staff-remove', lang);
    });
  }
});
