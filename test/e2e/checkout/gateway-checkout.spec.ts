/**
 * The unified QR is the platform's WAP-gateway URL (payment-protocols.md §1.6a): the customer's
 * phone decodes it from the screen and opens it in a wallet app (the gateway picks the wallet from
 * the User-Agent) or in a plain browser (the wallet page). Each reaches 支付成功 on the counter.
 * A payment made after the cashier withdrew the QR is caught, shown and refundable right there.
 */
import { test, expect, typeAmount, readQrFromScreen, phoneOpens } from './qr-kit';
import { MANAGER_PIN } from '../manager/manager-kit';

const OPENED_IN = [
  { as: 'wechat', label: '微信支付' },
  { as: 'alipay', label: '支付宝' },
  { as: 'browser', label: '云闪付', pick: '云闪付' },
] as const;

for (const c of OPENED_IN) {
  test(`unified QR opened ${c.as === 'browser' ? 'in a plain browser (wallet page)' : `in ${c.label}`}: 支付成功 on the counter`, async ({ qrCounter, browser, sandbox }) => {
    const counter = qrCounter.page;
    await typeAmount(counter, '12.30');
    await counter.keyboard.press('Enter');
    const url = await readQrFromScreen(counter);
    expect(url.startsWith(`${sandbox.url}/gateway?`)).toBe(true);
    expect(new URL(url).searchParams.get('total_amount')).toBe('1230');
    expect(await sandbox.control.orders()).toEqual([]); // no order until a wallet opens the URL

    const phone = await phoneOpens(browser, url, c.as);
    await expect(phone.getByText('¥12.30')).toBeVisible();
    if ('pick' in c) await phone.getByRole('button', { name: c.pick, exact: true }).click();
    await phone.getByRole('button', { name: '确认支付' }).click();
    await expect(phone.getByText('支付成功')).toBeVisible();

    await expect(counter.getByTestId('result-title')).toHaveText('支付成功');
    await expect(counter.getByTestId('result-amount')).toHaveText('¥12.30');
    await expect(counter.getByTestId('result-wallet')).toHaveText(c.label);
    const [order] = await sandbox.control.orders();
    expect(order).toMatchObject({ totalFen: 1230, chargeCount: 1, orderStatus: 'PAID' });
    await phone.context().close();
  });
}

test('a payment after 取消 is caught by the watch: shown on screen, counted, and refunded with the manager PIN', async ({ qrCounter, browser, sandbox }) => {
  const counter = qrCounter.page;
  await typeAmount(counter, '8.80');
  await counter.keyboard.press('Enter');
  const url = await readQrFromScreen(counter);
  await counter.keyboard.press('Escape'); // the cashier withdraws the QR; nobody had opened it
  await expect(counter.getByTestId('result-title')).toHaveText('已取消');
  await counter.keyboard.press('Escape'); // …and moves on to the next customer
  await typeAmount(counter, '3');

  // The first customer pays anyway, with the photo of the QR on their phone.
  const phone = await phoneOpens(browser, url, 'wechat');
  await phone.getByRole('button', { name: '确认支付' }).click();
  await expect(phone.getByText('支付成功')).toBeVisible();

  const late = counter.getByTestId('late-payment');
  await expect(late).toBeVisible({ timeout: 15_000 });
  await expect(late.getByTestId('late-lead')).toHaveText('顾客在二维码撤销后付款');
  await expect(late.getByTestId('late-amount')).toHaveText('¥8.80');
  await expect(late.getByTestId('late-wallet')).toHaveText('微信支付');
  await expect(late.getByTestId('late-time')).toHaveText(/^\d{2}:\d{2}:\d{2}$/);
  // The sale on screen is not turned into this payment's 支付成功; the typed amount is kept.
  await expect(counter.getByTestId('amount')).toHaveText('¥3');
  await expect(counter.getByTestId('result-title')).toHaveCount(0);
  const totals = await qrCounter.app.call<{ count: number; paidFen: number }>('dayTotals', {});
  expect(totals.value).toMatchObject({ count: 1, paidFen: 880 }); // journaled: it counts today

  await late.getByTestId('late-refund').click();
  await counter.getByTestId('pin-input').fill(MANAGER_PIN);
  await counter.getByTestId('pin-ok').click();
  await expect(late.getByTestId('late-refund-result')).toHaveText('已退款 ¥8.80');
  const [order] = await sandbox.control.orders();
  expect(order).toMatchObject({ orderStatus: 'REFUNDED', chargeCount: 1 });
  await late.getByTestId('late-close').click();
  await expect(late).toHaveCount(0);
  const after = await qrCounter.app.call<{ netFen: number; refundFen: number }>('dayTotals', {});
  expect(after.value).toMatchObject({ refundFen: 880, netFen: 0 });
  await phone.context().close();
});
