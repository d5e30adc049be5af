/**
 * The wallet-specific QR mode (for contracts without WAP): after 收款 the cashier picks the
 * customer's wallet (keys 1 / 2 / 3 or the buttons) and the counter shows that wallet's own QR
 * (precreate with the documented payway and sub_payway 2). Each wallet pays its own QR.
 */
import { test, expect, typeAmount, readQrFromScreen, phoneOpens } from './qr-kit';

test.use({ qrMode: 'per-wallet' });

const WALLETS = [
  { key: '1', label: '微信支付', as: 'wechat' },
  { key: '2', label: '支付宝', as: 'alipay' },
  { key: '3', label: '云闪付', as: 'browser' },
] as const;

test('each wallet pays its own QR: pick, scan, 支付成功', async ({ qrCounter, browser, sandbox }) => {
  const counter = qrCounter.page;
  for (const [i, w] of WALLETS.entries()) {
    await typeAmount(counter, `${i + 1}.50`);
    await counter.keyboard.press('Enter');
    await expect(counter.getByTestId('wallet-pick')).toBeVisible();
    if (w.as === 'alipay') await counter.getByTestId('pick-alipay').click();
    else await counter.keyboard.press(w.key);
    const url = await readQrFromScreen(counter);
    await expect(counter.getByTestId('qr-wallets')).toHaveText(`请顾客用${w.label}扫码`);

    const phone = await phoneOpens(browser, url, w.as);
    // That wallet's own QR: the other wallets cannot pay it (the precreate carried its payway).
    for (const other of WALLETS.filter((x) => x !== w)) await expect(phone.getByRole('button', { name: other.label, exact: true })).toBeDisabled();
    await phone.getByRole('button', { name: '确认支付' }).click();
    await expect(phone.getByText('支付成功')).toBeVisible();
    await phone.context().close();

    await expect(counter.getByTestId('result-title')).toHaveText('支付成功');
    await expect(counter.getByTestId('result-wallet')).toHaveText(w.label);
  }
  const orders = await sandbox.control.orders();
  expect(orders.map((o) => [o.totalFen, o.orderStatus, o.chargeCount, o.wallet])).toEqual([[150, 'PAID', 1, 'wechat'], [250, 'PAID', 1, 'alipay'], [350, 'PAID', 1, 'unionpay']]);
});

test('Esc on the wallet pick goes back to the amount; nothing is sent', async ({ qrCounter, sandbox }) => {
  const counter = qrCounter.page;
  await typeAmount(counter, '9');
  await counter.keyboard.press('Enter');
  await expect(counter.getByTestId('wallet-pick')).toBeVisible();
  await counter.keyboard.press('Escape');
  await expect(counter.getByTestId('wallet-pick')).toHaveCount(0);
  await expect(counter.getByTestId('amount')).toHaveText('¥9');
  expect(await sandbox.control.orders()).toEqual([]);
});

test('an aggregator outage on the wallet QR ends in 需人工确认, never 支付成功; "query again" settles it once it is back', async ({ qrCounter, sandbox }) => {
  const counter = qrCounter.page;
  await sandbox.control.fault('*', 'http500', { times: -1 });
  await typeAmount(counter, '20');
  await counter.keyboard.press('Enter');
  await counter.keyboard.press('1');
  await expect(counter.getByTestId('result-title')).toHaveText('需人工确认', { timeout: 30_000 });
  await expect(counter.getByTestId('result-message')).toContainText('需人工确认');
  await sandbox.control.clearFaults();
  await counter.getByTestId('query-again').click();
  await expect(counter.getByTestId('result-title')).toHaveText('支付失败');
  await expect(counter.getByTestId('result-message')).toContainText('顾客未被扣款');
  expect(await sandbox.control.orders()).toHaveLength(0);
});
