/**
 * The cashier in English beyond the plain sale (english-walkthrough.spec.ts): mixed tender (cash
 * then the rest by QR), a customer who pays after the QR was withdrawn, and a printer that goes
 * away mid-shift. Each step checks that nothing visible is Chinese outside the by-design areas.
 */
import { rm, writeFile } from 'node:fs/promises';
import { test, expect, typeAmount, readQrFromScreen } from '../fixtures';
import { test as qrTest, phoneOpens } from '../checkout/qr-kit';
import { test as printerTest } from '../printer/printer-fixtures';
import { MANAGER_PIN } from '../manager/manager-kit';
import { walletOpens } from '../../support/wallet-app';
import { noChinese, payQrInEnglish, toEnglish } from './english-kit';

test.describe('mixed tender switched on', () => {
  test.use({ checkoutSettings: { mixedTender: true } });
  test('¥100 in English: ¥20 cash, then ¥80 by QR; the open sale, the QR and the result read in English', async ({ counter: page, sandbox }) => {
    await toEnglish(page);
    await typeAmount(page, '100');
    await page.keyboard.press('F8');
    await page.getByTestId('cash-received').fill('20');
    await noChinese(page, 'cash dialog with a part payment');
    await page.getByTestId('cash-partial').click();
    await expect(page.getByTestId('sale-open')).toContainText('¥80.00');
    await noChinese(page, 'sale open, ¥80 due');
    await page.getByTestId('collect').click();
    await expect(page.getByTestId('qr')).toBeVisible();
    await walletOpens(await readQrFromScreen(page), 'alipay');
    await noChinese(page, 'QR for the rest of a mixed sale');
    const open = (await sandbox.control.orders()).filter((o) => o.orderStatus === 'CREATED');
    expect(open.map((o) => o.totalFen)).toEqual([8_000]);
    await sandbox.control.walletPay({ sn: open[0]!.sn }, 'alipay');
    await expect(page.getByTestId('result-title')).toHaveText('Paid');
    await expect(page.getByTestId('result-message')).toHaveText('Paid (mixed: ¥20.00 in cash)');
    await noChinese(page, 'mixed tender result');
  });
});

qrTest('a late payment in English: the dialog, its refund PIN and the refunded line', async ({ qrCounter, browser }) => {
  const page = qrCounter.page;
  await toEnglish(page);
  await typeAmount(page, '8.80');
  await page.keyboard.press('Enter');
  const url = await readQrFromScreen(page);
  await page.keyboard.press('Escape'); // withdrawn before anyone scanned it
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', /.+/);
  await noChinese(page, 'QR withdrawn');
  await page.keyboard.press('Escape');
  const phone = await phoneOpens(browser, url, 'wechat');
  await phone.getByRole('button', { name: '确认支付' }).click(); // the sandbox wallet's own page (Chinese, on the phone)
  await expect(phone.getByText('支付成功')).toBeVisible();
  await phone.context().close();

  const late = page.getByTestId('late-payment');
  await expect(late).toBeVisible({ timeout: 15_000 });
  await expect(late.getByTestId('late-amount')).toHaveText('¥8.80');
  await expect(late.getByTestId('late-wallet')).toHaveText('WeChat Pay');
  await noChinese(page, 'late-payment dialog');
  await late.getByTestId('late-refund').click();
  await expect(page.getByTestId('pin-dialog')).toBeVisible();
  await noChinese(page, 'late-payment refund PIN');
  await page.getByTestId('pin-input').fill(MANAGER_PIN);
  await page.getByTestId('pin-ok').click();
  await expect(late.getByTestId('late-refund-result')).toHaveText('Refunded ¥8.80');
  await noChinese(page, 'late payment refunded');
});

printerTest('the printer goes away in English: the status bar, the print queue and its technical error', async ({ printerKit, sandbox }) => {
  const { page, sinkDir } = printerKit;
  await toEnglish(page);
  await rm(sinkDir, { recursive: true });
  await writeFile(sinkDir, 'not a printer'); // the "printer" is gone: its directory is now a plain file
  await payQrInEnglish(page, sandbox.control, '5', 'wechat');
  await expect(page.getByTestId('printer-status')).toHaveText('Printer offline · 1 waiting');
  await noChinese(page, 'checkout with the printer offline');
  await page.getByTestId('printer-status').click();
  await expect(page.getByTestId('printer-state')).toHaveText('Printer offline');
  await expect(page.getByTestId('print-job-pending')).toHaveCount(1);
  await noChinese(page, 'print queue with a held receipt');
});
