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
  // The amount on the touch keypad: Playwright's keyboard types faster than any person, so typed
  // digits could run into the burst below, which no cashier's hand can do.
  for (const key of '7.5') await counter.locator('.keypad').getByRole('button', { name: key, exact: true }).click();
  await expect(counter.getByTestId('amount')).toHaveText('¥7.5');
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

test('a serial scan right after the last key charges exactly the amount on screen, every time', async ({ scanKit, sandbox }) => {
  const { page, scan } = scanKit;
  // No pause between the last key and the trigger: the scan must take the amount the cashier
  // sees, not whatever main last heard from the keypad. On a busy PC the keypad's messages to
  // main lag; here each one is held 400 ms (they still arrive, in order, for the customer display).
  await page.route('**/api/setPendingAmount', async (route) => { await new Promise((r) => setTimeout(r, 400)); await route.continue(); });
  const amounts: [string, number][] = [['12.30', 1230], ['4.05', 405], ['99.99', 9999], ['0.1', 10], ['250', 25000], ['7.77', 777]];
  for (const [i, [yuan, fen]] of amounts.entries()) {
    for (const ch of yuan) await page.keyboard.press(ch); // each press returns once the page handled the key
    await scan(`134567890123456${700 + i}`); // a new code each time (the scanner drops a repeated read)
    await expect(page.getByTestId('result-title')).toHaveText('支付成功');
    await expect(page.getByTestId('result-amount')).toHaveText(`¥${(fen / 100).toFixed(2)}`);
    await page.getByTestId('next').click();
    await expect(page.getByTestId('result-title')).toBeHidden();
  }
  const orders = await sandbox.control.orders();
  expect(orders.map((o) => [o.totalFen, o.chargeCount])).toEqual(amounts.map(([, fen]) => [fen, 1]));
});

test('a serial scan with no checkout window open charges nothing and the cashier is told', async ({ scanKit, sandbox, context }) => {
  const { page, scan, app } = scanKit;
  // Only the customer display is open: it shows amounts but never takes a scan to pay.
  await page.goto(app.url.replace(/\/\?/, '/customer?'));
  await scan(WECHAT);
  const cashier = await context.newPage();
  await cashier.goto(app.url);
  await expect(cashier.getByTestId('notice')).toContainText('扫码枪读到付款码，但收银界面未接收，未扣款', { timeout: 10_000 });
  expect(await sandbox.control.orders()).toHaveLength(0);
  // The scan was not kept for the window that opened later: nothing is charged even now.
  await expect(cashier.getByTestId('result-title')).toBeHidden();
  expect(await sandbox.control.orders()).toHaveLength(0);
});
