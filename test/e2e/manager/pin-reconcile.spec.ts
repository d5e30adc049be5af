import { test, expect, MANAGER_PIN } from './manager-kit';

test('five wrong manager PINs lock the prompt with a countdown; nothing is closed', async ({ shop }) => {
  const { page } = shop;
  await shop.openReports();
  await page.getByTestId('close-shift').click();
  for (let left = 4; left >= 1; left--) {
    await shop.enterPin('1111');
    await expect(page.getByTestId('pin-message')).toHaveText(`PIN 错误，还可尝试 ${left} 次`);
  }
  await shop.enterPin('1111');
  await expect(page.getByTestId('pin-locked')).toHaveText(/^已锁定，请 (60|59|58) 秒后再试$/);
  await expect(page.getByTestId('pin-input')).toBeDisabled();
  await expect(page.getByTestId('pin-locked')).toHaveText(/^已锁定，请 (5\d) 秒后再试$/, { timeout: 5_000 });
  await page.keyboard.press('Escape');
  // Even the right PIN is refused while locked (checked in the main process, not only on screen).
  const res = await shop.page.evaluate(async (pin) => (globalThis as unknown as { pos: { closeShift(a: { pin: string }): Promise<unknown> } }).pos.closeShift({ pin }), MANAGER_PIN);
  expect(res).toMatchObject({ ok: false, auth: { reason: 'locked' } });
  await expect(page.getByTestId('z-report')).toHaveCount(0);
});

test('reconciliation lists an order paid only at the aggregator and one missing from the statement', async ({ shop, sandbox }) => {
  const { page } = shop;
  await shop.payQr('10', 'wechat');
  const missing = await shop.payQr('6.60', 'alipay');
  await sandbox.control.call('POST', 'statement-edit', { omitClientSn: missing, extra: { amountFen: 888, wallet: 'alipay' } });
  await shop.openReports();
  await page.getByTestId('reconcile-run').click();
  await expect(page.getByTestId('reconcile-summary')).toHaveText('2 笔差异需处理');
  const over = page.locator('[data-testid="reconcile-diff"][data-kind="only_aggregator"]');
  const short = page.locator('[data-testid="reconcile-diff"][data-kind="only_counter"]');
  await expect(over).toContainText('长款');
  await expect(over).toContainText('¥8.88');
  await expect(over).toContainText('凭收钱吧订单号在平台查询');
  await expect(short).toContainText(missing);
  await expect(short).toContainText('¥6.60');
  await expect(page.getByTestId('settlement-arrival')).toContainText('到账');
  // 0.38 % per payment, rounded per order: 10.00 → 0.04, 6.60 → 0.03; net 16.60 − 0.07.
  await expect(page.getByTestId('settlement-net')).toHaveText('¥16.53');
});
