/**
 * The counter on 招商银行 聚合收款 (polypay sandbox, real HTTP, real SM2): QR decoded from the
 * screen and paid in the wallet page, a payment code from the serial scanner, a failed scan
 * that is not final, and a bank outage that never shows 支付成功.
 */
import { test, expect, typeAmount, readQrFromScreen } from '../fixtures';

test.use({ platform: 'cmb' });

test('QR on 招商银行: the customer scans the screen and pays in the wallet page, the counter shows 支付成功', async ({ counter, context, cmbSandbox }) => {
  await typeAmount(counter, '12.30');
  await counter.getByTestId('collect').click();
  const url = await readQrFromScreen(counter);
  expect(url.startsWith(`${cmbSandbox.url}/03080000/1004/`)).toBe(true);

  const phone = await context.newPage();
  await phone.goto(url);
  await expect(phone.getByText('¥12.30')).toBeVisible();
  await phone.getByRole('button', { name: '支付宝', exact: true }).click();
  await phone.getByRole('button', { name: '确认支付' }).click();
  await expect(phone.getByText('支付成功')).toBeVisible();

  // [cmb-polypay.md §3] the bank's polling rules: first query 15 s after the QR.
  await expect(counter.getByTestId('result-title')).toHaveText('支付成功', { timeout: 30_000 });
  await expect(counter.getByTestId('result-amount')).toHaveText('¥12.30');
  await expect(counter.getByTestId('result-wallet')).toHaveText('支付宝');
  const orders = await cmbSandbox.control.orders();
  expect(orders).toEqual([expect.objectContaining({ amountFen: 1230, chargeCount: 1, state: 'S', kind: 'qr' })]);
});

test('a declined scan is not final on 招商银行: the counter keeps waiting and the same wallet pays', async ({ counter, cmbSandbox }) => {
  await typeAmount(counter, '6');
  await counter.getByTestId('collect').click();
  await readQrFromScreen(counter);
  const [order] = await cmbSandbox.control.orders();
  await cmbSandbox.control.walletFail(order?.orderId ?? '', 'wechat');
  await expect(counter.getByTestId('qr')).toBeVisible();
  await cmbSandbox.control.walletPay(order?.orderId ?? '', 'wechat');
  await expect(counter.getByTestId('result-title')).toHaveText('支付成功', { timeout: 30_000 });
});

test('the cashier cancels a waiting QR on 招商银行: the order is closed at the bank, nobody is charged', async ({ counter, cmbSandbox }) => {
  await typeAmount(counter, '8');
  await counter.getByTestId('collect').click();
  await readQrFromScreen(counter);
  await counter.keyboard.press('Escape');
  await expect(counter.getByTestId('result-title')).toHaveText('已取消', { timeout: 30_000 });
  const [order] = await cmbSandbox.control.orders();
  expect(order).toMatchObject({ state: 'C', chargeCount: 0 });
  expect((await cmbSandbox.control.requests()).map((r) => r.api)).toContain('close');
});

test('SYSTERM_ERROR on every call: never 支付成功, and nothing is charged', async ({ counter, cmbSandbox }) => {
  await cmbSandbox.control.fault('*', 'systerm_error', { times: -1 });
  await typeAmount(counter, '20');
  await counter.getByTestId('collect').click();
  await expect(counter.getByTestId('result-title')).toHaveText(/需人工确认|支付失败/, { timeout: 60_000 });
  await expect(counter.getByTestId('result-title')).not.toHaveText('支付成功');
  expect(await cmbSandbox.control.orders()).toHaveLength(0);
});

test('a WeChat payment code from the serial scanner pays on 招商银行 (pay with the SM4 terminal envelope)', async ({ scanKit, cmbSandbox }) => {
  const { page, scan } = scanKit;
  await typeAmount(page, '12.30');
  await scan('134567890123456780');
  await expect(page.getByTestId('result-title')).toHaveText('支付成功', { timeout: 20_000 });
  await expect(page.getByTestId('result-amount')).toHaveText('¥12.30');
  await expect(page.getByTestId('result-wallet')).toHaveText('微信支付');
  expect(await cmbSandbox.control.orders()).toEqual([expect.objectContaining({ kind: 'pay', amountFen: 1230, chargeCount: 1, payType: 'WX' })]);
});

test('a payment code the customer never confirms (P) is cancelled with the original cashier id, never 支付成功', async ({ scanKit, cmbSandbox }) => {
  const { page, scan } = scanKit;
  await typeAmount(page, '9');
  await scan('134567890123456712');
  await expect(page.getByTestId('progress')).toContainText('用户支付中', { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('result-title')).not.toHaveText('支付成功', { timeout: 30_000 });
  await expect(page.getByTestId('result-title')).toHaveText(/已取消|已撤销/, { timeout: 30_000 });
  const [order] = await cmbSandbox.control.orders();
  expect(order).toMatchObject({ state: 'D', chargeCount: 0 });
  expect((await cmbSandbox.control.requests()).map((r) => r.api)).toContain('cancel');
});
