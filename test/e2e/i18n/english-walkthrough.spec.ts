/**
 * English mode end to end (issue 15 item 2): a cashier goes through the counter with the main
 * process's notices, refusals and results on screen, and nothing visible is Chinese except where
 * Chinese is the design (elements with lang="zh…" such as the receipt preview, and data marked
 * translate="no" such as the shop name). A failure names the element and its text.
 * The manager's, the engineer's and the other counter flows: english-manager/-counter/-engineer.spec.ts.
 */
import { test, expect, typeAmount, readQrFromScreen } from '../fixtures';
import { walletOpens } from '../../support/wallet-app';
import { noChinese, toEnglish } from './english-kit';

test('a cashier in English: idle status, refusals, a QR payment, its voice caption and the orders list read in English', async ({ counter: page, sandbox }) => {
  await toEnglish(page);
  // No serial scanner and no printer set up: the status bar says so in English.
  await expect(page.getByTestId('scanner-status')).toBeVisible();
  await noChinese(page, 'checkout idle (no scanner, no printer)');

  await page.keyboard.press('Enter'); // ¥0
  await expect(page.getByTestId('checkout-error')).toHaveText('Enter an amount');
  await noChinese(page, 'checkout ¥0 refused');

  await typeAmount(page, '12');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('qr')).toBeVisible();
  await noChinese(page, 'checkout QR');
  await walletOpens(await readQrFromScreen(page), 'wechat');
  const waiting = (await sandbox.control.orders()).find((o) => o.orderStatus === 'CREATED')!;
  await sandbox.control.walletPay({ sn: waiting.sn }, 'wechat');
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'PAID');
  await expect(page.getByTestId('result-title')).toHaveText('Paid');
  // The voice says 微信收款十二元 (always Chinese); the caption on screen says it in English.
  await expect(page.getByTestId('voice-caption')).toHaveText('+¥12.00 WeChat Pay', { timeout: 15_000 });
  await expect(page.getByTestId('voice-caption')).toHaveAttribute('data-spoken', '微信收款十二元');
  await noChinese(page, 'checkout result (QR paid)');

  await page.keyboard.press('Enter');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('search-row')).toHaveCount(1);
  await noChinese(page, 'orders list');
  await page.getByTestId('search-row').first().click();
  await expect(page.getByTestId('order-detail')).toBeVisible();
  await noChinese(page, 'order detail (the receipt preview is Chinese by design)');

  await page.keyboard.press('F3');
  await page.getByTestId('reconcile-run').click();
  await expect(page.getByTestId('reconcile-summary')).toBeVisible();
  await noChinese(page, 'reports and reconciliation');
});

test('a cashier in English: a goods barcode scanned by mistake, then a cash sale with change', async ({ counter: page }) => {
  await toEnglish(page);
  await typeAmount(page, '5');
  await page.waitForTimeout(150); // a cashier pauses before pulling the trigger (see scan-checkout.spec)
  await page.evaluate((code) => {
    const w = globalThis as unknown as { dispatchEvent(e: unknown): void; KeyboardEvent: new (type: string, init: object) => unknown };
    for (const key of [...code, 'Enter']) w.dispatchEvent(new w.KeyboardEvent('keydown', { key, bubbles: true }));
  }, '6901234567892');
  await expect(page.getByText('That is a goods barcode (6901234567892), not a payment code')).toBeVisible();
  await noChinese(page, 'goods barcode refused');

  await page.keyboard.press('F8');
  await expect(page.getByTestId('cash-dialog')).toBeVisible();
  await page.getByTestId('cash-received').fill('3');
  await page.getByTestId('cash-received').press('Enter');
  await expect(page.getByTestId('cash-dialog')).toBeVisible();
  await noChinese(page, 'cash dialog, too little received');
  await page.getByTestId('cash-received').fill('10');
  await page.getByTestId('cash-received').press('Enter');
  await expect(page.getByTestId('result-title')).toBeVisible();
  await noChinese(page, 'checkout result (cash)');
});
