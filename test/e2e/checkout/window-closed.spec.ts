/**
 * The cashier closes the window while the customer is paying: the payment carries on in the main
 * process, and the reopened window shows how it ended — no lost payment, no second charge.
 */
import { test, expect, readQrFromScreen, typeAmount } from '../fixtures';
import { walletOpens } from '../../support/wallet-app';

test('closing the window mid-payment: reopened, the counter shows 支付成功 and the order once', async ({ counter, app, context, sandbox }) => {
  await typeAmount(counter, '66.60');
  await counter.keyboard.press('Enter');
  const url = await readQrFromScreen(counter);
  await counter.close();
  await walletOpens(url, 'wechat'); // the customer scans the QR in WeChat

  const [order] = await sandbox.control.orders();
  await sandbox.control.walletPay({ clientSn: order!.clientSn }, 'wechat');

  const again = await context.newPage();
  await again.goto(app.url);
  await expect(again.getByTestId('result-title')).toHaveText('支付成功');
  await expect(again.getByTestId('result-amount')).toHaveText('¥66.60');
  await again.keyboard.press('F2');
  await expect(again.getByTestId('search-row')).toHaveCount(1);
  await expect(again.getByTestId('search-row')).toContainText('¥66.60');
  expect(await sandbox.control.orders()).toMatchObject([{ chargeCount: 1, orderStatus: 'PAID' }]);
});
