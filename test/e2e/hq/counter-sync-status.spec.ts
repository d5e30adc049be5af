/**
 * The counter's status bar while head office goes away and comes back (issue 16 item 1): a real
 * counter started with --hq/--store, PostgreSQL behind a TCP proxy the test takes down. Sales go
 * on; the status bar says since when head office is unreachable and how many records wait (in
 * both languages); once it is back, 总部已同步 and every sale is at head office.
 */
import { join } from 'node:path';
import { test, expect, typeAmount } from '../fixtures';
import { startHarnessProcess } from '../../support/harness-process';
import { freshDatabase } from '../../support/pg-database';
import { startProxy, viaProxy } from '../../support/tcp-proxy';

async function payCash(page: import('@playwright/test').Page, yuan: string): Promise<void> {
  await typeAmount(page, yuan);
  await page.keyboard.press('F8');
  await page.getByTestId('cash-received').fill(yuan);
  await page.getByTestId('cash-received').press('Enter');
  await expect(page.getByTestId('result-title')).toHaveText(/支付成功|Payment successful/);
  await page.keyboard.press('Enter'); // 下一笔
}

test('status bar: synced, HQ unreachable since … with records waiting, synced again', async ({ page, dataDir, sandbox }) => {
  test.setTimeout(120_000);
  const db = await freshDatabase();
  const store = await db.store('SB', '静安寺店');
  const target = new URL(store.url);
  const proxy = await startProxy(target.hostname, Number(target.port));
  const app = await startHarnessProcess({ dataDir: join(dataDir, 'counter'), aggregatorUrl: sandbox.url, extraArgs: ['--hq', viaProxy(store.url, proxy), '--store', store.storeId] });
  try {
    await page.goto(app.url);
    const status = page.getByTestId('sync-status');
    await expect(status).toHaveText('总部已同步', { timeout: 20_000 });

    await proxy.down();
    const downAt = new Date();
    await payCash(page, '12.00');
    await payCash(page, '3.50');
    // HH:MM of the moment it went down (a minute boundary may pass meanwhile).
    const hhmm = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
    const since = `(${hhmm(downAt)}|${hhmm(new Date(downAt.getTime() + 60_000))})`;
    await expect(status).toHaveText(new RegExp(`^总部连不上（${since} 起，\\d+ 条待传）$`), { timeout: 20_000 });
    await expect(status).toHaveClass(/bad/);
    await page.getByTestId('language-toggle').click();
    await expect(status).toHaveText(new RegExp(`^HQ unreachable since ${since} \\(\\d+ to send\\)$`));
    await page.getByTestId('language-toggle').click();

    await proxy.up();
    await expect(status).toHaveText('总部已同步', { timeout: 60_000 });
    const paid = await db.sql.query<{ n: number; fen: number }>('SELECT count(*)::int AS n, sum(amount_fen)::int AS fen FROM payments WHERE store_id = $1', [store.storeId]);
    expect(paid.rows[0]).toEqual({ n: 2, fen: 1550 });
  } finally {
    await app.kill();
    await proxy.close();
    await db.drop();
  }
});
