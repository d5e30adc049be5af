/**
 * The engineer's two new forms in Chromium, against real parts: the 招商银行 polypay sandbox over
 * real HTTP with real SM2 (its published test keys), and the real PostgreSQL of the test setup
 * with a provisioned store role (main/hq/provision.ts). The engineer configures the bank, tests
 * the connection (a wrong key, then the right one), saves, restarts the counter and takes a
 * payment on the bank; then connects the counter to head office and the status bar says synced.
 */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, typeAmount } from '../fixtures';
import { generateSm2KeyPair } from '../../../main/aggregator/cmb';
import { CMB_API_PREFIX } from '../../../main/aggregator/cmb/sandbox/server';
import { SANDBOX_BANK_KEYS, SANDBOX_MERCHANT } from '../../../main/aggregator/cmb/sandbox/test-keys';
import { startHarnessProcess } from '../../support/harness-process';
import { openEngineer } from './engineer-kit';
import { freshDatabase } from '../../support/pg-database';

/** A WeChat payment code typed by a keyboard-wedge scanner at scanner speed (see scan-checkout.spec.ts). */
async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.evaluate((c) => {
    const w = globalThis as unknown as { dispatchEvent(e: unknown): void; KeyboardEvent: new (type: string, init: object) => unknown };
    for (const key of [...c, 'Enter']) w.dispatchEvent(new w.KeyboardEvent('keydown', { key, bubbles: true }));
  }, code);
}

test('an engineer switches the counter to 招商银行: wrong key refused, test ok, restart, a payment on the bank', async ({ page, dataDir, sandbox, cmbSandbox }) => {
  test.setTimeout(120_000);
  const m = SANDBOX_MERCHANT;
  const counterDir = join(dataDir, 'counter');
  let app = await startHarnessProcess({ dataDir: counterDir, aggregatorUrl: sandbox.url });
  try {
    await page.goto(app.url);
    await openEngineer(page);
    const card = page.getByTestId('eng-platform');
    await expect(card.getByTestId('eng-platform-running')).toHaveText('正在使用：收钱吧');
    await card.getByTestId('eng-platform-platform').selectOption('cmb');
    await card.getByTestId('eng-platform-baseUrl').fill(cmbSandbox.url + CMB_API_PREFIX.slice(0, -1));
    await card.getByTestId('eng-platform-merId').fill(m.merId);
    await card.getByTestId('eng-platform-userId').fill(m.userId);
    await card.getByTestId('eng-platform-appId').fill(m.appId);
    await card.getByTestId('eng-platform-appSecret').fill(m.appSecret);
    await card.getByTestId('eng-platform-bankPublic').fill(SANDBOX_BANK_KEYS.publicKeyBase64);
    await card.getByTestId('eng-platform-notifyUrl').fill('https://yima.invalid/cmb/notify');
    await card.getByTestId('eng-platform-termId').fill(m.termId);
    await card.getByTestId('eng-platform-deviceId').fill(m.terminalInfo.device_id);
    await card.getByTestId('eng-platform-serialNum').fill(m.terminalInfo.serial_num);
    // Device type 10 (the default) needs a location too [cmb-polypay.md §1.6]: the form says so before anything is sent.
    await card.getByTestId('eng-platform-test').click();
    await expect(card.getByTestId('eng-platform-location-error')).toHaveText('设备类型 10 须填写此项（招行终端信息要求）');
    await card.getByTestId('eng-platform-location').fill(m.terminalInfo.location);

    // A key pair the bank never registered: typed with its public key, it is a pair, so only the bank can refuse it.
    const stranger = generateSm2KeyPair();
    await card.getByTestId('eng-platform-privateKey').fill(stranger.privateKeyHex);
    await card.getByTestId('eng-platform-publicKey').fill(m.publicKeyBase64);
    await card.getByTestId('eng-platform-test').click();
    await expect(card.getByTestId('eng-platform-publicKey-error')).toContainText('不是一对');
    await card.getByTestId('eng-platform-publicKey').fill(stranger.publicKeyBase64);
    await card.getByTestId('eng-platform-test').click();
    await expect(card.getByTestId('eng-platform-feedback')).toContainText('招行拒绝了本店签名（SIGN_ERROR', { timeout: 30_000 });

    await card.getByTestId('eng-platform-privateKey').fill(m.privateKeyHex);
    await card.getByTestId('eng-platform-publicKey').fill(m.publicKeyBase64);
    await card.getByTestId('eng-platform-test').click();
    await expect(card.getByTestId('eng-platform-feedback')).toContainText(/^连接正常：.*（\d+ 毫秒，ORDERID_NOT_EXIST）$/, { timeout: 30_000 });

    await card.getByTestId('eng-platform-save').click();
    await expect(card.getByTestId('eng-platform-feedback')).toHaveText('已保存：重启软件后改用招商银行聚合收款');
    await expect(card.getByTestId('eng-platform-restart')).toBeVisible();
    await expect(card.getByTestId('eng-platform-our-public')).toContainText(m.publicKeyBase64);
    // Secrets are write-only: the form is empty again, its placeholder says a key is stored.
    await expect(card.getByTestId('eng-platform-privateKey')).toHaveValue('');
    await expect(card.getByTestId('eng-platform-privateKey')).toHaveAttribute('placeholder', '已设置（留空不变）');
    const requests = (await cmbSandbox.control.requests()).length;

    // Restart on the saved settings (no --aggregator flag): the counter now talks to the bank.
    await app.kill();
    app = await startHarnessProcess({ dataDir: counterDir });
    await page.goto(app.url);
    // the restarted counter is up (status bar drawn, keys listened to) before the cashier types
    await expect(page.getByTestId('aggregator-status')).toHaveAttribute('title', `${m.merId}/${m.userId}`);
    await typeAmount(page, '12.30');
    await wedgeScan(page, '134567890123456780');
    await expect(page.getByTestId('result-title')).toHaveText('支付成功', { timeout: 30_000 });
    await expect(page.getByTestId('result-amount')).toHaveText('¥12.30');
    expect(await cmbSandbox.control.orders()).toEqual([expect.objectContaining({ kind: 'pay', amountFen: 1230, chargeCount: 1, payType: 'WX' })]);
    expect((await cmbSandbox.control.requests()).length).toBeGreaterThan(requests);
  } finally {
    await app.kill();
  }
});

