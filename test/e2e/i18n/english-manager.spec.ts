/**
 * The store manager in English: the first sign-in with its forced change of the factory PIN, a
 * partial refund behind the manager PIN, and a reconciliation that finds differences. Each step
 * checks that nothing visible is Chinese outside the by-design areas, naming the element.
 */
import { auditLayout, describeFindings } from '../../support/layout-audit';
import { test, expect, MANAGER_PIN } from '../manager/manager-kit';
import { noChinese, payQrInEnglish, toEnglish } from './english-kit';

test('the first manager sign-in in English: wrong PIN, the forced PIN change and its refusals, then signed in', async ({ shop }) => {
  const { page } = shop;
  await toEnglish(page);
  await page.getByTestId('operator-button').click();
  await page.getByTestId('op-role-manager').click();
  await noChinese(page, 'sign-in dialog');
  await page.getByTestId('op-pin').fill('1111');
  await page.getByTestId('op-pin').press('Enter');
  await expect(page.getByTestId('operator-dialog')).toContainText('Wrong PIN');
  await noChinese(page, 'sign-in dialog, wrong PIN');

  await page.getByTestId('op-pin').fill(MANAGER_PIN);
  await page.getByTestId('op-pin').press('Enter');
  await expect(page.getByTestId('op-must-change')).toBeVisible();
  await noChinese(page, 'forced PIN change');
  // The factory PIN again is refused, in English.
  await page.getByTestId('op-old-pin').fill(MANAGER_PIN);
  await page.getByTestId('op-new-pin').fill(MANAGER_PIN);
  await page.getByTestId('op-new-pin2').fill(MANAGER_PIN);
  await page.getByTestId('op-save-pin').click();
  await expect(page.getByTestId('operator-dialog')).toContainText('factory default PIN');
  await noChinese(page, 'forced PIN change, factory PIN refused');

  await page.getByTestId('op-new-pin').fill('2468');
  await page.getByTestId('op-new-pin2').fill('2468');
  await page.getByTestId('op-save-pin').click();
  await expect(page.getByTestId('operator-dialog')).toHaveCount(0);
  await noChinese(page, 'checkout with the manager signed in');
});

test('a partial refund in English: the PIN prompt, the result, the refund list and the totals', async ({ shop, sandbox }) => {
  const { page } = shop;
  await page.setViewportSize({ width: 1024, height: 768 }); // the most common counter touchscreen
  await toEnglish(page);
  await payQrInEnglish(page, sandbox.control, '12.30', 'wechat');
  await page.keyboard.press('F2');
  await page.getByTestId('search-amount').fill('12.30');
  await page.getByTestId('search-run').click();
  await expect(page.getByTestId('search-row')).toHaveCount(1);
  await page.getByTestId('search-row').click();
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥12.30');
  await page.getByTestId('refund-amount').fill('2.30');
  await page.getByTestId('refund-submit').click();
  await expect(page.getByTestId('pin-dialog')).toBeVisible();
  await noChinese(page, 'refund PIN prompt');
  await shop.enterPin(MANAGER_PIN);
  await expect(page.getByTestId('refund-result')).toContainText('Refunded');
  await expect(page.getByTestId('refund-refundable')).toHaveText('¥10.00');
  await expect(page.getByTestId('refund-list')).toBeVisible();
  // the refund number reads whole at 1024×768 (the platform's support asks for it), nothing cut
  const refundNo = page.getByTestId('refund-no');
  await expect(refundNo).toHaveText(/\S{12,}/);
  expect(await refundNo.evaluate((td) => td.scrollWidth <= td.clientWidth && td.getBoundingClientRect().right <= window.innerWidth)).toBe(true);
  expect(describeFindings('order detail after a partial refund', await auditLayout(page, { english: true }))).toBe('');
  await page.screenshot({ path: test.info().outputPath('refund-list-en-1024.png') });
  await noChinese(page, 'order detail after a partial refund (the receipt preview is Chinese by design)');
  await shop.openReports();
  await expect(page.getByTestId('totals-refunds')).toHaveText('¥2.30');
  await noChinese(page, 'reports after a refund');
});

test('reconciliation with differences in English: over and short, the next steps and the settlement', async ({ shop, sandbox }) => {
  const { page } = shop;
  await toEnglish(page);
  await payQrInEnglish(page, sandbox.control, '10', 'wechat');
  const missing = await payQrInEnglish(page, sandbox.control, '6.60', 'alipay');
  await sandbox.control.call('POST', 'statement-edit', { omitClientSn: missing, extra: { amountFen: 888, wallet: 'alipay' } });
  await shop.openReports();
  await page.getByTestId('reconcile-run').click();
  await expect(page.getByTestId('reconcile-summary')).toHaveText('2 differences need attention');
  const over = page.locator('[data-testid="reconcile-diff"][data-kind="only_aggregator"]');
  const short = page.locator('[data-testid="reconcile-diff"][data-kind="only_counter"]');
  await expect(over).toContainText('Over');
  await expect(over).toContainText('¥8.88');
  await expect(short).toContainText(missing);
  await expect(short).toContainText('¥6.60');
  await expect(page.getByTestId('settlement-net')).toHaveText('¥16.53');
  await noChinese(page, 'reconciliation with two differences');
});
