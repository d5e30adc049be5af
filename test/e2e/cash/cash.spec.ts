import { walletOpens } from '../../support/wallet-app';
import iconv from 'iconv-lite';
import { drawerKicks, expect, MANAGER_PIN, payCash, sinkFiles, test, typeAmount } from './cash-kit';
import { readQrFromScreen } from '../fixtures';

test('a cash sale with change: refused when short, change shown live, drawer kicked, receipt with received and change', async ({ cashKit }) => {
  const { page, sinkDir } = cashKit;
  await typeAmount(page, '36.5');
  await page.getByTestId('cash').click();
  await expect(page.getByTestId('cash-due')).toHaveText('¥36.50');
  await page.getByTestId('cash-received').fill('20');
  await expect(page.getByTestId('cash-short')).toContainText('¥16.50');
  await page.getByTestId('cash-confirm').click();
  await expect(page.getByTestId('cash-error')).toHaveText('实收 ¥20.00 少于应收 ¥36.50，还差 ¥16.50');
  await page.getByTestId('cash-quick-50').click();
  await expect(page.getByTestId('cash-change')).toHaveText('¥13.50');
  await page.getByTestId('cash-confirm').click();
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
  await expect(page.getByTestId('result-wallet')).toHaveText('现金');
  await expect(page.getByTestId('result-message')).toHaveCount(0); // 支付成功 once: 现金 is the wallet line
  await expect(page.getByTestId('result-change')).toHaveText('¥13.50');
  await expect.poll(() => drawerKicks(sinkDir)).toBe(1);
  await expect.poll(async () => (await sinkFiles(sinkDir)).map((f) => iconv.decode(f.bytes, 'gbk')).find((t) => t.includes('找零')) ?? '').toMatch(/收现金\s+[¥￥]50\.00[\s\S]*找零\s+[¥￥]13\.50/);
  // the day's totals by wallet include cash
  await page.keyboard.press('F3');
  await expect(page.getByTestId('wallet-cash')).toContainText('¥36.50');
});

test.describe('with mixed tender switched on', () => {
  test.use({ mixedTender: true });
  test('¥100: ¥20 cash then ¥80 by QR; complete only when the QR part is paid', async ({ cashKit, sandbox }) => {
    const { page } = cashKit;
    await typeAmount(page, '100');
    await page.keyboard.press('F8');
    await page.getByTestId('cash-received').fill('20');
    await page.getByTestId('cash-partial').click();
    await expect(page.getByTestId('sale-open')).toContainText('¥80.00');
    await expect(page.getByTestId('amount')).toHaveText('¥80.00');
    await expect(page.getByTestId('result')).toHaveCount(0);
    // the first QR part is cancelled: the cash stays recorded and the sale stays open
    await page.getByTestId('collect').click();
    await expect(page.getByTestId('qr')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('result-title')).not.toHaveText('支付成功');
    await page.getByTestId('next').click();
    await expect(page.getByTestId('sale-open')).toContainText('¥80.00');
    // the second one is paid by the customer
    await page.getByTestId('collect').click();
    await walletOpens(await readQrFromScreen(page), 'alipay'); // the customer scans the QR
    const open = (await sandbox.control.orders()).filter((o) => o.orderStatus === 'CREATED');
    expect(open).toHaveLength(1);
    expect(open[0]!.totalFen).toBe(8_000);
    await sandbox.control.walletPay({ sn: open[0]!.sn }, 'alipay');
    await expect(page.getByTestId('result-title')).toHaveText('支付成功');
    await expect(page.getByTestId('result-amount')).toHaveText('¥100.00');
    await expect(page.getByTestId('result-message')).toHaveText('支付成功（混合支付，现金 ¥20.00）');
    await expect(page.getByTestId('sale-open')).toHaveCount(0);
  });
});

test('shift close with a counted drawer ¥1 short shows 短款 ¥1.00 and prints it', async ({ cashKit }) => {
  const { page, sinkDir } = cashKit;
  await page.keyboard.press('F3');
  await page.getByTestId('float-input').fill('100');
  await page.getByTestId('open-shift').click();
  await expect(page.getByTestId('shift-float')).toContainText('¥100.00');
  await page.keyboard.press('F1');
  await payCash(page, '36.5', '50');
  await page.getByTestId('next').click();
  await page.keyboard.press('F3');
  await expect(page.getByTestId('x-cash-expected')).toHaveText('¥136.50');
  await page.getByTestId('count-form').locator('summary').click();
  await page.getByTestId('count-10000').fill('1');
  await page.getByTestId('count-2000').fill('1');
  await page.getByTestId('count-1000').fill('1');
  await page.getByTestId('count-500').fill('1');
  await page.getByTestId('count-50').fill('1'); // ¥135.50: ¥1 short
  await page.getByTestId('close-shift-counted').click();
  const pin = page.getByTestId('pin-input');
  await pin.fill(MANAGER_PIN);
  await pin.press('Enter');
  await expect(page.getByTestId('z-cash-counted')).toHaveText('¥135.50');
  await expect(page.getByTestId('z-cash-diff')).toHaveText('短款 ¥1.00');
  await expect.poll(async () => (await sinkFiles(sinkDir)).map((f) => iconv.decode(f.bytes, 'gbk')).find((t) => t.includes('实点现金')) ?? '').toMatch(/短款\s+[¥￥]1\.00/);
});

test('open drawer needs the manager PIN and sends ESC p to the printer', async ({ cashKit }) => {
  const { page, sinkDir } = cashKit;
  await page.getByTestId('open-drawer').click();
  await page.getByTestId('drawer-reason').fill('换零钱');
  await page.getByTestId('drawer-pin').fill('1111');
  await page.getByTestId('drawer-pin').press('Enter');
  await expect(page.getByTestId('drawer-message')).toContainText('PIN');
  expect(await drawerKicks(sinkDir)).toBe(0);
  await page.getByTestId('drawer-pin').fill(MANAGER_PIN);
  await page.getByTestId('drawer-pin').press('Enter');
  await expect(page.getByTestId('drawer-message')).toHaveText('钱箱已打开');
  const kick = (await sinkFiles(sinkDir)).find((f) => f.bytes[0] === 0x1b && f.bytes[1] === 0x70);
  expect(kick && [...kick.bytes]).toEqual([0x1b, 0x70, 0x00, 0x19, 0xfa]);
});
