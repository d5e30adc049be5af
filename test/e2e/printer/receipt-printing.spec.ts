/**
 * Receipts end to end: the harness counter prints to a file sink (`--printer file:DIR`), the
 * bytes are read back as a printer would (GBK text, native QR command). The sale receipt is
 * proven on both platforms (收钱吧 and 招商银行 聚合收款).
 */
import { rm, mkdir, writeFile } from 'node:fs/promises';
import { test, expect, payByQr, payByQrCmb, readReceipts, waitForReceipts } from './printer-fixtures';

const SHOP = '一码小店'; // the default shop name in the settings

for (const platform of ['upay', 'cmb'] as const) test.describe(`on ${platform}`, () => {
  test.use({ platform });
  test('a QR payment prints a sale receipt: GBK text with the shop and the amount, the order sn as native QR', async ({ printerKit, sandbox, cmbSandbox }) => {
    const { page, sinkDir } = printerKit;
    const sn = platform === 'cmb' ? await payByQrCmb(page, cmbSandbox, '12.30', 'alipay') : await payByQr(page, sandbox, '12.30', 'alipay');
    const [receipt] = await waitForReceipts(sinkDir, 1);
    expect(receipt!.text).toContain(SHOP);
    expect(receipt!.text).toContain('收款凭证');
    expect(receipt!.text).toContain('￥12.30');
    expect(receipt!.text).toContain('支付宝');
    expect(receipt!.text).toContain(sn);
    expect(receipt!.text).not.toContain('重打印');
    expect(receipt!.qr).toEqual([sn]);
    expect(receipt!.bytes.length).toBeLessThan(2048);
    await expect(page.getByTestId('printer-status')).toHaveText('打印机正常');
  });
});

test('a broken printer warns the cashier without blocking checkout; once fixed each queued receipt prints exactly once', async ({ printerKit, sandbox }) => {
  const { page, sinkDir } = printerKit;
  // The "printer" goes away: its directory is replaced by a plain file.
  await rm(sinkDir, { recursive: true });
  await writeFile(sinkDir, 'not a printer');

  const sn1 = await payByQr(page, sandbox, '5.00');
  await expect(page.getByTestId('printer-status')).toHaveText('打印机离线 · 1 张待打印');
  // The counter keeps taking payments while the printer is down.
  const sn2 = await payByQr(page, sandbox, '6.60', 'unionpay');
  await expect(page.getByTestId('printer-status')).toHaveText('打印机离线 · 2 张待打印');

  await page.getByTestId('printer-status').click();
  await expect(page.getByTestId('printer-state')).toHaveText('打印机离线');
  await expect(page.getByTestId('print-job-pending')).toHaveCount(2);
  await expect(page.getByTestId('print-job-pending').first()).toContainText('not a directory');

  // Fixed (paper in, cable back): 立即重试 prints the held jobs, in order.
  await rm(sinkDir);
  await mkdir(sinkDir);
  await page.getByTestId('print-retry').click();
  const receipts = await waitForReceipts(sinkDir, 2);
  expect(receipts.map((r) => r.qr[0])).toEqual([sn1, sn2]);
  expect(receipts[0]!.text).toContain('￥5.00');
  expect(receipts[1]!.text).toContain('￥6.60');
  for (const r of receipts) expect(r.text).not.toContain('重打印'); // nothing came out before: not a reprint
  await expect(page.getByTestId('printer-status')).toHaveText('打印机正常');
  await expect(page.getByTestId('print-job-pending')).toHaveCount(0);
  // Later retries and backoff timers do not print anything twice.
  await page.waitForTimeout(2500);
  expect(await readReceipts(sinkDir)).toHaveLength(2);
  const orders = await sandbox.control.orders();
  expect(orders.filter((o) => o.orderStatus === 'PAID')).toHaveLength(2);
});

test('reprint from the order detail prints a second copy marked 重打印, with the preview on screen', async ({ printerKit, sandbox }) => {
  const { page, sinkDir } = printerKit;
  const sn = await payByQr(page, sandbox, '8.80');
  await waitForReceipts(sinkDir, 1);

  await page.keyboard.press('F2');
  await page.getByTestId('search-row').filter({ hasText: sn }).click();
  const detail = page.getByTestId('order-detail');
  await expect(detail.getByTestId('detail-sn')).toHaveText(sn);
  await expect(detail.getByTestId('detail-amount')).toHaveText('¥8.80');
  await expect(detail.getByTestId('detail-status')).toHaveText('已支付');
  await expect(detail.getByTestId('detail-wallet')).toHaveText('微信支付');
  const preview = detail.getByTestId('receipt-preview');
  await expect(preview).toContainText(SHOP);
  await expect(preview).toContainText('￥8.80');
  await expect(preview).not.toContainText('重打印');
  await expect(preview.getByTestId('receipt-qr')).toHaveAttribute('data-payload', sn);

  await detail.getByTestId('reprint').click();
  await expect(detail.getByTestId('reprint-feedback')).toHaveText('已加入打印队列');
  const [original, copy] = await waitForReceipts(sinkDir, 2);
  expect(original!.text).not.toContain('重打印');
  expect(copy!.text).toContain('重打印 REPRINT');
  expect(copy!.text).toContain('￥8.80');
  expect(copy!.qr).toEqual([sn]);
});

test('the field engineer prints a test page from the printer panel', async ({ printerKit }) => {
  const { page, sinkDir } = printerKit;
  await expect(page.getByTestId('printer-status')).toHaveText('打印机状态未知');
  await page.getByTestId('printer-status').click();
  await expect(page.getByTestId('printer-panel')).toContainText(`file:${sinkDir}`);
  await page.getByTestId('test-print').click();
  await expect(page.getByTestId('printer-feedback')).toHaveText('已加入打印队列');
  const [page1] = await waitForReceipts(sinkDir, 1);
  expect(page1!.text).toContain('打印机测试页');
  expect(page1!.text).toContain('中文测试：一码收银 微信支付'); // wraps on 58 mm paper
  expect(page1!.text).toContain('数字人民币');
  expect(page1!.qr).toEqual(['YIMA-TEST']);
  await expect(page.getByTestId('printer-status')).toHaveText('打印机正常');
  await expect(page.getByTestId('print-job-done')).toHaveCount(1);
});
