/**
 * Head office in Chromium, the chain owner's day-end: which stores are behind or silent (a counter
 * half-way through catching up, one that stopped reporting, a store never connected), and the
 * chain-wide reconciliation — one statement file per store, uploaded together — with every
 * difference named by store and order, a file whose store cannot be told refused by name, and
 * the differences exported to CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from '@playwright/test';
import pg from 'pg';
import { STATEMENT_HEADER } from '../../../main/aggregator/sandbox';
import { ensureAdmin } from '../../../main/hq/auth';
import { startHqServer } from '../../../main/hq/server';
import { localDay } from '../../../main/shared/dates';
import { pushBatch } from '../../../main/sync/hq-push';
import type { OutboxRecord } from '../../../main/sync/journal-tail';
import { freshDatabase } from '../../support/pg-database';
import { startCounter } from '../../support/sync-rig';
import { pollUntil } from '../../support/poll-until';

test('behind and silent stores, chain reconciliation by store and order, CSV', async ({ page }) => {
  test.setTimeout(120_000);
  const db = await freshDatabase();
  const a = await db.store('CA', '徐家汇店');
  const b = await db.store('CB', '陆家嘴店');
  const c = await db.store('CC', '新开的店'); // provisioned, no counter has reported yet
  const ca = await startCounter({ storeId: a.storeId, url: a.url, terminalId: 'CA-1' });
  const cb = await startCounter({ storeId: b.storeId, url: b.url, terminalId: 'CB-1' });
  await Promise.all([ca.sell(3, () => 1000), cb.sell(2, () => 2500)]);
  await pollUntil(async () => [ca, cb].every((x) => x.worker.current.state === 'synced'), (v) => v);
  await Promise.all([ca.stop(), cb.stop()]);

  // CA-2 is catching up: its first batch of 3 records out of 10 in its journal (as the sync sends it).
  const day = localDay(Date.now());
  const client = new pg.Client({ connectionString: a.url });
  await client.connect();
  const recs: OutboxRecord[] = [1, 2, 3].map((seq) => ({ seq, ts: Date.now(), day, type: 'OPERATOR_ACTION', json: JSON.stringify({ type: 'OPERATOR_ACTION', operator: '收银员', action: 'login', seq, ts: Date.now() }) }));
  await pushBatch(client, { storeId: a.storeId, terminalId: 'CA-2', terminalName: '二号台' }, recs, { head: 10, acked: 0 }, () => 10);
  await client.end();
  // CB-1 last reported two hours ago (its link is down; nothing arrives from it any more).
  await db.sql.query("UPDATE terminal_status SET reported_at = now() - interval '2 hours' WHERE store_id = $1", [b.storeId]);

  await ensureAdmin(db.sql, 'admin-pass-chain');
  const hq = await startHqServer({ sql: db.sql, staticDir: join(process.cwd(), 'out/hq'), port: 0 });
  try {
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(hq.url);
    await page.getByTestId('hq-password').fill('admin-pass-chain');
    await page.getByTestId('hq-login').click();

    await expect(page.getByTestId('hq-by-wallet')).toContainText('微信支付345.00'); // wallets by name, not API codes
    await expect(page.getByTestId('hq-health-summary')).toHaveText('正常 1 · 落后/无响应 3');
    const health = page.getByTestId('hq-health');
    await expect(health.getByRole('row').filter({ hasText: '二号台' })).toContainText(`${a.storeId} 徐家汇店二号台落后 7 条`);
    await expect(health.getByRole('row').filter({ hasText: b.storeId })).toContainText(/无响应 · 7\d{3} 秒前/);
    await expect(health.getByRole('row').filter({ hasText: c.storeId })).toContainText('新开的店从未同步');

    // The platform's files: CA's lacks CA-1-2 (短款); CB's has an order no counter made (长款); one file names no store.
    const t = `${day} 12:00:00`;
    const files = [
      { name: `statement-${a.storeId}-${day}.csv`, rows: [`${t},CA-1-1,sn-CA-1-1,微信支付,收款,10.00,0.04,成功`, `${t},CA-1-3,sn-CA-1-3,微信支付,收款,10.00,0.04,成功`] },
      { name: `对账单_${b.storeId}_${day}.csv`, rows: [`${t},CB-1-1,sn-CB-1-1,微信支付,收款,25.00,0.10,成功`, `${t},CB-1-2,sn-CB-1-2,支付宝,收款,25.00,0.10,成功`, `${t},,78950000777,支付宝,收款,8.80,0.03,成功`] },
      { name: `statement-${day}.csv`, rows: [] },
    ];
    await page.getByTestId('hq-statements').setInputFiles(files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from([STATEMENT_HEADER, ...f.rows].join('\n')) })));
    const result = page.getByTestId('hq-reconcile');
    await expect(page.getByTestId('hq-differences')).toHaveText('2');
    await expect(result).toContainText(`statement-${day}.csv: 无法从文件名判断门店`);
    await expect(result.getByRole('row').filter({ hasText: 'CA-1-2' })).toContainText(`${a.storeId}CA-1-2-10.00`);
    await expect(result.getByRole('row').filter({ hasText: '78950000777' })).toContainText(`${b.storeId}789500007778.80`);
    await page.screenshot({ path: 'test-results/hq-chain-reconcile-zh.png' });

    const dl = page.waitForEvent('download');
    await page.getByTestId('hq-export-reconcile').click();
    const csv = readFileSync((await (await dl).path())!, 'utf8');
    expect(csv.startsWith('\uFEFF营业日')).toBe(true);
    expect(csv).toContain(`${a.storeId},短款（收款机有，平台无）,CA-1-2,sn-CA-1-2,支付宝,10.00,0.00,-10.00`);
    expect(csv).toContain(`${b.storeId},长款（平台有，收款机无）,,78950000777,支付宝,0.00,8.80,8.80`);

    // In English the differences read in English (the CSV above stays Chinese: the finance office's files)
    await page.getByTestId('hq-language').click();
    const short = result.getByRole('row').filter({ hasText: 'CA-1-2' });
    await expect(result).toContainText(`statement-${day}.csv: no store id found in the file name`);
    await expect(short).toContainText('Query again');
    await expect(short).not.toContainText(/[\u3400-\u9fff]/);
    await expect(result.getByRole('row').filter({ hasText: '78950000777' })).toContainText('Look the payment up at the platform');
    await expect(result.getByRole('row').filter({ hasText: '78950000777' })).not.toContainText(/[\u3400-\u9fff]/);
    await page.screenshot({ path: 'test-results/hq-chain-reconcile-en.png' });
  } finally {
    await hq.close();
    await db.drop();
  }
});
