/**
 * Printer e2e kit: the shared fixtures plus a counter started with `--printer file:DIR`, and
 * helpers that read the sink's receipts back the way a printer would (GBK text, GS ( k QR).
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import iconv from 'iconv-lite';
import { test as base, expect, readQrFromScreen, typeAmount } from '../fixtures';
import { walletOpens } from '../../support/wallet-app';
import { startHarnessProcess, type HarnessProcess } from '../../support/harness-process';
import { qrPayloads, stripCommands } from '../../support/escpos-read';
import type { sandboxControl } from '../../support/sandbox-control';
import type { cmbSandboxControl } from '../../support/cmb-sandbox-control';

export interface PrinterKit {
  page: Page;
  app: HarnessProcess;
  /** The file sink: every printed job becomes `<jobId>.bin` here. */
  sinkDir: string;
}

export const test = base.extend<{ printerKit: PrinterKit }>({
  printerKit: async ({ page, dataDir, sandbox, platform, cmbSandbox }, use) => {
    const sinkDir = join(dataDir, 'printer-sink');
    await mkdir(sinkDir, { recursive: true });
    const app = await startHarnessProcess({ dataDir: join(dataDir, 'counter'), aggregatorUrl: platform === 'cmb' ? `cmb-sandbox+${cmbSandbox.url}` : sandbox.url, extraArgs: ['--printer', `file:${sinkDir}`] });
    await page.goto(app.url);
    await expect(page.getByTestId('aggregator-status')).toContainText('沙箱');
    await use({ page, app, sinkDir });
    await app.kill();
  },
});

export { expect };

export interface Receipt { file: string; bytes: Buffer; text: string; qr: string[] }

/** Every receipt in the sink, oldest first (job ids start with the time in base 36). */
export async function readReceipts(dir: string): Promise<Receipt[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.bin')).sort();
  return Promise.all(names.map(async (file) => {
    const bytes = await readFile(join(dir, file));
    return { file, bytes, text: iconv.decode(stripCommands(bytes), 'gbk'), qr: qrPayloads(bytes) };
  }));
}

/** Waits until the sink holds `count` receipts and returns them. */
export async function waitForReceipts(dir: string, count: number, timeout = 15_000): Promise<Receipt[]> {
  await expect.poll(async () => (await readReceipts(dir)).length, { timeout }).toBe(count);
  return readReceipts(dir);
}

/** Takes one QR payment to 支付成功: the customer's wallet pays through the sandbox. */
export async function payByQr(page: Page, sandbox: { control: ReturnType<typeof sandboxControl> }, yuan: string, wallet: 'wechat' | 'alipay' | 'unionpay' = 'wechat'): Promise<string> {
  await typeAmount(page, yuan);
  await page.getByTestId('collect').click();
  await walletOpens(await readQrFromScreen(page), wallet); // the customer scans the QR in their wallet
  const order = (await sandbox.control.orders()).find((o) => o.orderStatus !== 'PAID' && o.chargeCount === 0);
  if (!order) throw new Error('no open order at the sandbox');
  await sandbox.control.walletPay({ sn: order.sn }, wallet);
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
  await page.getByTestId('next').click();
  return order.sn;
}


/** The same on 招商银行: the customer pays the bank's QR (qrcodeapply) in the wallet; returns the bank's order number. */
export async function payByQrCmb(page: Page, bank: { control: ReturnType<typeof cmbSandboxControl> }, yuan: string, wallet: 'wechat' | 'alipay' | 'unionpay' = 'wechat'): Promise<string> {
  await typeAmount(page, yuan);
  await page.getByTestId('collect').click();
  await readQrFromScreen(page); // the QR is on screen (the bank's URL)
  const order = (await bank.control.orders()).find((o) => o.state === 'P' && o.chargeCount === 0);
  if (!order) throw new Error('no open order at the bank sandbox');
  await bank.control.walletPay(order.orderId, wallet);
  await expect(page.getByTestId('result-title')).toHaveText('支付成功', { timeout: 30_000 });
  await page.getByTestId('next').click();
  return order.cmbOrderId;
}
