/**
 * A 收银员 id the bank does not know [cmb-polypay.md §2 userId, §5 USERID_NOT_EXIST], in Chromium
 * against the polypay sandbox (real HTTP, real SM2): the engineer's test button names it; saved
 * anyway and restarted on the bank, the counter's QR fails with words saying what to check —
 * never 支付成功, nothing charged.
 */
import { join } from 'node:path';
import { test, expect, typeAmount } from '../fixtures';
import { CMB_API_PREFIX } from '../../../main/aggregator/cmb/sandbox/server';
import { SANDBOX_BANK_KEYS, SANDBOX_MERCHANT } from '../../../main/aggregator/cmb/sandbox/test-keys';
import { startHarnessProcess } from '../../support/harness-process';
import { openEngineer } from './engineer-kit';

const STRANGER = 'N009999999'; // not one of the sandbox merchant's cashiers (test-keys.ts)

test('an unknown cashier id: named by the test button, and at the counter a failure in words, nothing charged', async ({ page, dataDir, sandbox, cmbSandbox }) => {
  test.setTimeout(120_000);
  const m = SANDBOX_MERCHANT;
  const counterDir = join(dataDir, 'counter');
  let app = await startHarnessProcess({ dataDir: counterDir, aggregatorUrl: sandbox.url });
  try {
    await page.goto(app.url);
    await openEngineer(page);
    const card = page.getByTestId('eng-platform');
    await card.getByTestId('eng-platform-platform').selectOption('cmb');
    const fields: [string, string][] = [
      ['baseUrl', cmbSandbox.url + CMB_API_PREFIX.slice(0, -1)], ['merId', m.merId], ['userId', STRANGER], ['appId', m.appId], ['appSecret', m.appSecret],
      ['bankPublic', SANDBOX_BANK_KEYS.publicKeyBase64], ['notifyUrl', 'https://yima.invalid/cmb/notify'], ['termId', m.termId], ['deviceId', m.terminalInfo.device_id],
      ['serialNum', m.terminalInfo.serial_num], ['location', m.terminalInfo.location], ['privateKey', m.privateKeyHex], ['publicKey', m.publicKeyBase64],
    ];
    for (const [k, v] of fields) await card.getByTestId(`eng-platform-${k}`).fill(v);
    await card.getByTestId('eng-platform-test').click();
    await expect(card.getByTestId('eng-platform-feedback')).toHaveText('招行不认识此收银员编号（USERID_NOT_EXIST）', { timeout: 30_000 });

    await card.getByTestId('eng-platform-save').click();
    await expect(card.getByTestId('eng-platform-feedback')).toHaveText('已保存：重启软件后改用招商银行聚合收款');
    await app.kill();
    app = await startHarnessProcess({ dataDir: counterDir });
    await page.goto(app.url);
    // Up and on the bank with the saved (unknown) cashier: merchant/cashier in the status pill's tooltip.
    await expect(page.getByTestId('aggregator-status')).toHaveAttribute('title', `${m.merId}/${STRANGER}`);
    await typeAmount(page, '12.30');
    await page.getByTestId('collect').click();
    await expect(page.getByTestId('result-title')).toHaveText('支付失败', { timeout: 30_000 });
    await expect(page.getByTestId('result-message')).toHaveText('下单失败：招商银行不认识本机设置的收银员编号（USERID_NOT_EXIST）：请工程师在“收款平台”中核对收银员编号');
    await expect(page.getByTestId('result-title')).not.toHaveText('支付成功');
    expect(await cmbSandbox.control.orders()).toEqual([]);
    expect((await cmbSandbox.control.requests()).map((r) => r.api)).toContain('qrcodeapply');
  } finally {
    await app.kill();
  }
});
