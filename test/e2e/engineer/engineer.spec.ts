/**
 * The field engineer at a new shop, through the harness: PIN, picks the scanner's port from the
 * list (a socat pty), sees scans in the live monitor, changes the baud rate, switches the printer
 * and test-prints to a file sink, activates against the sandbox (a wrong code gives the
 * aggregator's message), and never sees a key come back.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, expect } from '../fixtures';
import { openPtyPair, ptySkipReason, type PtyPair } from '../../support/pty-pair';
import { startHarnessProcess, type HarnessProcess } from '../../support/harness-process';
import { DEFAULT_SETTINGS } from '../../../main/settings/schema';
import { sandboxControl } from '../../support/sandbox-control';

test.describe('engineer screen', () => {
  let pty: PtyPair;
  let app: HarnessProcess;
  let receiptsA: string;
  let receiptsB: string;

  test.beforeEach(async ({ dataDir, sandbox }, testInfo) => {
    const skip = ptySkipReason();
    testInfo.skip(!!skip, skip);
    const ports = join(dataDir, 'ports');
    await mkdir(ports, { recursive: true });
    pty = await openPtyPair({ a: join(ports, 'ttyUSB0'), b: join(ports, 'scanner-end'), dir: ports });
    receiptsA = join(dataDir, 'receipts-a');
    receiptsB = join(dataDir, 'receipts-b');
    for (const d of [receiptsA, receiptsB]) await mkdir(d, { recursive: true });
    const counter = join(dataDir, 'counter');
    await mkdir(counter, { recursive: true });
    await writeFile(join(counter, 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, printer: { spec: `file:${receiptsA}`, width: 58 } }));
    app = await startHarnessProcess({ dataDir: counter, aggregatorUrl: sandbox.url, env: { YIMA_SERIAL_DIRS: ports } });
  });

  test.afterEach(async () => {
    await app?.kill();
    await pty?.close();
  });

  test('sets up the scanner, printer and terminal, with PIN, validation and no key ever shown', async ({ page, sandbox }) => {
    await page.goto(app.url);
    await expect(page.getByTestId('collect')).toBeVisible();

    // Engineer actions are refused in main before the PIN.
    expect(await app.call('engineerView')).toMatchObject({ ok: false, error: { code: 'REFUSED', message: '请先输入工程师 PIN' } });

    await page.keyboard.press('F4');
    await page.getByTestId('eng-pin').fill('1234');
    await page.getByTestId('eng-pin-submit').click();
    await expect(page.getByTestId('eng-pin-message')).toContainText('PIN 错误');
    await page.getByTestId('eng-pin').fill('6666');
    await page.getByTestId('eng-pin-submit').click();
    await expect(page.getByTestId('engineer')).toBeVisible();
    await expect(page.getByTestId('eng-secrets-clear')).toBeVisible(); // the harness has no keychain: said plainly

    // The socat pty is in the port list; pick it and apply.
    const port = join(app.dataDir, '..', 'ports', 'ttyUSB0');
    await expect(page.getByTestId('eng-port').filter({ hasText: port })).toBeVisible();
    await page.getByTestId('eng-port').filter({ hasText: port }).click();
    await expect(page.getByTestId('eng-scanner-path')).toHaveValue(port);
    await page.getByTestId('eng-scanner-save').click();
    await expect(page.getByTestId('eng-scanner-feedback')).toContainText(port);
    await expect(page.getByTestId('eng-scanner-state')).toHaveText(`扫码枪已连接（${port}）`);

    // Bytes written at the scanner's end show up in the live monitor with hex and the wallet.
    const writer = await open(pty.b, 'r+');
    await writer.write(Buffer.from('134567890123456789\r'));
    const line = page.getByTestId('eng-monitor-line').first();
    await expect(line.getByTestId('eng-monitor-text')).toHaveText('134567890123456789');
    await expect(line.getByTestId('eng-monitor-wallet')).toHaveText('微信支付');
    await expect(line.getByTestId('eng-monitor-hex')).toContainText(Buffer.from('134567890123456789').toString('hex'));
    await writer.write(Buffer.from('hello\r'));
    await expect(page.getByTestId('eng-monitor-line').first().getByTestId('eng-monitor-wallet')).toContainText('不是付款码');

    // A bad field is named and nothing is saved; a good baud rate reconfigures the running reader.
    await page.getByTestId('eng-scanner-interCharTimeoutMs').fill('5');
    await page.getByTestId('eng-scanner-baudRate').selectOption('115200');
    await page.getByTestId('eng-scanner-save').click();
    await expect(page.getByTestId('eng-scanner-interCharTimeoutMs-error')).toHaveText('无结束符时的帧间隔（毫秒）须在 10–1000 之间');
    expect(((await app.call<{ scanner: { baudRate: number } }>('engineerView')).value)?.scanner.baudRate).toBe(9600);
    await page.getByTestId('eng-scanner-interCharTimeoutMs').fill('50');
    await page.getByTestId('eng-scanner-save').click();
    await expect(page.getByTestId('eng-scanner-feedback')).toContainText('115200');
    await expect(page.getByTestId('eng-scanner-state')).toHaveText(`扫码枪已连接（${port}）`);
    await writer.write(Buffer.from('2812345678901234\r'));
    await expect(page.getByTestId('eng-monitor-line').first().getByTestId('eng-monitor-wallet')).toHaveText('支付宝');
    await writer.close();

    // Printer: switch the file sink, test print, the page lands in the new folder.
    await page.getByTestId('eng-printer-address').fill('receipts-b');
    await page.getByTestId('eng-printer-save').click();
    await expect(page.getByTestId('eng-printer-address-error')).toContainText('完整路径');
    await page.getByTestId('eng-printer-address').fill(receiptsB);
    await page.getByTestId('eng-printer-save').click();
    await expect(page.getByTestId('eng-printer-feedback')).toHaveText(`打印机已切换到 file:${receiptsB}`);
    await page.getByTestId('eng-test-print').click();
    await expect.poll(() => readdirSync(receiptsB).filter((n) => n.endsWith('.bin')).length).toBe(1);
    await expect(page.getByTestId('eng-printer-state')).toContainText('正常');

    // Activation: the aggregator's own message for a wrong code, then the terminal sn.
    await page.getByTestId('eng-activation-code').fill('12345678');
    await page.getByTestId('eng-activate').click();
    await expect(page.getByTestId('eng-terminal-feedback')).toHaveText('激活失败：激活码不存在');
    // This device is already active at the platform (the counter activated it at start): the
    // platform refuses a second activation of the same device id (activate.md FAQ 4) and the
    // engineer reads its reason; once the merchant has it unbound, activation goes through.
    await page.getByTestId('eng-activation-code').fill('88888888');
    await page.getByTestId('eng-activate').click();
    await expect(page.getByTestId('eng-terminal-feedback')).toContainText('设备号重复');
    await sandboxControl(sandbox.url).call('POST', 'reset', { terminals: true });
    await page.getByTestId('eng-activate').click();
    await expect(page.getByTestId('eng-terminal-feedback')).toContainText('激活成功，终端号');
    await expect(page.getByTestId('eng-terminal-state')).toContainText('已激活，终端号');
    await page.getByTestId('eng-checkin').click();
    await expect(page.getByTestId('eng-terminal-feedback')).toContainText('签到成功');

    // The vendor key goes in, and only "set" ever comes out.
    await page.getByTestId('eng-aggregator-vendorKey').fill('secret-vendor-key-1');
    await page.getByTestId('eng-aggregator-save').click();
    await expect(page.getByTestId('eng-aggregator-feedback')).toHaveText('聚合支付设置已保存');
    await expect(page.getByTestId('eng-vendor-key-state')).toContainText('已设置');
    await expect(page.getByTestId('eng-aggregator-vendorKey')).toHaveValue('');
    const view = await app.call('engineerView');
    expect(JSON.stringify(view)).not.toContain('secret-vendor-key-1');
    const exported = await app.call<{ json: string }>('exportSettings');
    expect(exported.value?.json).not.toContain('secret-vendor-key-1');
    const logs = await app.call<{ path: string; bytes: number }>('exportLogs');
    expect(logs.ok).toBe(true);
    expect(existsSync(logs.value!.path)).toBe(true);

    // Leaving the screen closes the session in main too.
    await page.getByTestId('eng-lock').click();
    await expect(page.getByTestId('eng-pin')).toBeVisible();
    expect(await app.call('engineerView')).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });
});
