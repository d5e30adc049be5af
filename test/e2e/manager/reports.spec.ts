import { readFile } from 'node:fs/promises';
import { test, expect, MANAGER_PIN } from './manager-kit';

test('three wallets, a partial refund with the manager PIN, the totals and the Z report agree', async ({ shop, sandbox }) => {
  const { page } = shop;
  const wechatOrder = await shop.payQr('12.30', 'wechat');
  await shop.payQr('5', 'alipay');
  await shop.payQr('2.70', 'unionpay');
  await shop.openReports();
  await expect(page.getByTestId('totals-count')).toHaveText('3');
  await expect(page.getByTestId('totals-paid')).toHaveText('¥20.00');
  await expect(page.getByTestId('wallet-unionpay')).toContainText('¥2.70');
  await expect(page.getByTestId('wallet-wechat')).toContainText('¥12.30');
  await expect(page.getByTestId('wallet-alipay')).toContainText('¥5.00');
  await expect(page.getByTestId('totals-net')).toHaveText('¥20.00');
  // The by-hour chart has a bar for the hour of these sales (two if they straddle the hour).
  await expect(page.locator('rect[data-testid^="hour-bar-"]').first()).toBeVisible();

  // Refunds start from the order: Orders (F2), found by its amount, opened in the detail.
  await page.keyboard.press('F2');
  await page.getByTestId('search-amount').fill('12.30');
  await page.getByTestId('search-run').click();
  await expect(page.getByTestId('search-row')).toHaveCount(1);
  await page.getByTestId('search-row').click();
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥12.30');
  await page.getByTestId('refund-amount').fill('2.30');
  await page.getByTestId('refund-submit').click();
  await expect(page.getByTestId('pin-dialog')).toContainText('退款需要店长 PIN');
  await shop.enterPin(MANAGER_PIN);
  await expect(page.getByTestId('refund-result')).toContainText('退款成功');
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥10.00');
  await expect(page.getByTestId('voice-caption')).toContainText('退款二元三角', { timeout: 15_000 }); // 语音播报 of the refund
  await expect(page.getByTestId('refund-list')).toContainText('店长');
  await expect(page.getByTestId('order-detail').getByTestId('detail-sn')).not.toHaveText('—');
  await shop.openReports();
  await expect(page.getByTestId('totals-refunds')).toHaveText('¥2.30');
  await expect(page.getByTestId('totals-net')).toHaveText('¥17.70');
  await expect(page.getByTestId('x-net')).toHaveText('¥17.70');
  // The Z report freezes the same numbers.
  await page.getByTestId('close-shift').click();
  await shop.enterPin(MANAGER_PIN);
  await expect(page.getByTestId('z-number')).toHaveText('Z 报表 第 1 号');
  await expect(page.getByTestId('z-report')).toContainText('¥17.70');
  await expect(page.getByTestId('z-report')).toContainText('退款 ¥2.30');
  await expect(page.getByTestId('z-wallets')).toContainText('微信支付 ¥10.00');
  await expect(page.getByTestId('z-wallets')).toContainText('云闪付 ¥2.70');

  const order = (await sandbox.control.orders()).find((o) => o.clientSn === wechatOrder);
  expect(order).toMatchObject({ orderStatus: 'PARTIAL_REFUNDED' });
  expect(order?.refunds).toHaveLength(1);
});

test('shift close (Z report) needs the manager PIN, gets sequence numbers and starts a new shift', async ({ shop }) => {
  const { page } = shop;
  await shop.payQr('8.80', 'unionpay');
  await shop.openReports();
  await expect(page.getByTestId('x-count')).toHaveText('1');
  await expect(page.getByTestId('shift-panel')).toContainText('交班后生成 Z 报表第 1 号');
  await page.getByTestId('close-shift').click();
  await shop.enterPin(MANAGER_PIN);
  await expect(page.getByTestId('z-number')).toHaveText('Z 报表 第 1 号');
  await expect(page.getByTestId('z-report')).toContainText('¥8.80');
  await expect(page.getByTestId('x-count')).toHaveText('0');
  await page.getByTestId('close-shift').click();
  await shop.enterPin(MANAGER_PIN);
  await expect(page.getByTestId('z-number')).toHaveText('Z 报表 第 2 号');
});

test('CSV export is UTF-8 with a BOM so Excel shows the Chinese headers', async ({ shop }) => {
  const { page } = shop;
  const clientSn = await shop.payQr('3.50', 'wechat');
  await shop.openReports();
  const download = page.waitForEvent('download');
  await page.getByTestId('export-orders').click();
  const file = await (await download).path();
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('商户订单号');
  expect(text).toContain(clientSn);
  expect(text).toContain('3.50');
  await expect(page.getByTestId('export-info')).toContainText('yima-orders-');
});
