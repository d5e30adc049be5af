/**
 * 对账 on 招商银行 (polypay sandbox, real HTTP, real SM2): two payment codes are paid at the
 * counter, the bank's bill is planted with differences through the sandbox control API (one
 * payment left off, one with another amount), the bank's clock moves to T+1 after 16:30 (the 清分
 * bill, cmb-polypay.md §4), and the manager reconciles the day: both differences are named, and
 * the bank's settlement shows its fee and the 清算日期 into the merchant's account.
 */
import { test, expect, typeAmount } from '../fixtures';

test.use({ platform: 'cmb' });

// The bank's bill is by Beijing day; a counter in China keeps its business day in Beijing time.
const tz = process.env.TZ;
test.beforeAll(() => { process.env.TZ = 'Asia/Shanghai'; });
test.afterAll(() => { if (tz === undefined) delete process.env.TZ; else process.env.TZ = tz; });

const beijingDay = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

test('the manager reconciles a day against the bank’s bill: missing at the bank and amount differs are named; fee and 清算日期 shown', async ({ scanKit, cmbSandbox }) => {
  const { page, scan } = scanKit;
  const pay = async (yuan: string, code: string) => {
    await typeAmount(page, yuan);
    await scan(code);
    await expect(page.getByTestId('result-title')).toHaveText('支付成功', { timeout: 20_000 });
    await page.getByTestId('next').click();
  };
  await pay('12.30', '134567890123456780'); // WeChat
  await pay('6.60', '284567890123456789'); // Alipay
  await expect.poll(async () => (await cmbSandbox.control.orders()).map((o) => [o.amountFen, o.chargeCount])).toEqual([[1230, 1], [660, 1]]);
  const orders = await cmbSandbox.control.orders();
  const byAmount = (fen: number) => orders.find((o) => o.amountFen === fen)!.orderId;
  const missing = byAmount(1230);
  const changed = byAmount(660);
  await cmbSandbox.control.omitFromStatement(missing);
  await cmbSandbox.control.amendStatement(changed, 600);

  // The bank's bill desk: 17:00 Beijing the next day, when the 清分 bill (fees, 清算日期) is out
  // (only the bill's clock: the bank still checks each request's timestamp against now).
  const day = beijingDay(Date.now());
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  await cmbSandbox.control.config({ billClockOffsetMs: Date.UTC(y, m - 1, d + 1, 9, 0) - Date.now() });
  const nextDate = new Date(Date.UTC(y, m - 1, d + 1));
  const next = nextDate.toISOString().slice(0, 10);
  // The counter's own arrival line is worded by the app's language (format.ts: 2026年12月3日 周四).
  const nextZh = `${nextDate.getUTCFullYear()}年${nextDate.getUTCMonth() + 1}月${nextDate.getUTCDate()}日`;

  await page.keyboard.press('F3');
  await expect(page.getByTestId('reports')).toBeVisible();
  await page.getByTestId('reconcile-run').click();
  await expect(page.getByTestId('reconcile-summary')).toHaveText('2 笔差异需处理');
  const short = page.locator('[data-testid="reconcile-diff"][data-kind="only_counter"]');
  await expect(short).toContainText(missing);
  await expect(short).toContainText('¥12.30');
  const differs = page.locator('[data-testid="reconcile-diff"][data-kind="amount_differs"]');
  await expect(differs).toContainText(changed);
  await expect(differs).toContainText('收款机 6.60 元，平台 6.00 元');

  // The bank's payout: one account, its 清算日期 and its own fee (0.38 % of 6.60 = 0.03, per order).
  const line = page.getByTestId('bank-settlement-line');
  await expect(line).toHaveCount(1);
  await expect(line.getByTestId('bank-settle-day')).toHaveText(next);
  await expect(line.getByTestId('bank-fee')).toHaveText('¥0.03');
  await expect(line.getByTestId('bank-net')).toHaveText('¥5.97');
  await expect(line).toContainText('CMB ');
  // The counter's expected settlement on the bank's terms (T+1): 12.30 + 6.60, fees 0.05 + 0.03.
  await expect(page.getByTestId('settlement-arrival')).toContainText(nextZh);
  await expect(page.getByTestId('settlement-net')).toHaveText('¥18.82');

  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByTestId('bank-settlement').scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('cmb-reconcile-zh.png') });
  await page.getByTestId('language-toggle').click();
  await expect(page.getByTestId('bank-settlement')).toContainText('Settlement date');
  await page.screenshot({ path: test.info().outputPath('cmb-reconcile-en.png') });
});
