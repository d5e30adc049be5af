/**
 * A shop that opened without a printer: the engineer plugs one in later and sets it up on the
 * engineer screen; the very next payment prints, without restarting the counter.
 */
import { readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect, readQrFromScreen, typeAmount } from '../fixtures';
import { walletOpens } from '../../support/wallet-app';

test('a printer set up on the engineer screen works at once: test page, then the next sale', async ({ counter, dataDir, sandbox }) => {
  const receipts = join(dataDir, 'receipts');
  await mkdir(receipts, { recursive: true });
  const bins = () => readdirSync(receipts).filter((n) => n.endsWith('.bin'));
  await expect(counter.getByTestId('printer-status')).toHaveCount(0);

  await counter.keyboard.press('F4');
  await counter.getByTestId('eng-pin').fill('6666');
  await counter.getByTestId('eng-pin-submit').click();
  await expect(counter.getByTestId('eng-printer-state')).toContainText('未配置打印机');
  await counter.getByTestId('eng-printer-transport').selectOption('file');
  await counter.getByTestId('eng-printer-address').fill(receipts);
  await counter.getByTestId('eng-printer-save').click();
  await expect(counter.getByTestId('eng-printer-feedback')).toHaveText(`打印机已切换到 file:${receipts}`);
  await counter.getByTestId('eng-test-print').click();
  await expect.poll(() => bins().length).toBe(1);

  await counter.keyboard.press('F1');
  await typeAmount(counter, '3.20');
  await counter.keyboard.press('Enter');
  await walletOpens(await readQrFromScreen(counter), 'wechat'); // the customer scans the QR in WeChat
  await expect.poll(async () => (await sandbox.control.orders()).length).toBe(1);
  await sandbox.control.walletPay({ clientSn: (await sandbox.control.orders())[0]!.clientSn }, 'wechat');
  await expect(counter.getByTestId('result-title')).toHaveText('支付成功');
  await expect.poll(() => bins().length).toBe(2);
});
