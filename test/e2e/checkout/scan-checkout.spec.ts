/**
 * B-scan-C (反扫) through a real pseudo-terminal: the scanner's bytes go into one end of a socat
 * pty pair, the harness reads the other end as its serial scanner.
 */
import { test, expect, typeAmount } from '../fixtures';

const WECHAT = '134567890123456780';       // 18 digits, prefix 13: instant success
const ALIPAY_PASSWORD = '28765432109876511'; // suffix 11: the customer must enter a password
const NEVER_CONFIRMS = '134567890123456712';  // suffix 12: the customer never confirms
const EXPIRED = '134567890123456722';        // suffix 22: 付款码已过期

test('a WeChat code from the serial scanner pays the typed amount', async ({ scanKit, sandbox }) => {
  const { page, scan } = scanKit;
  await typeAmount(page, '12.30');
  await scan(WECHAT);
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
  await expect(page.getByTestId('result-amount')).toHaveText('¥12.30');
  await expect(page.getByTestId('result-wallet')).toHaveText('微信支付');
  const orders = await sandbox.control.orders();
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({ totalFen: 1230, chargeCount: 1 });
});

test('password required: the counter shows 用户支付中 and then 支付成功', async ({ scanKit, sandbox }) => {
  await sandbox.control.config({ passwordSeconds: 3 });
  const { page, scan } = scanKit;
  await typeAmount(page, '88');
  await scan(ALIPAY_PASSWORD, '\r\n');
  await expect(page.getByTestId('progress')).toContainText('用户支付中');
  await expect(page.getByTestId('result-title')).toHaveText('支付成功', { timeout: 15_000 });
  await expect(page.getByTestId('result-wallet')).toHaveText('支付宝');
});

test('an expired payment code fails with the aggregator\'s message and no charge', async ({ scanKit, sandbox }) => {
  const { page, scan } = scanKit;
  await typeAmount(page, '9.9');
  await scan(EXPIRED);
  await expect(page.getByTestId('result-title')).toHaveText('支付失败');
  await expect(page.getByTestId('result-message')).toContainText('付款码已过期');
  expect((await sandbox.control.orders())[0]?.chargeCount).toBe(0);
});

test('a goods barcode scanned by mistake is refused before any network call', async ({ scanKit, sandbox }) => {
  const { page, scan } = scanKit;
  await typeAmount(page, '5');
  await scan('6901234567892');
  await expect(page.getByTestId('notice')).toContainText('这是商品条码（6901234567892），不是付款码');
  expect(await sandbox.control.orders()).toHaveLength(0);
});

test.describe('with the shortest scan window (10 s) instead of the default 45 s', () => {
  test.use({ checkoutSettings: { scanWindowSeconds: 10 } });

  test('the customer never confirms: after the window the payment is reversed (已撤销)', async ({ scanKit, sandbox, page }) => {
    const { scan } = scanKit;
    await typeAmount(page, '66');
    await scan(NEVER_CONFIRMS);
    await expect(page.getByTestId('progress')).toContainText('用户支付中');
    await expect(page.getByTestId('result-title')).toHaveText('已取消', { timeout: 25_000 });
    await expect(page.getByTestId('result-message')).toContainText('已撤销');
    const [order] = await sandbox.control.orders();
    expect(order).toMatchObject({ orderStatus: 'CANCELED', chargeCount: 0 });
  });
});

test('a second scan while a payment is in flight is refused and never charges twice', async ({ scanKit, sandbox }) => {
  const { page, scan } = scanKit;
  await typeAmount(page, '30');
  await scan(NEVER_CONFIRMS);
  await expect(page.getByTestId('progress')).toContainText('用户支付中');
  await scan('134567890123456799');
  await expect(page.getByTestId('notice')).toContainText('上一笔收款尚未结束');
  expect(await sandbox.control.orders()).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('result-title')).toHaveText('已取消');
});

test('a keyboard-wedge scanner (fast keystrokes + Enter) pays instead of typing digits into the amount', async ({ counter, sandbox }) => {
  await typeAmount(counter, '7.5');
  // Playwright types faster than any person; a cashier pauses longer than a wedge key gap
  // between typing the amount and pulling the trigger.
  await counter.waitForTimeout(150);
  // A USB HID scanner types ~1 key per few ms; Playwright's own key round trips are slower than
  // that on a busy machine, so the burst is dispatched in the page at scanner speed.
  await counter.evaluate((code) => {
    const w = globalThis as unknown as { dispatchEvent(e: unknown): void; KeyboardEvent: new (type: string, init: object) => unknown };
    for (const key of [...code, 'Enter']) w.dispatchEvent(new w.KeyboardEvent('keydown', { key, bubbles: true }));
  }, WECHAT);
  await expect(counter.getByTestId('result-title')).toHaveText('支付成功');
  await expect(counter.getByTestId('result-amount')).toHaveText('¥7.50');
  expect((await sandbox.control.orders())[0]).toMatchObject({ totalFen: 750, chargeCount: 1 });
});
