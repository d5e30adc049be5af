/**
 * Every screen and dialog as the cashier sees it (issue 15): a reviewed 1024×768 screenshot in
 * zh-CN and en with the bundled font, and the layout audit at 1024, 1366 and 1920 wide in the
 * normal and high-contrast themes. Update the PNGs only after looking at them
 * (`npx playwright test test/e2e/visual --update-snapshots`).
 */
import type { Page } from '@playwright/test';
import { test, expect, typeAmount, readQrFromScreen } from '../fixtures';
import { walletOpens } from '../../support/wallet-app';
import { payQrOn } from '../manager/manager-kit';
import { checkView, type Lang } from './visual-kit';

test.use({ viewport: { width: 1024, height: 768 }, timezoneId: 'Asia/Shanghai' });
// Each view is audited at three sizes and two themes: more than the default minute.
test.describe.configure({ timeout: 150_000 });

const LANGS: Lang[] = ['zh', 'en'];
const customerUrl = (appUrl: string) => appUrl.replace(/\/\?/, '/customer?');

/** Voice off: its caption comes and goes (8 s), which no screenshot can pin down. */
async function voiceOff(page: Page): Promise<void> {
  await page.getByTestId('voice-toggle').click();
  await expect(page.getByTestId('voice-toggle')).toHaveAttribute('aria-pressed', 'false');
}

/** Voice off and, for en, English. */
async function prepare(page: Page, lang: Lang): Promise<void> {
  await voiceOff(page);
  await setLang(page, lang);
}

async function setLang(page: Page, lang: Lang): Promise<void> {
  if (lang === 'en') {
    await page.getByTestId('language-toggle').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  }
}

for (const lang of LANGS) {
  test(`checkout, cash and the customer display look right (${lang})`, async ({ counter, app, context, sandbox }) => {
    const page = counter;
    await prepare(page, lang);
    const display = await context.newPage();
    await display.setViewportSize({ width: 1024, height: 768 });
    await display.goto(customerUrl(app.url));
    await expect(display.getByTestId('customer')).toBeVisible();
    await checkView(display, 'customer-welcome', lang);

    await checkView(page, 'checkout-idle', lang);
    await page.keyboard.press('Enter'); // ¥0: the cashier is told at once
    await expect(page.getByTestId('checkout-error')).toHaveText(lang === 'zh' ? '请输入金额' : 'Enter an amount');
    await checkView(page, 'checkout-zero', lang);
    await typeAmount(page, '128.5');
    await checkView(page, 'checkout-typing', lang);

    await page.keyboard.press('F8');
    await expect(page.getByTestId('cash-dialog')).toBeVisible();
    await page.getByTestId('cash-received').fill('150');
    await checkView(page, 'cash-dialog', lang);
    await page.getByTestId('cash-received').press('Enter');
    await expect(page.getByTestId('result-title')).toBeVisible();
    await checkView(page, 'checkout-result-cash', lang);
    await page.getByTestId('next').click();

    await typeAmount(page, '128.5');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('qr')).toBeVisible();
    await checkView(page, 'checkout-qr', lang);
    await expect(display.locator('.customer img')).toBeVisible();
    await checkView(display, 'customer-qr', lang);
    await walletOpens(await readQrFromScreen(page), 'wechat'); // the unified QR: the wallet opens it first
    const waiting = (await sandbox.control.orders()).find((o) => o.orderStatus === 'CREATED')!;
    await sandbox.control.walletPay({ sn: waiting.sn }, 'wechat');
    await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'PAID');
    await checkView(page, 'checkout-result-qr', lang);
    await expect(display.getByTestId('customer')).toContainText('¥128.50');
    await checkView(display, 'customer-paid', lang);
  });

  test(`orders, order detail, refund and the manager PIN look right (${lang})`, async ({ counter, sandbox }) => {
    const page = counter;
    await voiceOff(page);
    await payQrOn(page, sandbox.control, '128.5', 'wechat');
    await payQrOn(page, sandbox.control, '36', 'alipay');
    await setLang(page, lang);
    await page.keyboard.press('F2');
    await expect(page.getByTestId('search-row')).toHaveCount(2);
    await checkView(page, 'orders-list', lang);
    await page.getByTestId('search-row').first().click();
    await expect(page.getByTestId('order-detail')).toBeVisible();
    await expect(page.getByTestId('receipt-preview')).toBeVisible();
    await expect(page.getByTestId('refund-panel')).toBeVisible();
    await checkView(page, 'orders-detail', lang);
    await page.getByTestId('refund-panel').scrollIntoViewIfNeeded();
    await page.getByTestId('refund-amount').fill('10');
    await checkView(page, 'orders-refund', lang);
    await page.getByTestId('refund-submit').click();
    await expect(page.getByTestId('pin-dialog')).toBeVisible();
    await checkView(page, 'pin-dialog', lang);
  });

  test(`reports, shift and reconciliation look right (${lang})`, async ({ counter, sandbox }) => {
    const page = counter;
    await voiceOff(page);
    await payQrOn(page, sandbox.control, '128.5', 'wechat');
    await payQrOn(page, sandbox.control, '36', 'alipay');
    await setLang(page, lang);
    await page.keyboard.press('F3');
    await expect(page.getByTestId('totals-count')).toHaveText('2');
    await checkView(page, 'reports', lang);
    await page.getByTestId('shift-panel').scrollIntoViewIfNeeded();
    await checkView(page, 'reports-shift', lang);
    await page.getByTestId('reconcile-run').click();
    await expect(page.getByTestId('reconcile-summary')).toBeVisible();
    await page.getByTestId('reconcile-panel').evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await checkView(page, 'reports-reconcile', lang);
  });

  test(`sign-in, PIN change and the engineer screen look right (${lang})`, async ({ counter }) => {
    const page = counter;
    await prepare(page, lang);
    await page.getByTestId('operator-button').click();
    await page.getByTestId('op-role-manager').click();
    await checkView(page, 'sign-in', lang);
    await page.getByTestId('op-pin').fill('8888');
    await page.getByTestId('op-pin').press('Enter');
    await expect(page.getByTestId('op-must-change')).toBeVisible();
    await checkView(page, 'pin-change', lang);
    await page.getByTestId('op-old-pin').fill('8888');
    await page.getByTestId('op-new-pin').fill('2468');
    await page.getByTestId('op-new-pin2').fill('2468');
    await page.getByTestId('op-save-pin').click();
    await expect(page.getByTestId('operator-dialog')).toHaveCount(0);
    await checkView(page, 'checkout-manager', lang);
    await page.keyboard.press('F4');
    await expect(page.getByTestId('eng-pin')).toBeVisible();
    await checkView(page, 'engineer-pin', lang);
    await page.getByTestId('eng-pin').fill('6666');
    await page.getByTestId('eng-pin-submit').click();
    await expect(page.getByTestId('engineer')).toBeVisible();
    await checkView(page, 'engineer', lang);
  });
}
