/**
 * Refunds and the Z report on 招商银行 聚合收款 (polypay sandbox, real HTTP, real SM2, Chromium):
 * the day's totals and the shift close count a bank refund as they do a 收钱吧 one; partial refunds
 * of one order with what is left shown, and a third one over it refused in words; a refund whose
 * answer is lost is settled by the bank's refund query [cmb-polypay.md §2 refundquery, §3].
 */
import type { Page } from '@playwright/test';
import { test, expect, typeAmount, readQrFromScreen, type Fixtures } from '../fixtures';
import { MANAGER_PIN } from './manager-kit';

// The bank's polling rules [cmb-polypay.md §3] at a tenth of their real waits (first QR query after 1.5 s).
test.use({ platform: 'cmb', checkoutSettings: { pollTimeScale: 0.1 } });

type Bank = Fixtures['cmbSandbox']['control'];

/** Collects `yuan` by the bank's QR and has the customer pay it with `wallet`; returns our order number. */
async function payQr(page: Page, bank: Bank, yuan: string, wallet: 'wechat' | 'alipay' | 'unionpay'): Promise<string> {
  await typeAmount(page, yuan);
  await page.getByTestId('collect').click();
  await readQrFromScreen(page);
  const waiting = (await bank.orders()).filter((o) => o.state === 'P');
  expect(waiting).toHaveLength(1);
  await bank.walletPay(waiting[0]!.orderId, wallet);
  await expect(page.getByTestId('result-title')).toHaveText('支付成功', { timeout: 30_000 });
  await page.getByTestId('next').click();
  return waiting[0]!.orderId;
}

async function enterPin(page: Page): Promise<void> {
  const input = page.getByTestId('pin-input');
  await expect(input).toBeEnabled();
  await input.fill(MANAGER_PIN);
  await input.press('Enter');
}

/** Orders (F2) → the order of `yuan` opened in the detail, where refunds start. */
async function openOrder(page: Page, yuan: string): Promise<void> {
  await page.keyboard.press('F2');
  await page.getByTestId('search-amount').fill(yuan);
  await page.getByTestId('search-run').click();
  await expect(page.getByTestId('search-row')).toHaveCount(1);
  await page.getByTestId('search-row').click();
}

async function refund(page: Page, yuan: string): Promise<void> {
  await page.getByTestId('refund-amount').fill(yuan);
  await page.getByTestId('refund-submit').click();
  await enterPin(page);
}

test('on the bank: three wallets, a refund, and the totals and the Z report agree', async ({ counter: page, cmbSandbox }) => {
  const bank = cmbSandbox.control;
  await payQr(page, bank, '12.30', 'alipay');
  await payQr(page, bank, '5', 'wechat');
  await payQr(page, bank, '2.70', 'unionpay');

  await openOrder(page, '12.30');
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥12.30');
  await refund(page, '2.30');
  await expect(page.getByTestId('refund-result')).toContainText('退款成功');
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥10.00');

  await page.keyboard.press('F3');
  await expect(page.getByTestId('reports')).toBeVisible();
  await expect(page.getByTestId('totals-count')).toHaveText('3');
  await expect(page.getByTestId('totals-paid')).toHaveText('¥20.00');
  await expect(page.getByTestId('totals-refunds')).toHaveText('¥2.30');
  await expect(page.getByTestId('totals-net')).toHaveText('¥17.70');
  await expect(page.getByTestId('x-net')).toHaveText('¥17.70');
  await page.getByTestId('close-shift').click();
  await enterPin(page);
  await expect(page.getByTestId('z-number')).toHaveText('Z 报表 第 1 号');
  await expect(page.getByTestId('z-report')).toContainText('¥17.70');
  await expect(page.getByTestId('z-report')).toContainText('退款 ¥2.30');
  await expect(page.getByTestId('z-wallets')).toContainText('支付宝 ¥10.00');
  await expect(page.getByTestId('z-wallets')).toContainText('微信支付 ¥5.00');
  await expect(page.getByTestId('z-wallets')).toContainText('云闪付 ¥2.70');
  await expect(page.getByTestId('x-count')).toHaveText('0');

  // The bank holds the same: one partial refund of the 支付宝 order (tradeState R), money back once.
  const orders = await bank.orders();
  expect(orders.find((o) => o.amountFen === 1230)).toMatchObject({ state: 'R', refunds: [expect.objectContaining({ amountFen: 230, state: 'S' })] });
});

test('on the bank: two partial refunds of one order, what is left shown, a third over it refused in words', async ({ counter: page, cmbSandbox }) => {
  const bank = cmbSandbox.control;
  const orderId = await payQr(page, bank, '10', 'alipay');
  await openOrder(page, '10.00');
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥10.00');
  await refund(page, '3');
  await expect(page.getByTestId('refund-result')).toContainText('退款成功');
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥7.00');
  await refund(page, '4');
  await expect(page.getByTestId('refund-result')).toContainText('退款成功');
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥3.00');
  await expect(page.getByTestId('refund-list')).toContainText('¥3.00');
  await expect(page.getByTestId('refund-list')).toContainText('¥4.00');

  await refund(page, '3.01');
  await expect(page.getByTestId('refund-error')).toContainText('退款金额超过可退金额：最多可退 ¥3.00');
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥3.00');
  // Refused before anything went to the bank: two refunds there, no third request.
  const order = (await bank.orders()).find((o) => o.orderId === orderId);
  expect(order?.refunds.map((r) => [r.amountFen, r.state])).toEqual([[300, 'S'], [400, 'S']]);
  expect((await bank.requests()).filter((r) => r.api === 'refund')).toHaveLength(2);
});

test.describe('at the bank’s own pace', () => {
  // The documented waits, unscaled: first QR query after 15 s, refund query every 30 s [cmb-polypay.md §3].
  test.use({ checkoutSettings: { pollTimeScale: 1 } });
  test('on the bank: a refund whose answer is lost shows 银行处理中, and 再次查询 settles it by the bank’s refund query', async ({ counter: page, cmbSandbox }) => {
    const bank = cmbSandbox.control;
    const orderId = await payQr(page, bank, '8.80', 'alipay');
    await openOrder(page, '8.80');
    await bank.fault('refund', 'lost_response', { times: 1 }); // the bank refunds, its answer never arrives
    await refund(page, '1.80');
    await expect(page.getByTestId('refund-result')).toContainText('银行处理中：每 30 秒自动查询一次退款结果（最长 10 分钟）');
    await expect(page.getByTestId('refund-result')).not.toContainText('退款成功');
    await expect(page.getByTestId('refund-refundable')).toHaveText('¥7.00'); // the refund in flight is held back
    expect((await bank.orders()).find((o) => o.orderId === orderId)?.refunds).toEqual([expect.objectContaining({ amountFen: 180, state: 'S' })]);

    await page.getByTestId('refund-retry').click();
    await expect(page.getByTestId('refund-result')).toContainText('退款成功（查询确认）');
    await expect(page.getByTestId('refund-refunded')).toHaveText('¥1.80');
    const apis = (await bank.requests()).map((r) => r.api);
    expect(apis.filter((a) => a === 'refund')).toHaveLength(1); // never sent twice
    expect(apis).toContain('refundquery');
  });
});
