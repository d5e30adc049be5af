/**
 * Head office in Chromium: two counters of a store and one of another sync their sales (and a
 * refund) into a real PostgreSQL; a counter started with --hq/--store shows 总部已同步 in its
 * status bar; the chain owner signs in, sees today's takings, opens a store's ledger (fees,
 * net, expected settlement) and downloads the CSVs.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import { startSandbox } from '../../../main/aggregator/sandbox';
import { ensureAdmin } from '../../../main/hq/auth';
import { startHqServer } from '../../../main/hq/server';
import { feeFen, refundFeeFen } from '../../../main/reports/settlement';
import { freshDatabase } from '../../support/pg-database';
import { startCounter } from '../../support/sync-rig';
import { startHarnessProcess } from '../../support/harness-process';
import { pollUntil } from '../../support/poll-until';

test('chain owner: login, takings, a store ledger, CSV; a counter with --hq shows it is synced', async ({ page }) => {
  test.setTimeout(120_000);
  const db = await freshDatabase();
  const a = await db.store('EA', '南京西路店');
  const b = await db.store('EB', '五角场店');
  const c1 = await startCounter({ storeId: a.storeId, url: a.url, terminalId: 'A-1' });
  const c2 = await startCounter({ storeId: a.storeId, url: a.url, terminalId: 'A-2' });
  const c3 = await startCounter({ storeId: b.storeId, url: b.url, terminalId: 'B-1' });
  await Promise.all([c1.sell(12, () => 1000), c2.sell(8, () => 2550), c3.sell(5, () => 999)]);
  // A partial refund of 3.00 on A-1's first sale (wechat).
  await c1.journal.append({ type: 'REFUND_REQUESTED', clientSn: 'A-1-1', refundRequestNo: 'R1', amountFen: 300, operator: '店长' });
  await c1.journal.append({ type: 'REFUND_FINAL', clientSn: 'A-1-1', refundRequestNo: 'R1', amountFen: 300, outcome: 'REFUNDED' });
  await pollUntil(async () => [c1, c2, c3].every((c) => c.worker.current.state === 'synced'), (v) => v);

  // A real counter (the harness) started with the head-office flags syncs and says so.
  const dir = mkdtempSync(join(tmpdir(), 'yima-hq-e2e-'));
  const sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'aggregator') });
  const app = await startHarnessProcess({ dataDir: join(dir, 'counter'), aggregatorUrl: sandbox.url, extraArgs: ['--hq', b.url, '--store', b.storeId] });
  const counterPage = await page.context().newPage();
  await counterPage.goto(app.url);
  await expect(counterPage.getByTestId('sync-status')).toHaveText('总部已同步', { timeout: 20_000 });
  const settings = JSON.parse(readFileSync(join(dir, 'counter', 'settings.json'), 'utf8')) as { hq: { url: string } };
  expect(settings.hq.url).not.toContain(b.password); // the password went to secrets.json
  await counterPage.close();

  await ensureAdmin(db.sql, 'admin-pass-e2e');
  const hq = await startHqServer({ sql: db.sql, staticDir: join(process.cwd(), 'out/hq'), port: 0 });
  try {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(hq.url);
    await page.getByTestId('hq-password').fill('wrong-password');
    await page.getByTestId('hq-login').click();
    await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
    await page.getByTestId('hq-password').fill('admin-pass-e2e');
    await page.getByTestId('hq-login').click();

    // 12 × 10.00 + 8 × 25.50 + 5 × 9.99 = 373.95 paid, 3.00 refunded.
    await expect(page.getByTestId('hq-total')).toContainText('25 笔数 · 收款 ¥373.95 · 退款 ¥3.00 · 净额 ¥370.95');
    await expect(page.getByTestId('hq-by-store')).toContainText(`${a.storeId} 南京西路店`);
    await page.screenshot({ path: 'test-results/hq-dashboard-zh.png' });

    const dl = page.waitForEvent('download');
    await page.getByTestId('hq-export-takings').click();
    const csv = readFileSync((await (await dl).path())!, 'utf8');
    expect(csv.startsWith('\uFEFF营业日')).toBe(true);
    expect(csv).toContain(`门店,${a.storeId},南京西路店,20,324.00,1,3.00,321.00`);

    await page.getByTestId('hq-by-store').getByText(`${a.storeId} 南京西路店`).click();
    const ledger = page.getByTestId('hq-ledger');
    await expect(ledger).toContainText('分户帐');
    // Fees per order, half up at 0.38 %: the counter's own settlement rules.
    const fee = 6 * feeFen(1000, 38) + 4 * feeFen(2550, 38) + 6 * feeFen(1000, 38) + 4 * feeFen(2550, 38) - refundFeeFen(feeFen(1000, 38), 300, 1000);
    const net = 32400 - 300 - fee;
    const yuan = (f: number) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`;
    await expect(page.getByTestId('hq-ledger-total')).toHaveText(`合计20324.003.00${yuan(fee)}${yuan(net)}`);
    await expect(page.getByTestId('hq-by-counter')).toContainText('A-1 收银台 A-1');
    const dl2 = page.waitForEvent('download');
    await page.getByTestId('hq-export-ledger').click();
    const ledgerCsv = readFileSync((await (await dl2).path())!, 'utf8');
    expect(ledgerCsv).toContain(`合计,,20,324.00,3.00,${yuan(fee)},${yuan(net)}`);

    await page.getByTestId('hq-language').click();
    await expect(ledger).toContainText('Store ledger');
    await page.screenshot({ path: 'test-results/hq-ledger-en.png' });
  } finally {
    await hq.close();
    await app.kill();
    await sandbox.close();
    await Promise.all([c1.stop(), c2.stop(), c3.stop()]);
    await db.drop();
  }
});