test('an engineer connects the counter to head office: wrong password named, test ok, save, the status bar says synced', async ({ counter }) => {
  test.setTimeout(90_000);
  const db = await freshDatabase();
  try {
    const store = await db.store('E2E', '南京西路店');
    const u = new URL(store.url);
    u.password = '';
    const page = counter;
    await expect(page.getByTestId('sync-status')).toHaveCount(0); // off by default
    await openEngineer(page);
    const card = page.getByTestId('eng-hq');
    await expect(card.getByTestId('eng-hq-terminal')).toContainText('本收银台编号：yima-');
    await card.getByTestId('eng-hq-enabled').selectOption('on');
    await card.getByTestId('eng-hq-url').fill(u.toString());
    await card.getByTestId('eng-hq-storeId').fill(store.storeId);
    await card.getByTestId('eng-hq-storeName').fill('南京西路店');
    await card.getByTestId('eng-hq-save').click();
    await expect(card.getByTestId('eng-hq-password-error')).toHaveText('开启同步须填写门店角色的密码');

    await card.getByTestId('eng-hq-password').fill('not-the-password');
    await card.getByTestId('eng-hq-test').click();
    await expect(card.getByTestId('eng-hq-feedback')).toContainText(`总部数据库拒绝登录（角色 ${u.username}）`);
    await card.getByTestId('eng-hq-password').fill(store.password);
    await card.getByTestId('eng-hq-test').click();
    await expect(card.getByTestId('eng-hq-feedback')).toContainText(`连接正常：已作为门店 ${store.storeId} 登录总部数据库`);

    await card.getByTestId('eng-hq-save').click();
    await expect(card.getByTestId('eng-hq-feedback')).toHaveText(`已保存，同步已按新设置重新开始（门店 ${store.storeId}）`);
    await expect(page.getByTestId('sync-status')).toHaveText('总部已同步', { timeout: 20_000 });
    await expect(card.getByTestId('eng-hq-state')).toHaveText('同步状态：总部已同步');
    await expect(card.getByTestId('eng-hq-password')).toHaveValue('');
    const rows = await db.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM terminal_status WHERE store_id = $1', [store.storeId]);
    expect(rows.rows[0]?.n).toBe(1);

    // Off again: the worker stops and the status bar no longer shows head office.
    await card.getByTestId('eng-hq-enabled').selectOption('off');
    await card.getByTestId('eng-hq-save').click();
    await expect(card.getByTestId('eng-hq-feedback')).toHaveText('已保存：总部同步已关闭');
    await expect(page.getByTestId('sync-status')).toHaveCount(0);
  } finally {
    await db.drop();
  }
});
