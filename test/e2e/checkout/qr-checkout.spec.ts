import { test, expect, typeAmount, readQrFromScreen } from '../fixtures';
import { walletOpens } from '../../support/wallet-app';

const WALLETS = [
  { button: '微信支付', label: '微信支付' },
  { button: '支付宝', label: '支付宝' },
  { button: '云闪付', label: '云闪付' },
] as const;

for (const wallet of WALLETS) {
  test(`QR payment with ${wallet.button}: the customer scans the screen and pays, the counter shows 支付成功`, async ({ counter, context, sandbox }) => {
    await typeAmount(counter, '12.30');
    await counter.getByTestId('collect').click();
    const url = await readQrFromScreen(counter);
    expect(url.startsWith(sandbox.url)).toBe(true);
    await expect(counter.getByTestId('countdown')).toContainText('秒后过期');

    const phone = await context.newPage();
    await phone.goto(url);
    await expect(phone.getByText('¥12.30')).toBeVisible();
    await phone.getByRole('button', { name: wallet.button, exact: true }).click();
    await phone.getByRole('button', { name: '确认支付' }).click();
    await expect(phone.getByText('支付成功')).toBeVisible();

    await expect(counter.getByTestId('result-title')).toHaveText('支付成功');
    await expect(counter.getByTestId('result-amount')).toHaveText('¥12.30');
    await expect(counter.getByTestId('result-wallet')).toHaveText(wallet.label);
    const orders = await sandbox.control.orders();
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ totalFen: 1230, chargeCount: 1, orderStatus: 'PAID' });
  });
}

test('the cashier cancels a QR nobody opened: there is no order to cancel, nobody is charged', async ({ counter, sandbox }) => {
  await typeAmount(counter, '8');
  await counter.getByTestId('collect').click();
  await readQrFromScreen(counter);
  await counter.keyboard.press('Escape');
  await expect(counter.getByTestId('result-title')).toHaveText('已取消');
  await expect(counter.getByTestId('result-message')).toHaveText('已取消，顾客未支付');
  expect(await sandbox.control.orders()).toEqual([]);
  const requests = (await sandbox.control.call<{ requests: { op: string }[] }>('GET', 'requests')).requests.map((r) => r.op);
  expect(requests).not.toContain('cancel'); // "order does not exist" at the query: nothing to cancel
});

test(`after 已取消 the next customer's amount starts fresh, however fast the cashier types`, async ({ counter }) => {
  await typeAmount(counter, '8.80');
  await counter.getByTestId('collect').click();
  await readQrFromScreen(counter);
  await counter.keyboard.press('Escape');
  await expect(counter.getByTestId('result-title')).toHaveText('已取消');
  // straight on, without waiting for the screen: a digit begins the new amount (not ¥8.803 → kept ¥8.80)
  await counter.keyboard.press('3');
  await expect(counter.getByTestId('amount')).toHaveText('¥3');
  // and Esc on a result is "next customer" at ¥0, even when the next key follows at once
  await counter.keyboard.press('Enter');
  await readQrFromScreen(counter);
  await counter.keyboard.press('Escape');
  await expect(counter.getByTestId('result-title')).toHaveText('已取消');
  await counter.keyboard.press('Escape');
  await counter.keyboard.press('5');
  await expect(counter.getByTestId('amount')).toHaveText('¥5');
});

test('the cashier cancels a QR the customer opened but did not pay: the order is closed at the aggregator', async ({ counter, context, sandbox }) => {
  await typeAmount(counter, '8');
  await counter.getByTestId('collect').click();
  const phone = await context.newPage();
  await phone.goto(await readQrFromScreen(counter));
  await expect(phone.getByText('¥8.00')).toBeVisible();
  await counter.bringToFront();
  await counter.keyboard.press('Escape');
  await expect(counter.getByTestId('result-title')).toHaveText('已取消');
  const [order] = await sandbox.control.orders();
  expect(order).toMatchObject({ orderStatus: 'CANCELED', chargeCount: 0 });
});

test('a QR opened but left unpaid expires at the aggregator: 已过期', async ({ counter, context, sandbox }) => {
  await sandbox.control.config({ qrExpirySeconds: 2 });
  await typeAmount(counter, '5.5');
  await counter.getByTestId('collect').click();
  const phone = await context.newPage();
  await phone.goto(await readQrFromScreen(counter)); // the order exists from now on, and times out
  await expect(counter.getByTestId('result-title')).toHaveText('已过期', { timeout: 15_000 });
  const [order] = await sandbox.control.orders();
  expect(order?.chargeCount).toBe(0);
});

test('double-clicking 收款 creates one order only', async ({ counter, app, sandbox }) => {
  await typeAmount(counter, '3');
  await counter.getByTestId('collect').dblclick();
  await walletOpens(await readQrFromScreen(counter), 'wechat');
  expect(await sandbox.control.orders()).toHaveLength(1);
  expect((await app.call<unknown[]>('listOrders', {})).value).toHaveLength(1);
});

test('bad amounts are refused with a clear message and nothing reaches the aggregator', async ({ counter, sandbox }) => {
  await typeAmount(counter, '0');
  await counter.getByTestId('collect').click();
  await expect(counter.getByTestId('checkout-error')).toHaveText('金额必须大于 0');
  await typeAmount(counter, '1000000');
  await counter.keyboard.press('Enter');
  await expect(counter.getByTestId('checkout-error')).toContainText('金额超过上限 ¥50,000.00');
  expect(await sandbox.control.orders()).toHaveLength(0);
});

test('an aggregator outage: the QR still shows (no call needed), 取消 ends in 需人工确认, never 支付成功; "query again" settles it', async ({ counter, sandbox }) => {
  await sandbox.control.fault('*', 'http500', { times: -1 });
  await typeAmount(counter, '20');
  await counter.getByTestId('collect').click();
  await readQrFromScreen(counter); // the unified QR is built locally: it shows even now
  await counter.keyboard.press('Escape'); // the cashier gives up; the counter cannot learn anything
  await expect(counter.getByTestId('result-title')).toHaveText('需人工确认', { timeout: 30_000 });
  await expect(counter.getByTestId('result-message')).toContainText('需人工确认');
  await sandbox.control.clearFaults();
  await counter.getByTestId('query-again').click();
  await expect(counter.getByTestId('result-title')).toHaveText('已取消');
  await expect(counter.getByTestId('result-message')).toContainText('顾客未支付');
  expect(await sandbox.control.orders()).toHaveLength(0);
});
