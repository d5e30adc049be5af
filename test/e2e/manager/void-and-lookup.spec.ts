/**
 * Orders (F2): a same-day void (撤销) with the manager PIN, and finding an order by the number
 * printed on its receipt, typed or scanned from the receipt's QR with the serial scanner (a
 * real pty). A payment code scanned on Orders must never charge anyone.
 */
import { test, expect, MANAGER_PIN, payQrOn } from './manager-kit';
import { typeAmount } from '../fixtures';

test('a same-day void with the manager PIN: the order shows voided, the aggregator cancels it, the net drops', async ({ shop, sandbox }) => {
  const { page } = shop;
  const voided = await shop.payQr('7.70', 'wechat');
  await shop.payQr('2', 'alipay');
  await page.keyboard.press('F2');
  await page.getByTestId('search-amount').fill('7.70');
  await page.getByTestId('search-run').click();
  await expect(page.getByTestId('search-row')).toHaveCount(1); // the list before the search had both
  await page.getByTestId('search-row').click();
  await expect(page.getByTestId('detail-status')).toHaveText('已支付');
  await page.getByTestId('void-submit').click();
  await expect(page.getByTestId('pin-dialog')).toContainText('撤销需要店长 PIN');
  await shop.enterPin(MANAGER_PIN);
  await expect(page.getByTestId('refund-result')).toHaveText('已撤销，款项原路退回');
  await expect(page.getByTestId('detail-status')).toHaveText('已撤销（已退回）');
  await expect(page.getByTestId('search-row')).toContainText('已撤销（已退回）');
  await expect(page.getByTestId('refund-list')).toContainText('撤销');
  await expect(page.getByTestId('refund-list')).toContainText('店长');
  await expect(page.getByTestId('void-submit')).toHaveCount(0); // nothing left to void or refund
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥0.00');

  const order = (await sandbox.control.orders()).find((o) => o.clientSn === voided);
  expect(order?.orderStatus).toBe('CANCELED');
  await shop.openReports();
  await expect(page.getByTestId('totals-paid')).toHaveText('¥9.70');
  await expect(page.getByTestId('totals-refunds')).toHaveText('¥7.70');
  await expect(page.getByTestId('totals-net')).toHaveText('¥2.00');
});

test('the receipt\'s order number, typed or scanned on Orders, opens the order; a payment code scanned there charges nobody', async ({ scanKit, sandbox }) => {
  const { page, scan } = scanKit;
  const mine = await payQrOn(page, sandbox.control, '4.40', 'unionpay');
  await payQrOn(page, sandbox.control, '1.10', 'wechat');
  const sn = (await sandbox.control.orders()).find((o) => o.clientSn === mine)!.sn;

  // Typed: the number under the receipt's QR, then Enter.
  await page.keyboard.press('F2');
  await page.getByTestId('search-orderNo').fill(sn);
  await page.getByTestId('search-orderNo').press('Enter');
  await expect(page.getByTestId('detail-sn')).toHaveText(sn);
  await expect(page.getByTestId('detail-amount')).toHaveText('¥4.40');
  await expect(page.getByTestId('receipt-qr')).toHaveAttribute('data-payload', sn); // what the printed QR holds
  await page.getByTestId('order-detail-close').click();
  await page.getByTestId('search-orderNo').fill('');
  await page.getByTestId('search-run').click();
  await expect(page.getByTestId('search-row')).toHaveCount(2);

  // Scanned from the receipt with the serial scanner.
  await expect(page.getByTestId('scan-hint')).toBeVisible();
  await scan(sn);
  await expect(page.getByTestId('search-orderNo')).toHaveValue(sn);
  await expect(page.getByTestId('search-row')).toHaveCount(1);
  await expect(page.getByTestId('detail-sn')).toHaveText(sn);
  await expect(page.getByTestId('detail-client-sn')).toHaveText(mine);

  // An amount left on the keypad and a customer's payment code scanned on Orders: no payment.
  await page.keyboard.press('F1');
  await typeAmount(page, '9.90');
  await page.keyboard.press('F2');
  await expect(page.getByTestId('scan-hint')).toBeVisible();
  const before = await sandbox.control.orders();
  await scan('134567890123456780');
  await expect(page.getByTestId('scan-miss')).toContainText('没有找到订单号 134567890123456780');
  expect(await sandbox.control.orders()).toHaveLength(before.length);

  // Back on the checkout the scanner takes payment codes again.
  await page.keyboard.press('F1');
  await typeAmount(page, '9.90');
  await scan('134567890123456781');
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
  await expect(page.getByTestId('result-amount')).toHaveText('¥9.90');
});
